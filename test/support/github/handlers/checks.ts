import type { Handler, HandlerContext } from '../context.js';
import { notFound, unprocessable } from '../http-error.js';
import { now } from '../representations.js';

const TEXT_LIMIT = 65_535;
const ANNOTATIONS_PER_REQUEST = 50;

interface CheckOutput {
  title?: string;
  summary?: string;
  text?: string;
  annotations?: unknown[];
}

/** GitHub's limits on a check run's output, enforced as GitHub does (422). */
function checkOutput(
  output: CheckOutput | undefined,
  previous: Record<string, unknown> | undefined,
  annotationsUrl: string,
) {
  if (!output) return previous;
  for (const field of ['title', 'summary', 'text'] as const) {
    if ((output[field]?.length ?? 0) > TEXT_LIMIT) {
      throw unprocessable(
        'Invalid request.\n\nOnly 65535 characters are allowed; ' + `${output[field]!.length} were supplied.`,
      );
    }
  }
  if ((output.annotations?.length ?? 0) > ANNOTATIONS_PER_REQUEST) {
    throw unprocessable('Invalid request.\n\nOnly 50 annotations are allowed per request.');
  }
  const count =
    ((previous?.annotations_count as number | undefined) ?? 0) + (output.annotations?.length ?? 0);
  return {
    title: output.title ?? null,
    summary: output.summary ?? null,
    text: output.text ?? null,
    annotations_count: count,
    annotations_url: annotationsUrl,
    annotations: [...((previous?.annotations as unknown[] | undefined) ?? []), ...(output.annotations ?? [])],
  };
}

function publicRun(run: Record<string, unknown>) {
  const output = run.output as Record<string, unknown>;
  const { annotations: _annotations, ...visible } = output;
  return { ...run, output: visible };
}

function apply(ctx: HandlerContext, run: Record<string, unknown>, body: Record<string, unknown>) {
  for (const key of ['name', 'details_url', 'external_id', 'started_at'])
    if (body[key] !== undefined) run[key] = body[key];
  if (body.conclusion !== undefined && body.status === undefined) body.status = 'completed';
  if (body.status !== undefined) run.status = body.status;
  if (body.conclusion !== undefined) run.conclusion = body.conclusion;
  if (run.status === 'completed') {
    if (!run.conclusion)
      throw unprocessable('Invalid request.\n\n"conclusion" is required when "status" is "completed".');
    run.completed_at =
      (body.completed_at as string | undefined) ?? (run.completed_at as string | null) ?? now();
  }
  run.output = checkOutput(
    body.output as CheckOutput | undefined,
    run.output as Record<string, unknown>,
    `${run.url as string}/annotations`,
  );
  void ctx;
}

export const checkHandlers: Record<string, Handler> = {
  'checks/create': async (ctx) => {
    const repo = ctx.repo();
    const body = ctx.body as Record<string, unknown> & { head_sha: string; name: string };
    if ((await repo.git.typeOf(body.head_sha)) !== 'commit')
      throw unprocessable('No commit found for SHA: ' + body.head_sha);
    const id = ctx.state.id();
    const run: Record<string, unknown> = {
      id,
      node_id: `CR_${id}`,
      head_sha: body.head_sha,
      name: body.name,
      url: `${ctx.baseUrl}/repos/${repo.fullName}/check-runs/${id}`,
      html_url: `https://github.com/${repo.fullName}/runs/${id}`,
      details_url: null,
      external_id: null,
      status: 'queued',
      conclusion: null,
      started_at: now(),
      completed_at: null,
      output: {
        title: null,
        summary: null,
        text: null,
        annotations_count: 0,
        annotations_url: `${ctx.baseUrl}/repos/${repo.fullName}/check-runs/${id}/annotations`,
        annotations: [],
      },
      check_suite: { id: 1 },
      app: {
        id: 1,
        slug: 'modelship',
        name: 'Modelship',
        node_id: 'A_1',
        owner: null,
        created_at: now(),
        updated_at: now(),
        permissions: {},
        events: [],
      },
      pull_requests: [],
    };
    apply(ctx, run, body);
    return { status: 201, body: publicRun(run), commit: () => void repo.checkRuns.set(id, run) };
  },

  'checks/update': async (ctx) => {
    const run = ctx.repo().checkRuns.get(Number(ctx.params.check_run_id));
    if (!run) throw notFound();
    // Worked out on a copy: the stored run changes only in commit(), once the response is valid.
    const updated = { ...run };
    apply(ctx, updated, { ...(ctx.body as Record<string, unknown>) });
    return { status: 200, body: publicRun(updated), commit: () => void Object.assign(run, updated) };
  },

  'checks/get': async (ctx) => {
    const run = ctx.repo().checkRuns.get(Number(ctx.params.check_run_id));
    if (!run) throw notFound();
    return { status: 200, body: publicRun(run) };
  },

  'checks/list-for-ref': async (ctx) => {
    const repo = ctx.repo();
    const sha =
      (await repo.git.resolveRef(ctx.params.ref!)) ??
      (await repo.git.resolveRef(`refs/heads/${ctx.params.ref}`)) ??
      ctx.params.ref!;
    const name = ctx.query.get('check_name');
    const status = ctx.query.get('status');
    const runs = [...repo.checkRuns.values()]
      .filter((r) => r.head_sha === sha && (!name || r.name === name) && (!status || r.status === status))
      .reverse()
      .map(publicRun);
    return { status: 200, list: runs, wrap: (page, total) => ({ total_count: total, check_runs: page }) };
  },
};

/** Annotations a check run received (not part of GitHub's check-run response; exposed for tests). */
export function checkRunAnnotations(run: Record<string, unknown>): unknown[] {
  return ((run.output as { annotations?: unknown[] }).annotations ?? []) as unknown[];
}
