import type { Handler, HandlerContext } from '../context.js';
import { HttpError, notFound, unprocessable } from '../http-error.js';
import { now, userJson } from '../representations.js';
import type { IssueRecord } from '../state.js';
import {
  assigneeLogins,
  association,
  checkAssignees,
  issueJson,
  issueTarget,
  labelKeys,
  requestedLabels,
  storeAssignees,
  storeLabels,
  type IssueTarget,
} from './issue-views.js';

function comment(ctx: HandlerContext) {
  const found = ctx.repo().comments.get(Number(ctx.params.comment_id));
  if (!found) throw notFound();
  return found;
}

const CONTENTS = ['+1', '-1', 'laugh', 'confused', 'heart', 'hooray', 'rocket', 'eyes'];

interface IssueWrite {
  title?: string | number | null;
  body?: string | null;
  state?: 'open' | 'closed';
  state_reason?: IssueRecord['state_reason'];
  labels?: unknown[];
  assignees?: string[] | null;
  assignee?: string | null;
}

function assigneesOf(body: IssueWrite): string[] | undefined {
  if (body.assignees !== undefined) return body.assignees ?? [];
  if (body.assignee !== undefined) return body.assignee ? [body.assignee] : [];
  return undefined;
}

export const issueHandlers: Record<string, Handler> = {
  'issues/create': async (ctx) => {
    const repo = ctx.repo();
    const body = ctx.body as IssueWrite;
    if (body.title === null || body.title === undefined || String(body.title).trim() === '')
      throw unprocessable('Validation Failed', [
        { resource: 'Issue', code: 'missing_field', field: 'title' },
      ]);
    const assignees = assigneesOf(body) ?? [];
    checkAssignees(ctx, assignees);
    const labels = requestedLabels(ctx, body.labels ?? []);
    const at = now();
    const record: IssueRecord = {
      id: ctx.state.id(),
      number: repo.nextIssueNumber,
      title: String(body.title),
      body: body.body ?? null,
      state: 'open',
      state_reason: null,
      labels: labels.keys,
      assignees: [...new Set(assignees)],
      user: ctx.token!.actor,
      created_at: at,
      updated_at: at,
      closed_at: null,
      closed_by: null,
    };
    const view = issueJson(ctx, { kind: 'issue', number: record.number, record }, labels.created);
    return {
      status: 201,
      body: view,
      headers: { location: view.url },
      commit: () => {
        // The number is taken at commit time: a concurrent pull request may have taken the one we showed.
        if (repo.nextIssueNumber !== record.number)
          throw new HttpError(409, 'Issue number was taken concurrently; retry the request');
        repo.nextIssueNumber++;
        for (const l of labels.created)
          if (!repo.labels.has(l.name.toLowerCase())) repo.labels.set(l.name.toLowerCase(), l);
        repo.issues.set(record.number, record);
      },
    };
  },

  'issues/get': async (ctx) => ({ status: 200, body: issueJson(ctx, issueTarget(ctx)) }),

  'issues/update': async (ctx) => {
    const repo = ctx.repo();
    const target = issueTarget(ctx);
    const body = ctx.body as IssueWrite;
    const assignees = assigneesOf(body);
    if (assignees) checkAssignees(ctx, assignees);
    const labels = body.labels !== undefined ? requestedLabels(ctx, body.labels) : undefined;
    if (body.title !== undefined && (body.title === null || String(body.title).trim() === ''))
      throw unprocessable('Validation Failed', [
        { resource: 'Issue', code: 'missing_field', field: 'title' },
      ]);
    const current = target.kind === 'issue' ? target.record.state : (target.pull.state as 'open' | 'closed');
    if (target.kind === 'pull' && target.pull.merged && body.state === 'open')
      throw unprocessable('Validation Failed', [
        {
          resource: 'Issue',
          code: 'custom',
          field: 'state',
          message: 'state cannot be changed. The pull request cannot be reopened because it has been merged.',
        },
      ]);
    const at = now();
    const next = body.state ?? current;
    // GitHub records why an issue closed (default `completed`) and marks a reopened one `reopened`.
    const reason =
      next === 'closed'
        ? (body.state_reason ?? (current === 'closed' ? undefined : 'completed'))
        : current === 'closed'
          ? 'reopened'
          : undefined;
    const change = (t: IssueTarget) => {
      if (labels) storeLabels(ctx, t, labels.keys, labels.created);
      if (assignees) storeAssignees(ctx, t, [...new Set(assignees)]);
      const fields = t.kind === 'issue' ? (t.record as unknown as Record<string, unknown>) : t.pull;
      if (body.title !== undefined) fields.title = String(body.title);
      if (body.body !== undefined) fields.body = body.body;
      if (next !== current) {
        fields.state = next;
        fields.closed_at = next === 'closed' ? at : null;
        if (t.kind === 'issue') t.record.closed_by = next === 'closed' ? ctx.token!.actor : null;
      }
      if (reason !== undefined) fields.state_reason = reason;
      fields.updated_at = at;
    };
    // The response shows the issue as it will be (changed on a copy); the stored one changes on commit.
    const preview = structuredClone(target);
    change(preview);
    return {
      status: 200,
      body: issueJson(ctx, preview, labels?.created),
      commit: () => {
        for (const l of labels?.created ?? [])
          if (!repo.labels.has(l.name.toLowerCase())) repo.labels.set(l.name.toLowerCase(), l);
        change(target);
      },
    };
  },

  'issues/list-for-repo': async (ctx) => {
    const repo = ctx.repo();
    const state = ctx.query.get('state') ?? 'open';
    const wanted = (ctx.query.get('labels') ?? '')
      .split(',')
      .map((l) => l.trim().toLowerCase())
      .filter(Boolean);
    const creator = ctx.query.get('creator');
    const assignee = ctx.query.get('assignee');
    const sort = ctx.query.get('sort') ?? 'created';
    const direction = ctx.query.get('direction') ?? 'desc';
    const since = ctx.query.get('since');
    const views = [...repo.issues.keys(), ...repo.pulls.keys()]
      .map((n) => issueTarget(ctx, n))
      .filter((t) => {
        const s = t.kind === 'issue' ? t.record.state : (t.pull.state as string);
        if (state !== 'all' && s !== state) return false;
        const keys = labelKeys(t);
        if (!wanted.every((w) => keys.includes(w))) return false;
        const author = t.kind === 'issue' ? t.record.user.login : (t.pull.user as { login: string }).login;
        if (creator && author !== creator) return false;
        const logins = assigneeLogins(t);
        if (assignee === 'none' && logins.length > 0) return false;
        if (assignee === '*' && logins.length === 0) return false;
        if (assignee && assignee !== 'none' && assignee !== '*' && !logins.includes(assignee)) return false;
        return true;
      })
      .map((t) => issueJson(ctx, t))
      .filter((v) => !since || v.updated_at >= since);
    // Ties (same second) fall back to the number, so the order is stable as on GitHub.
    const key = (v: (typeof views)[number]) =>
      sort === 'updated' ? v.updated_at : sort === 'comments' ? String(v.comments).padStart(9, '0') : '';
    views.sort((a, b) => {
      const order = key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.number - b.number;
      return direction === 'asc' ? order : -order;
    });
    return { status: 200, list: views };
  },

  'issues/create-comment': async (ctx) => {
    const repo = ctx.repo();
    const { number } = issueTarget(ctx);
    const id = ctx.state.id();
    const value = {
      id,
      node_id: `IC_${id}`,
      url: `${ctx.baseUrl}/repos/${repo.fullName}/issues/comments/${id}`,
      html_url: `https://github.com/${repo.fullName}/issues/${number}#issuecomment-${id}`,
      issue_url: `${ctx.baseUrl}/repos/${repo.fullName}/issues/${number}`,
      body: (ctx.body as { body: string }).body,
      user: userJson(ctx.token!.actor, ctx.baseUrl),
      author_association: association(repo, ctx.token!.actor.login),
      created_at: now(),
      updated_at: now(),
      issue_number: number,
    };
    return { status: 201, body: value, commit: () => void repo.comments.set(id, value) };
  },

  'issues/update-comment': async (ctx) => {
    const value = comment(ctx);
    const updated = { ...value, body: (ctx.body as { body: string }).body, updated_at: now() };
    return { status: 200, body: updated, commit: () => void Object.assign(value, updated) };
  },

  'issues/get-comment': async (ctx) => ({ status: 200, body: comment(ctx) }),

  'issues/delete-comment': async (ctx) => {
    const id = comment(ctx).id as number;
    const repo = ctx.repo();
    return { status: 204, commit: () => void repo.comments.delete(id) };
  },

  'issues/list-comments': async (ctx) => {
    const { number } = issueTarget(ctx);
    return { status: 200, list: [...ctx.repo().comments.values()].filter((c) => c.issue_number === number) };
  },

  'reactions/create-for-issue-comment': async (ctx) => {
    const target = comment(ctx);
    const repo = ctx.repo();
    const content = (ctx.body as { content: string }).content;
    const list = repo.reactions.get(target.id as number) ?? [];
    const existing = list.find(
      (r) => r.content === content && (r.user as { login: string }).login === ctx.token!.actor.login,
    );
    // GitHub answers 200 with the existing reaction instead of adding a duplicate.
    if (existing) return { status: 200, body: existing };
    if (!CONTENTS.includes(content)) throw notFound();
    const id = ctx.state.id();
    const reaction = {
      id,
      node_id: `RE_${id}`,
      content,
      user: userJson(ctx.token!.actor, ctx.baseUrl),
      created_at: now(),
    };
    return {
      status: 201,
      body: reaction,
      // Two identical reactions racing (a redelivered comment handled twice at once): GitHub keeps
      // one (a unique person/content pair), so the later commit adds nothing.
      commit: () => {
        const now = repo.reactions.get(target.id as number) ?? [];
        const twin = now.some(
          (r) => r.content === content && (r.user as { login: string }).login === ctx.token!.actor.login,
        );
        if (!twin) repo.reactions.set(target.id as number, [...now, reaction]);
      },
    };
  },

  'reactions/list-for-issue-comment': async (ctx) => {
    const content = ctx.query.get('content');
    const list = ctx.repo().reactions.get(comment(ctx).id as number) ?? [];
    return { status: 200, list: list.filter((r) => !content || r.content === content) };
  },
};
