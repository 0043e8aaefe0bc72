import type { Handler, HandlerContext } from '../context.js';
import { HttpError, notFound, unprocessable } from '../http-error.js';
import type { LabelRecord } from '../state.js';
import { issueTarget, labelJson, labelKeys, requestedLabels, storeLabels } from './issue-views.js';

function checkColor(color: string) {
  if (!/^[0-9a-fA-F]{6}$/.test(color))
    throw unprocessable('Validation Failed', [{ resource: 'Label', code: 'invalid', field: 'color' }]);
}

/** An issue's labels after a change, as GitHub answers the label endpoints (the whole list). */
function labelsAnswer(ctx: HandlerContext, keys: string[], pending: LabelRecord[]) {
  const repo = ctx.repo();
  return keys.map((k) =>
    labelJson(repo, repo.labels.get(k) ?? pending.find((l) => l.name.toLowerCase() === k)!, ctx.baseUrl),
  );
}

/** Changes an issue's labels on commit; labels the repository lacks are created first, as GitHub does. */
function relabel(ctx: HandlerContext, keys: string[], created: LabelRecord[]) {
  const repo = ctx.repo();
  const target = issueTarget(ctx);
  return {
    status: 200,
    list: labelsAnswer(ctx, keys, created),
    commit: () => {
      for (const l of created)
        if (!repo.labels.has(l.name.toLowerCase())) repo.labels.set(l.name.toLowerCase(), l);
      storeLabels(ctx, target, keys);
    },
  };
}

export const labelHandlers: Record<string, Handler> = {
  'issues/create-label': async (ctx) => {
    const repo = ctx.repo();
    const body = ctx.body as { name: string; color?: string; description?: string };
    const key = body.name.toLowerCase();
    if (repo.labels.has(key))
      throw unprocessable('Validation Failed', [
        { resource: 'Label', code: 'already_exists', field: 'name' },
      ]);
    const color = (body.color ?? 'ededed').replace(/^#/, '');
    checkColor(color);
    const label: LabelRecord = {
      id: ctx.state.id(),
      name: body.name,
      color: color.toLowerCase(),
      description: body.description ?? null,
      default: false,
    };
    const json = labelJson(repo, label, ctx.baseUrl);
    return {
      status: 201,
      body: json,
      headers: { location: json.url },
      commit: () => {
        if (repo.labels.has(key))
          throw unprocessable('Validation Failed', [
            { resource: 'Label', code: 'already_exists', field: 'name' },
          ]);
        repo.labels.set(key, label);
      },
    };
  },

  'issues/get-label': async (ctx) => {
    const repo = ctx.repo();
    const label = repo.labels.get(ctx.params.name!.toLowerCase());
    if (!label) throw notFound();
    return { status: 200, body: labelJson(repo, label, ctx.baseUrl) };
  },

  'issues/list-labels-for-repo': async (ctx) => {
    const repo = ctx.repo();
    const labels = [...repo.labels.values()].sort((a, b) => a.name.localeCompare(b.name));
    return { status: 200, list: labels.map((l) => labelJson(repo, l, ctx.baseUrl)) };
  },

  'issues/list-labels-on-issue': async (ctx) => ({
    status: 200,
    list: labelsAnswer(ctx, labelKeys(issueTarget(ctx)), []),
  }),

  'issues/add-labels': async (ctx) => {
    const current = labelKeys(issueTarget(ctx));
    const { keys, created } = requestedLabels(ctx, ctx.body);
    if (keys.length === 0)
      throw unprocessable('Validation Failed', [
        { resource: 'Label', code: 'missing_field', field: 'labels' },
      ]);
    return relabel(ctx, [...current, ...keys.filter((k) => !current.includes(k))], created);
  },

  'issues/set-labels': async (ctx) => {
    const { keys, created } = requestedLabels(ctx, ctx.body);
    return relabel(ctx, keys, created);
  },

  'issues/remove-label': async (ctx) => {
    const current = labelKeys(issueTarget(ctx));
    const key = ctx.params.name!.toLowerCase();
    if (!current.includes(key)) throw new HttpError(404, 'Label does not exist');
    return relabel(
      ctx,
      current.filter((k) => k !== key),
      [],
    );
  },
};
