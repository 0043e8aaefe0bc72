import type { Repo, User } from './state.js';

/** The fields of GitHub's objects that carry meaning; the schema filler completes the rest. */
export function userJson(user: User, baseUrl: string) {
  // An app's bot is `name[bot]`: GitHub escapes the brackets in its API URL and links its page under /apps.
  const path = encodeURIComponent(user.login);
  const page =
    user.type === 'Bot'
      ? `https://github.com/apps/${user.login.replace(/\[bot\]$/, '')}`
      : `https://github.com/${path}`;
  return {
    login: user.login,
    id: user.id,
    node_id: `${user.type === 'Bot' ? 'BOT' : 'U'}_${user.id}`,
    type: user.type,
    site_admin: false,
    url: `${baseUrl}/users/${path}`,
    html_url: page,
    avatar_url: `https://avatars.githubusercontent.com/u/${user.id}?v=4`,
    followers_url: `${baseUrl}/users/${path}/followers`,
    following_url: `${baseUrl}/users/${path}/following{/other_user}`,
    gists_url: `${baseUrl}/users/${path}/gists{/gist_id}`,
    starred_url: `${baseUrl}/users/${path}/starred{/owner}{/repo}`,
    subscriptions_url: `${baseUrl}/users/${path}/subscriptions`,
    organizations_url: `${baseUrl}/users/${path}/orgs`,
    repos_url: `${baseUrl}/users/${path}/repos`,
    events_url: `${baseUrl}/users/${path}/events{/privacy}`,
    received_events_url: `${baseUrl}/users/${path}/received_events`,
    gravatar_id: '',
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
