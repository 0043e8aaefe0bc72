import type { Repo, User } from '../state.js';
import type { GraphqlContext } from './graphql-context.js';
import { objectById, refNode, repositoryNode, type Node } from './graphql-nodes.js';

/**
 * Issues, pull requests, comments, reactions and deployments as GraphQL nodes, read from the very
 * objects the REST handlers store (`repo.pulls`, `repo.comments`, …): one state, two views.
 */
type Stored = Record<string, unknown>;

const webUrl = (repo: Repo, ...rest: (string | number)[]) =>
  ['https://github.com', repo.fullName, ...rest].join('/');

/**
 * A person or an app's bot. GraphQL names a bot without REST's `[bot]` suffix (`modelship`, type
 * `Bot`), which is why `gh` shows bots as `app/modelship`.
 */
export function actorNode(user: Pick<User, 'login' | 'id' | 'type'>): Node {
  const bot = user.type === 'Bot';
  const login = bot ? user.login.replace(/\[bot\]$/, '') : user.login;
  return {
    __typename: bot ? 'Bot' : 'User',
    id: `${bot ? 'BOT' : 'U'}_${user.id}`,
    databaseId: user.id,
    login,
    url: bot ? `https://github.com/apps/${login}` : `https://github.com/${login}`,
    resourcePath: bot ? `/apps/${login}` : `/${login}`,
    avatarUrl: `https://avatars.githubusercontent.com/u/${user.id}?v=4`,
  };
}

const storedUser = (value: unknown) => value as Pick<User, 'login' | 'id' | 'type'>;

/** REST's `+1` is GraphQL's `THUMBS_UP`, and so on. */
export const REACTION_CONTENT: Record<string, string> = {
  '+1': 'THUMBS_UP',
  '-1': 'THUMBS_DOWN',
  laugh: 'LAUGH',
  hooray: 'HOORAY',
  confused: 'CONFUSED',
  heart: 'HEART',
  rocket: 'ROCKET',
  eyes: 'EYES',
};

function reactionGroups(ctx: GraphqlContext, list: Stored[], subject: () => Node): Node[] {
  const login = ctx.token.actor.login;
  return Object.entries(REACTION_CONTENT).map(([rest, content]) => {
    const mine = list.filter((r) => r.content === rest);
    const count = { __typename: 'ReactorConnection', totalCount: mine.length };
    return {
      __typename: 'ReactionGroup',
      content,
      createdAt: (mine[0]?.created_at as string | undefined) ?? null,
      subject,
      viewerHasReacted: mine.some((r) => storedUser(r.user).login === login),
      reactors: () => count,
      users: () => ({ __typename: 'ReactingUserConnection', totalCount: mine.length }),
    };
  });
}

export function reactionNode(reaction: Stored, reactable: () => Node): Node {
  const user = storedUser(reaction.user);
  return {
    __typename: 'Reaction',
    id: reaction.node_id,
    databaseId: reaction.id,
    content: REACTION_CONTENT[reaction.content as string],
    createdAt: reaction.created_at,
    // `user` is a User: a bot's reaction has none to show.
    user: user.type === 'Bot' ? null : actorNode(user),
    reactable,
  };
}

/** The pull request with number `number`, as GraphQL shows it. */
export function pullRequestNode(ctx: GraphqlContext, repo: Repo, pull: Stored): Node {
  const head = pull.head as { ref: string; sha: string; repo?: { full_name?: string } };
  const base = pull.base as { ref: string; sha: string };
  const open = pull.state === 'open';
  const merged = pull.merged === true;
  const branch = (name: string) => repo.git.refSha(`refs/heads/${name}`);
  // An open pull request follows its branches (as REST's `head.sha`); a closed one keeps the last.
  const headOid = async () => (open ? ((await branch(head.ref)) ?? head.sha) : head.sha);
  const baseOid = async () => (open ? ((await branch(base.ref)) ?? base.sha) : base.sha);
  const headRepo = head.repo?.full_name ?? repo.fullName;
  const self = (): Node => node;
  const node: Node = {
    __typename: 'PullRequest',
    id: pull.node_id,
    databaseId: pull.id,
    fullDatabaseId: String(pull.id),
    number: pull.number,
    title: pull.title,
    body: (pull.body as string | null) ?? '',
    state: merged ? 'MERGED' : open ? 'OPEN' : 'CLOSED',
    closed: !open,
    merged,
    mergedAt: pull.merged_at ?? null,
    closedAt: pull.closed_at ?? null,
    createdAt: pull.created_at,
    updatedAt: pull.updated_at,
    isDraft: pull.draft === true,
    locked: false,
    url: webUrl(repo, 'pull', pull.number as number),
    permalink: webUrl(repo, 'pull', pull.number as number),
    resourcePath: `/${repo.fullName}/pull/${pull.number as number}`,
    author: actorNode(storedUser(pull.user)),
    authorAssociation: pull.author_association,
    // The stand-in has no forks: the head is always in the base repository.
    isCrossRepository: headRepo.toLowerCase() !== repo.fullName.toLowerCase(),
    headRepository: () => repositoryNode(ctx, repo),
    headRepositoryOwner: () => actorNode(repo.owner),
    baseRepository: () => repositoryNode(ctx, repo),
    repository: () => repositoryNode(ctx, repo),
    headRefName: head.ref,
    baseRefName: base.ref,
    headRefOid: headOid,
    baseRefOid: baseOid,
    headRef: async () => {
      const sha = await branch(head.ref);
      return sha ? refNode(ctx, repo, `refs/heads/${head.ref}`, sha, 'refs/heads/', 'commit') : null;
    },
    baseRef: async () => {
      const sha = await branch(base.ref);
      return sha ? refNode(ctx, repo, `refs/heads/${base.ref}`, sha, 'refs/heads/', 'commit') : null;
    },
    mergeCommit: () =>
      merged && typeof pull.merge_commit_sha === 'string'
        ? objectById(ctx, repo, pull.merge_commit_sha)
        : null,
    // As REST's `mergeable`: computed from the branches when asked (GitHub computes it in the background).
    mergeable: async () => {
      if (!open) return 'UNKNOWN';
      const [h, b] = await Promise.all([branch(head.ref), branch(base.ref)]);
      if (!h || !b) return 'CONFLICTING';
      return (await repo.git.mergeTree(b, h)).conflicts.length === 0 ? 'MERGEABLE' : 'CONFLICTING';
    },
    reactionGroups: () => reactionGroups(ctx, repo.issueReactions.get(pull.number as number) ?? [], self),
    viewerDidAuthor: storedUser(pull.user).login === ctx.token.actor.login,
  };
  return node;
}

/** A plain issue (`repo.issues`). */
export function issueNode(ctx: GraphqlContext, repo: Repo, issue: Stored): Node {
  const self = (): Node => node;
  const node: Node = {
    __typename: 'Issue',
    id: `I_${issue.id as number}`,
    databaseId: issue.id,
    fullDatabaseId: String(issue.id),
    number: issue.number,
    title: issue.title,
    body: (issue.body as string | null) ?? '',
    state: issue.state === 'open' ? 'OPEN' : 'CLOSED',
    stateReason: issue.state_reason ? String(issue.state_reason).toUpperCase() : null,
    closed: issue.state !== 'open',
    closedAt: issue.closed_at ?? null,
    createdAt: issue.created_at,
    updatedAt: issue.updated_at,
    locked: false,
    url: webUrl(repo, 'issues', issue.number as number),
    resourcePath: `/${repo.fullName}/issues/${issue.number as number}`,
    author: actorNode(storedUser(issue.user)),
    repository: () => repositoryNode(ctx, repo),
    reactionGroups: () => reactionGroups(ctx, repo.issueReactions.get(issue.number as number) ?? [], self),
    viewerDidAuthor: storedUser(issue.user).login === ctx.token.actor.login,
  };
  return node;
}

/** The issue or pull request with `number`, as GraphQL shows it, or undefined. */
export function issueOrPullNode(ctx: GraphqlContext, repo: Repo, number: number): Node | undefined {
  const issue = repo.issues.get(number);
  if (issue) return issueNode(ctx, repo, issue as unknown as Stored);
  const pull = repo.pulls.get(number);
  return pull ? pullRequestNode(ctx, repo, pull) : undefined;
}

export function issueCommentNode(ctx: GraphqlContext, repo: Repo, comment: Stored): Node {
  const user = storedUser(comment.user);
  const number = comment.issue_number as number;
  const self = (): Node => node;
  const node: Node = {
    __typename: 'IssueComment',
    id: comment.node_id,
    databaseId: comment.id,
    fullDatabaseId: String(comment.id),
    body: comment.body,
    bodyText: comment.body,
    createdAt: comment.created_at,
    updatedAt: comment.updated_at,
    publishedAt: comment.created_at,
    lastEditedAt: comment.updated_at === comment.created_at ? null : comment.updated_at,
    includesCreatedEdit: false,
    isMinimized: false,
    minimizedReason: null,
    url: comment.html_url,
    resourcePath: new URL(comment.html_url as string).pathname + new URL(comment.html_url as string).hash,
    author: actorNode(user),
    authorAssociation: comment.author_association,
    repository: () => repositoryNode(ctx, repo),
    // On a pull request's conversation, `issue` is its issue side; `pullRequest` the pull request.
    issue: () => issueNode(ctx, repo, (repo.issues.get(number) ?? repo.pulls.get(number)) as Stored),
    pullRequest: () => {
      const pull = repo.pulls.get(number);
      return pull ? pullRequestNode(ctx, repo, pull) : null;
    },
    reactionGroups: () => reactionGroups(ctx, repo.reactions.get(comment.id as number) ?? [], self),
    viewerDidAuthor: user.login === ctx.token.actor.login,
  };
  return node;
}

export function deploymentStatusNode(
  ctx: GraphqlContext,
  repo: Repo,
  deployment: Stored,
  status: Stored,
): Node {
  return {
    __typename: 'DeploymentStatus',
    id: status.node_id,
    state: String(status.state).toUpperCase(),
    description: (status.description as string | undefined) || null,
    environment: status.environment ?? null,
    environmentUrl: status.environment_url ?? null,
    logUrl: status.log_url ?? status.target_url ?? null,
    createdAt: status.created_at,
    updatedAt: status.updated_at,
    creator: actorNode(storedUser(status.creator)),
    deployment: () => deploymentNode(ctx, repo, deployment),
  };
}

export function deploymentNode(ctx: GraphqlContext, repo: Repo, deployment: Stored): Node {
  const statuses = () => repo.deploymentStatuses.get(deployment.id as number) ?? [];
  const latest = () => statuses().at(-1);
  return {
    __typename: 'Deployment',
    id: deployment.node_id,
    databaseId: deployment.id,
    commitOid: deployment.sha,
    createdAt: deployment.created_at,
    updatedAt: deployment.updated_at,
    creator: actorNode(storedUser(deployment.creator)),
    description: deployment.description ?? null,
    environment: deployment.environment,
    latestEnvironment: deployment.environment,
    originalEnvironment: deployment.environment,
    task: deployment.task,
    payload: JSON.stringify(deployment.payload ?? {}),
    repository: () => repositoryNode(ctx, repo),
    // GitHub's DeploymentState: the latest status's, ACTIVE for a success, PENDING before any.
    state: () => {
      const state = latest()?.state as string | undefined;
      if (!state) return 'PENDING';
      return state === 'success' ? 'ACTIVE' : state.toUpperCase();
    },
    latestStatus: () => {
      const status = latest();
      return status ? deploymentStatusNode(ctx, repo, deployment, status) : null;
    },
  };
}
