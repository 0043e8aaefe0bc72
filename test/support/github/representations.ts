import type { Repo, User } from './state.js';

/** The fields of GitHub's objects that carry meaning; the schema filler completes the rest. */
export function userJson(user: User, baseUrl: string) {
  return {
    login: user.login,
    id: user.id,
    node_id: `U_${user.id}`,
    type: user.type,
    site_admin: false,
    // A bot's login has brackets (`github-actions[bot]`): GitHub percent-encodes them in its URLs.
    url: `${baseUrl}/users/${encodeURIComponent(user.login)}`,
    html_url: `https://github.com/${encodeURIComponent(user.login)}`,
  };
}

export function repoJson(repo: Repo, baseUrl: string) {
  return {
    id: repo.id,
    node_id: `R_${repo.id}`,
    name: repo.name,
    full_name: repo.fullName,
    owner: userJson(repo.owner, baseUrl),
    private: repo.private,
    visibility: repo.private ? 'private' : 'public',
    default_branch: repo.defaultBranch,
    url: `${baseUrl}/repos/${repo.fullName}`,
    html_url: `https://github.com/${repo.fullName}`,
    clone_url: `https://github.com/${repo.fullName}.git`,
    fork: false,
    archived: false,
    disabled: false,
  };
}

export const now = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
