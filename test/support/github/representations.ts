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

/** The collaborator permissions GitHub lists for the caller (`permissions` on a repository). */
function permissionsFor(repo: Repo, viewer: User | undefined) {
  const role = viewer ? repo.collaborators.get(viewer.login) : undefined;
  const rank = ['read', 'triage', 'write', 'maintain', 'admin'].indexOf(
    role ?? (repo.private ? 'none' : 'read'),
  );
  return { admin: rank >= 4, maintain: rank >= 3, push: rank >= 2, triage: rank >= 1, pull: rank >= 0 };
}

/**
 * A repository as GitHub gives it, with every URL GitHub gives: API URLs (with their RFC 6570
 * templates) on this stand-in, so code that follows `releases_url` or `contents_url` gets an answer;
 * web and clone URLs on github.com. `viewer` adds the caller's `permissions`, as GitHub does.
 */
export function repoJson(repo: Repo, baseUrl: string, viewer?: User) {
  const api = `${baseUrl}/repos/${repo.fullName}`;
  const openPulls = [...repo.pulls.values()].filter((p) => p.state === 'open').length;
  return {
    id: repo.id,
    node_id: `R_${repo.id}`,
    name: repo.name,
    full_name: repo.fullName,
    owner: userJson(repo.owner, baseUrl),
    private: repo.private,
    visibility: repo.private ? 'private' : 'public',
    description: null,
    fork: false,
    homepage: null,
    language: null,
    default_branch: repo.defaultBranch,
    url: api,
    html_url: `https://github.com/${repo.fullName}`,
    clone_url: `https://github.com/${repo.fullName}.git`,
    git_url: `git://github.com/${repo.fullName}.git`,
    ssh_url: `git@github.com:${repo.fullName}.git`,
    svn_url: `https://github.com/${repo.fullName}`,
    mirror_url: null,
    archive_url: `${api}/{archive_format}{/ref}`,
    assignees_url: `${api}/assignees{/user}`,
    blobs_url: `${api}/git/blobs{/sha}`,
    branches_url: `${api}/branches{/branch}`,
    collaborators_url: `${api}/collaborators{/collaborator}`,
    comments_url: `${api}/comments{/number}`,
    commits_url: `${api}/commits{/sha}`,
    compare_url: `${api}/compare/{base}...{head}`,
    contents_url: `${api}/contents/{+path}`,
    contributors_url: `${api}/contributors`,
    deployments_url: `${api}/deployments`,
    downloads_url: `${api}/downloads`,
    events_url: `${api}/events`,
    forks_url: `${api}/forks`,
    git_commits_url: `${api}/git/commits{/sha}`,
    git_refs_url: `${api}/git/refs{/sha}`,
    git_tags_url: `${api}/git/tags{/sha}`,
    hooks_url: `${api}/hooks`,
    issue_comment_url: `${api}/issues/comments{/number}`,
    issue_events_url: `${api}/issues/events{/number}`,
    issues_url: `${api}/issues{/number}`,
    keys_url: `${api}/keys{/key_id}`,
    labels_url: `${api}/labels{/name}`,
    languages_url: `${api}/languages`,
    merges_url: `${api}/merges`,
    milestones_url: `${api}/milestones{/number}`,
    notifications_url: `${api}/notifications{?since,all,participating}`,
    pulls_url: `${api}/pulls{/number}`,
    releases_url: `${api}/releases{/id}`,
    stargazers_url: `${api}/stargazers`,
    statuses_url: `${api}/statuses/{sha}`,
    subscribers_url: `${api}/subscribers`,
    subscription_url: `${api}/subscription`,
    tags_url: `${api}/tags`,
    teams_url: `${api}/teams`,
    trees_url: `${api}/git/trees{/sha}`,
    created_at: repo.createdAt,
    updated_at: repo.createdAt,
    pushed_at: repo.createdAt,
    size: 0,
    stargazers_count: 0,
    watchers_count: 0,
    watchers: 0,
    forks_count: 0,
    forks: 0,
    open_issues_count: openPulls,
    open_issues: openPulls,
    network_count: 0,
    subscribers_count: 0,
    has_issues: true,
    has_projects: true,
    has_downloads: true,
    has_wiki: true,
    has_pages: false,
    has_discussions: false,
    license: null,
    topics: [],
    allow_forking: !repo.private,
    is_template: false,
    web_commit_signoff_required: false,
    archived: false,
    disabled: false,
    ...(viewer ? { permissions: permissionsFor(repo, viewer) } : {}),
  };
}

export const now = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
