import { authorAssociation, type AuthorAssociation } from '../webhooks/author-association.js';
import type { HandlerContext } from '../context.js';
import { notFound, unprocessable } from '../http-error.js';
import { userJson } from '../representations.js';
import type { IssueRecord, LabelRecord, Repo, User } from '../state.js';

/**
 * Issues and pull requests share one number sequence; GitHub's issue endpoints accept either. A plain
 * issue is an `IssueRecord`; a pull request keeps its title, state, labels and assignees on its pull
 * record, so `pulls/get` and `issues/get` always agree.
 */
export type IssueTarget =
  | { kind: 'issue'; number: number; record: IssueRecord }
  | { kind: 'pull'; number: number; pull: Record<string, unknown> };

export function issueTarget(ctx: HandlerContext, number = Number(ctx.params.issue_number)): IssueTarget {
  const repo = ctx.repo();
  const record = repo.issues.get(number);
  if (record) return { kind: 'issue', number, record };
  const pull = repo.pulls.get(number);
  if (pull) return { kind: 'pull', number, pull };
  throw notFound();
}

export function labelJson(repo: Repo, label: LabelRecord, baseUrl: string) {
  return {
    id: label.id,
    node_id: `LA_${label.id}`,
    url: `${baseUrl}/repos/${repo.fullName}/labels/${encodeURIComponent(label.name)}`,
    name: label.name,
    description: label.description,
    color: label.color,
    default: label.default,
  };
}

/** Lower-cased names of the labels on an issue or pull request. */
export function labelKeys(target: IssueTarget): string[] {
  if (target.kind === 'issue') return target.record.labels;
  return ((target.pull.labels as { name: string }[] | undefined) ?? []).map((l) => l.name.toLowerCase());
}

export function assigneeLogins(target: IssueTarget): string[] {
  if (target.kind === 'issue') return target.record.assignees;
  return ((target.pull.assignees as { login: string }[] | undefined) ?? []).map((u) => u.login);
}

/** A label by key, among the repository's and those a request is about to create. */
function findLabel(repo: Repo, key: string, pending: LabelRecord[]): LabelRecord | undefined {
  return repo.labels.get(key) ?? pending.find((l) => l.name.toLowerCase() === key);
}

/** Sets labels (keys into `repo.labels` or `pending`) on a target: a preview copy, or the stored one in `commit()`. */
export function storeLabels(
  ctx: HandlerContext,
  target: IssueTarget,
  keys: string[],
  pending: LabelRecord[] = [],
) {
  const repo = ctx.repo();
  if (target.kind === 'issue') target.record.labels = keys;
  else target.pull.labels = keys.map((k) => labelJson(repo, findLabel(repo, k, pending)!, ctx.baseUrl));
}

/** Sets assignees on a target: a preview copy, or the stored one in `commit()`. */
export function storeAssignees(ctx: HandlerContext, target: IssueTarget, logins: string[]) {
  if (target.kind === 'issue') target.record.assignees = logins;
  else {
    const users = logins.map((l) => userJson(ctx.state.users.get(l)!, ctx.baseUrl));
    target.pull.assignees = users;
    target.pull.assignee = users[0] ?? null;
  }
}

/**
 * Label names as the label endpoints accept them (`["a"]`, `{ labels: ["a"] }`, `{ labels: [{ name }] }`,
 * a single string), with labels the repository lacks to be created: GitHub creates them on the fly.
 */
export function requestedLabels(
  ctx: HandlerContext,
  raw: unknown,
): { keys: string[]; created: LabelRecord[] } {
  const value =
    raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as { labels?: unknown }).labels : raw;
  const list = value === undefined ? [] : Array.isArray(value) ? value : [value];
  const names = list.map((l) => (typeof l === 'object' && l ? (l as { name: string }).name : String(l)));
  const repo = ctx.repo();
  const keys: string[] = [];
  const created: LabelRecord[] = [];
  for (const name of names) {
    const key = name.toLowerCase();
    if (keys.includes(key)) continue;
    keys.push(key);
    if (!repo.labels.has(key) && !created.some((c) => c.name.toLowerCase() === key))
      created.push({ id: ctx.state.id(), name, color: 'ededed', description: null, default: false });
  }
  return { keys, created };
}

/** Assignees must be able to work on the repository; anyone else is GitHub's 422 `invalid`. */
export function checkAssignees(ctx: HandlerContext, logins: string[]) {
  const repo = ctx.repo();
  for (const login of logins) {
    const role = repo.collaborators.get(login);
    if (!ctx.state.users.has(login) || !role || role === 'none')
      throw unprocessable('Validation Failed', [
        { value: login, resource: 'Issue', field: 'assignees', code: 'invalid' },
      ]);
  }
}

/** The issue view of an issue or a pull request (with `pull_request` links, as GitHub lists it). */
export function issueJson(ctx: HandlerContext, target: IssueTarget, pending: LabelRecord[] = []) {
  const repo = ctx.repo();
  const base = `${ctx.baseUrl}/repos/${repo.fullName}/issues/${target.number}`;
  const labels = labelKeys(target)
    .map((k) => findLabel(repo, k, pending))
    .filter((l): l is LabelRecord => l !== undefined)
    .map((l) => labelJson(repo, l, ctx.baseUrl));
  const assignees = assigneeLogins(target)
    .map((l) => ctx.state.users.get(l))
    .filter((u): u is User => u !== undefined)
    .map((u) => userJson(u, ctx.baseUrl));
  const comments = [...repo.comments.values()].filter((c) => c.issue_number === target.number).length;
  const common = {
    url: base,
    repository_url: `${ctx.baseUrl}/repos/${repo.fullName}`,
    labels_url: `${base}/labels{/name}`,
    comments_url: `${base}/comments`,
    events_url: `${base}/events`,
    number: target.number,
    labels,
    assignee: assignees[0] ?? null,
    assignees,
    milestone: null,
    locked: false,
    active_lock_reason: null,
    comments,
    author_association: association(
      repo,
      target.kind === 'issue' ? target.record.user.login : (target.pull.user as { login: string }).login,
    ),
    reactions: reactionRollup(repo, target.number, base),
  };
  if (target.kind === 'issue') {
    const r = target.record;
    return {
      ...common,
      id: r.id,
      node_id: `I_${r.id}`,
      html_url: `https://github.com/${repo.fullName}/issues/${r.number}`,
      title: r.title,
      body: r.body,
      state: r.state,
      state_reason: r.state_reason,
      user: userJson(r.user, ctx.baseUrl),
      created_at: r.created_at,
      updated_at: r.updated_at,
      closed_at: r.closed_at,
      closed_by: r.closed_by ? userJson(r.closed_by, ctx.baseUrl) : null,
    };
  }
  const p = target.pull;
  return {
    ...common,
    id: p.id as number,
    node_id: `I_${p.id as number}`,
    html_url: p.html_url as string,
    title: p.title as string,
    body: p.body as string | null,
    state: p.state as string,
    state_reason: (p.state_reason as string | null | undefined) ?? null,
    user: p.user,
    draft: p.draft,
    created_at: p.created_at as string,
    updated_at: p.updated_at as string,
    closed_at: p.closed_at as string | null,
    pull_request: {
      url: `${ctx.baseUrl}/repos/${repo.fullName}/pulls/${target.number}`,
      html_url: p.html_url as string,
      diff_url: `${p.html_url as string}.diff`,
      patch_url: `${p.html_url as string}.patch`,
      merged_at: (p.merged_at as string | null) ?? null,
    },
  };
}

/** How the author relates to the repository, as GitHub reports it (webhooks and `/promote` checks read it). */
/** `author_association` of a login (one rule for issues, comments and webhook payloads). */
export function association(repo: Repo, login: string): AuthorAssociation {
  return authorAssociation(repo, { login, id: 0, type: 'User' });
}

function reactionRollup(repo: Repo, number: number, issueUrl: string) {
  const list = repo.issueReactions.get(number) ?? [];
  const count = (content: string) => list.filter((r) => r.content === content).length;
  return {
    url: `${issueUrl}/reactions`,
    total_count: list.length,
    '+1': count('+1'),
    '-1': count('-1'),
    laugh: count('laugh'),
    confused: count('confused'),
    heart: count('heart'),
    hooray: count('hooray'),
    eyes: count('eyes'),
    rocket: count('rocket'),
  };
}
