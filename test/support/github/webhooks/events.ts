import { repoJson, userJson } from '../representations.js';
import type { Repo, User } from '../state.js';
import { authorAssociation } from './author-association.js';
import { storedIssues, type RepoSnapshot } from './snapshot.js';

/** One event as GitHub would emit it; `installation` is added per delivery. */
export interface RepoEvent {
  event: string;
  action?: string;
  payload: Record<string, unknown>;
}

type Stored = Record<string, unknown>;
const ZERO = '0'.repeat(40);

/**
 * The events a change to one repository causes, as GitHub emits them: the difference between the
 * snapshot before a request's commit and the one after. Deriving them from state rather than from
 * operation ids means every handler — including ones added later — emits what it changed.
 */
export async function repoEvents(
  repo: Repo,
  before: RepoSnapshot,
  after: RepoSnapshot,
  sender: User,
  baseUrl: string,
): Promise<RepoEvent[]> {
  const common = () => ({ repository: repoJson(repo, baseUrl), sender: userJson(sender, baseUrl) });
  const events: RepoEvent[] = [];
  const add = (event: string, action: string | undefined, fields: Stored) =>
    events.push({
      event,
      ...(action ? { action } : {}),
      payload: { ...(action ? { action } : {}), ...fields, ...common() },
    });

  // Refs first: a merge's push comes before the pull request's `closed`, as on GitHub.
  for (const ref of new Set([...before.refs.keys(), ...after.refs.keys()])) {
    const old = before.refs.get(ref);
    const now = after.refs.get(ref);
    if (old === now) continue;
    const kind = ref.startsWith('refs/heads/') ? 'branch' : ref.startsWith('refs/tags/') ? 'tag' : undefined;
    if (!kind) continue;
    const short = ref.replace(/^refs\/(heads|tags)\//, '');
    const pushed = {
      ...(await pushFields(repo, ref, old, now, after)),
      pusher: { name: sender.login, email: null },
    };
    if (!old)
      add('create', undefined, {
        ref: short,
        ref_type: kind,
        master_branch: repo.defaultBranch,
        description: null,
        pusher_type: 'user',
      });
    add('push', undefined, pushed);
    if (!now) add('delete', undefined, { ref: short, ref_type: kind, pusher_type: 'user' });
    // A pull request's head moving is a `synchronize` of every open pull request from that branch.
    if (kind === 'branch' && old && now)
      for (const pull of after.pulls.values())
        if (pull.state === 'open' && (pull.head as { ref: string }).ref === short)
          add('pull_request', 'synchronize', {
            number: pull.number,
            before: old,
            after: now,
            pull_request: pullJson(repo, pull, now),
          });
  }

  for (const [number, pull] of after.pulls) {
    const old = before.pulls.get(number);
    const action = !old
      ? 'opened'
      : old.state === 'open' && pull.state === 'closed'
        ? 'closed'
        : old.state === 'closed' && pull.state === 'open'
          ? 'reopened'
          : undefined;
    if (action) add('pull_request', action, { number, pull_request: pullJson(repo, pull) });
  }

  for (const [number, issue] of after.issues) {
    const old = before.issues.get(number);
    const action = !old
      ? 'opened'
      : old.state === 'open' && issue.state === 'closed'
        ? 'closed'
        : old.state === 'closed' && issue.state === 'open'
          ? 'reopened'
          : undefined;
    if (action) add('issues', action, { issue: issueJson(repo, issue) });
  }

  for (const [id, comment] of after.comments) {
    const old = before.comments.get(id);
    if (!old) add('issue_comment', 'created', commentFields(repo, comment));
    else if (old.body !== comment.body)
      add('issue_comment', 'edited', {
        ...commentFields(repo, comment),
        changes: { body: { from: old.body } },
      });
  }
  for (const [id, comment] of before.comments)
    if (!after.comments.has(id)) add('issue_comment', 'deleted', commentFields(repo, comment));

  for (const id of after.deployments)
    if (!before.deployments.has(id))
      add('deployment', 'created', {
        deployment: repo.deployments.get(id),
        workflow: null,
        workflow_run: null,
      });
  for (const [id, count] of after.statuses) {
    const statuses = repo.deploymentStatuses.get(id) ?? [];
    for (const status of statuses.slice(before.statuses.get(id) ?? 0, count))
      add('deployment_status', 'created', {
        deployment_status: status,
        deployment: repo.deployments.get(id),
        check_run: null,
        workflow: null,
        workflow_run: null,
      });
  }

  for (const [id, status] of after.checkRuns) {
    const run = repo.checkRuns.get(id);
    if (!run) continue;
    const { output, ...rest } = run as Stored & { output?: Stored };
    const { annotations: _annotations, ...visible } = output ?? {};
    const checkRun = { ...rest, output: visible, app: appJson(rest.app as Stored | undefined) };
    if (!before.checkRuns.has(id)) add('check_run', 'created', { check_run: checkRun });
    if (status === 'completed' && before.checkRuns.get(id) !== 'completed')
      add('check_run', 'completed', { check_run: checkRun });
  }
  return events;

  /** The app a check run belongs to: webhooks show it in full, with its owner (the stand-in's `modelship`). */
  function appJson(app: Stored | undefined) {
    const slug = (app?.slug as string | undefined) ?? 'modelship';
    return {
      ...app,
      slug,
      owner: userJson({ login: slug, id: (app?.id as number | undefined) ?? 1, type: 'User' }, baseUrl),
      description: null,
      external_url: `https://github.com/apps/${slug}`,
      html_url: `https://github.com/apps/${slug}`,
    };
  }

  function commentFields(repo: Repo, comment: Stored) {
    const { issue_number: number, ...visible } = comment as Stored & { issue_number: number };
    const user = repoUser(visible.user);
    return {
      issue: issueFor(repo, number),
      comment: { ...visible, author_association: user ? authorAssociation(repo, user) : 'NONE' },
    };
  }

  function repoUser(json: unknown): User | undefined {
    const login = (json as { login?: string } | undefined)?.login;
    return login
      ? { login, id: (json as { id: number }).id, type: (json as { type: User['type'] }).type }
      : undefined;
  }

  function pullJson(repo: Repo, pull: Stored, headSha?: string) {
    const user = repoUser(pull.user);
    return {
      ...pull,
      ...(headSha ? { head: { ...(pull.head as Stored), sha: headSha } } : {}),
      author_association: user ? authorAssociation(repo, user) : 'NONE',
    };
  }

  function issueJson(repo: Repo, issue: Stored) {
    const user = repoUser(issue.user);
    return { ...issue, author_association: user ? authorAssociation(repo, user) : 'NONE' };
  }

  /** The issue a comment is on, as `issues/get` shows it (a pull request is an issue with `pull_request`). */
  function issueFor(repo: Repo, number: number): Stored {
    const issue = storedIssues(repo)?.get(number);
    if (issue) return issueJson(repo, issue);
    const pull = repo.pulls.get(number);
    const api = `${baseUrl}/repos/${repo.fullName}/issues/${number}`;
    const links = {
      url: api,
      repository_url: `${baseUrl}/repos/${repo.fullName}`,
      labels_url: `${api}/labels{/name}`,
      comments_url: `${api}/comments`,
      events_url: `${api}/events`,
    };
    const comments = [...repo.comments.values()].filter((c) => c.issue_number === number).length;
    if (!pull) return { number, ...links, html_url: `https://github.com/${repo.fullName}/issues/${number}` };
    const user = repoUser(pull.user);
    return {
      id: pull.id,
      node_id: `I_${pull.id as number}`,
      number,
      ...links,
      html_url: pull.html_url,
      title: pull.title,
      body: pull.body,
      user: pull.user,
      state: pull.state,
      locked: pull.locked,
      labels: [],
      assignee: null,
      assignees: [],
      milestone: null,
      comments,
      created_at: pull.created_at,
      updated_at: pull.updated_at,
      closed_at: pull.closed_at,
      author_association: user ? authorAssociation(repo, user) : 'NONE',
      draft: pull.draft,
      pull_request: {
        url: pull.url,
        html_url: pull.html_url,
        diff_url: `${pull.html_url as string}.diff`,
        patch_url: `${pull.html_url as string}.patch`,
        merged_at: pull.merged_at,
      },
    };
  }

  async function pushFields(
    repo: Repo,
    ref: string,
    old: string | undefined,
    now: string | undefined,
    state: RepoSnapshot,
  ) {
    const web = `https://github.com/${repo.fullName}`;
    const short = ref.replace(/^refs\/(heads|tags)\//, '');
    let shas: string[] = [];
    if (now && ref.startsWith('refs/heads/')) {
      // The commits this push brought: new since `before`, or, for a new branch, not on any other branch.
      const others = [...state.refs]
        .filter(([r]) => r !== ref && r.startsWith('refs/heads/'))
        .map(([, s]) => s);
      const exclude = old ? [old] : others;
      shas = await repo.git.commitsPushed(now, exclude);
    }
    const headSha = now ? await repo.git.resolveRef(now) : undefined;
    const forced = Boolean(
      old && now && ref.startsWith('refs/heads/') && !(await repo.git.isAncestor(old, now)),
    );
    return {
      ref,
      before: old ?? ZERO,
      after: now ?? ZERO,
      created: !old,
      deleted: !now,
      forced,
      base_ref: null,
      compare:
        old && now ? `${web}/compare/${old.slice(0, 12)}...${now.slice(0, 12)}` : `${web}/compare/${short}`,
      commits: await Promise.all(shas.map((sha) => commitJson(repo, sha))),
      head_commit: headSha ? await commitJson(repo, headSha) : null,
    };
  }
}

/** A commit as push payloads list it, with the files it added, removed and modified. */
async function commitJson(repo: Repo, sha: string) {
  const info = (await repo.git.commitInfo(sha))!;
  const files = { added: [] as string[], removed: [] as string[], modified: [] as string[] };
  for (const { status, path } of await repo.git.commitChanges(sha))
    (status === 'A' ? files.added : status === 'D' ? files.removed : files.modified).push(path);
  return {
    id: sha,
    tree_id: info.tree,
    distinct: true,
    message: info.message.replace(/\n$/, ''),
    timestamp: info.committer.date,
    url: `https://github.com/${repo.fullName}/commit/${sha}`,
    author: { name: info.author.name, email: info.author.email },
    committer: { name: info.committer.name, email: info.committer.email },
    ...files,
  };
}
