import { parse } from 'yaml';
import type { Handler, HandlerContext } from '../context.js';
import { notFound, unprocessable } from '../http-error.js';
import { now } from '../representations.js';
import type { Repo } from '../state.js';

const WORKFLOWS_DIR = '.github/workflows';

interface WorkflowFile {
  id: number;
  path: string;
  name: string;
  definition: unknown;
}

/** The workflow files in `.github/workflows/` at a commit, parsed (a file that is not YAML parses as nothing). */
async function workflowsAt(repo: Repo, sha: string): Promise<Omit<WorkflowFile, 'id'>[]> {
  const entries = (await repo.git.tree(`${sha}:${WORKFLOWS_DIR}`)) ?? [];
  const files = entries.filter((e) => e.type === 'blob' && /\.ya?ml$/.test(e.path));
  return Promise.all(
    files.map(async (e) => {
      const path = `${WORKFLOWS_DIR}/${e.path}`;
      let definition: unknown;
      try {
        definition = parse((await repo.git.readBlob(e.sha))!.toString('utf8'));
      } catch {
        definition = undefined;
      }
      const name = (definition as { name?: unknown } | undefined)?.name;
      return { path, name: typeof name === 'string' ? name : path, definition };
    }),
  );
}

/**
 * GitHub gives each workflow file an id the first time it sees it; ids stay stable afterwards. Handing
 * one out on a read is the one write outside `commit()` here: it is idempotent and invisible otherwise.
 */
function idFor(repo: Repo, path: string): number {
  let id = repo.workflowIds.get(path);
  if (id === undefined) {
    id = 161_000 + repo.workflowIds.size + 1;
    repo.workflowIds.set(path, id);
  }
  return id;
}

/** The workflows GitHub knows: those on the default branch. */
async function knownWorkflows(repo: Repo): Promise<WorkflowFile[]> {
  const head = await repo.git.resolveRef(`refs/heads/${repo.defaultBranch}`);
  if (!head) return [];
  return (await workflowsAt(repo, head)).map((w) => ({ ...w, id: idFor(repo, w.path) }));
}

/** `{workflow_id}` is the numeric id or the file name (`deploy.yml`). */
async function findWorkflow(ctx: HandlerContext): Promise<WorkflowFile> {
  const wanted = ctx.params.workflow_id!;
  const found = (await knownWorkflows(ctx.repo())).find((w) =>
    /^\d+$/.test(wanted) ? w.id === Number(wanted) : w.path === `${WORKFLOWS_DIR}/${wanted}`,
  );
  if (!found) throw notFound();
  return found;
}

function workflowJson(ctx: HandlerContext, w: WorkflowFile) {
  const repo = ctx.repo();
  const file = w.path.slice(WORKFLOWS_DIR.length + 1);
  return {
    id: w.id,
    node_id: `W_${w.id}`,
    name: w.name,
    path: w.path,
    state: 'active',
    created_at: now(),
    updated_at: now(),
    url: `${ctx.baseUrl}/repos/${repo.fullName}/actions/workflows/${w.id}`,
    html_url: `https://github.com/${repo.fullName}/blob/${repo.defaultBranch}/${w.path}`,
    badge_url: `https://github.com/${repo.fullName}/workflows/${encodeURIComponent(file)}/badge.svg`,
  };
}

interface InputSpec {
  required?: boolean;
  type?: string;
  options?: unknown[];
  default?: unknown;
}

/** The `workflow_dispatch` trigger's inputs, or undefined when the workflow has no such trigger. */
function dispatchInputs(definition: unknown): Record<string, InputSpec> | undefined {
  const on = (definition as { on?: unknown } | null | undefined)?.on;
  if (on === 'workflow_dispatch') return {};
  if (Array.isArray(on)) return on.includes('workflow_dispatch') ? {} : undefined;
  if (on && typeof on === 'object' && 'workflow_dispatch' in on) {
    const trigger = (on as { workflow_dispatch?: { inputs?: Record<string, InputSpec> } | null })
      .workflow_dispatch;
    return trigger?.inputs ?? {};
  }
  return undefined;
}

export const workflowHandlers: Record<string, Handler> = {
  'actions/list-repo-workflows': async (ctx) => ({
    status: 200,
    list: (await knownWorkflows(ctx.repo())).map((w) => workflowJson(ctx, w)),
    wrap: (page, total) => ({ total_count: total, workflows: page }),
  }),

  'actions/get-workflow': async (ctx) => ({ status: 200, body: workflowJson(ctx, await findWorkflow(ctx)) }),

  'actions/create-workflow-dispatch': async (ctx) => {
    const repo = ctx.repo();
    const workflow = await findWorkflow(ctx);
    const body = ctx.body as { ref: string; inputs?: Record<string, unknown>; return_run_details?: boolean };
    const ref = body.ref.replace(/^refs\/(heads|tags)\//, '');
    const sha =
      (await repo.git.resolveRef(`refs/heads/${ref}`)) ?? (await repo.git.resolveRef(`refs/tags/${ref}`));
    if (!sha) throw unprocessable(`No ref found for: ${body.ref}`);
    // The workflow that runs is the file as it is on `ref`, so the trigger and inputs are read there.
    const atRef = (await workflowsAt(repo, sha)).find((w) => w.path === workflow.path);
    const declared = atRef && dispatchInputs(atRef.definition);
    if (!declared) throw unprocessable("Workflow does not have 'workflow_dispatch' trigger");
    const inputs = body.inputs ?? {};
    const unexpected = Object.keys(inputs).filter((k) => !(k in declared));
    if (unexpected.length > 0)
      throw unprocessable(`Unexpected inputs provided: ${JSON.stringify(unexpected)}`);
    for (const [name, spec] of Object.entries(declared)) {
      const value = inputs[name];
      if (value === undefined && spec?.required && spec.default === undefined)
        throw unprocessable(`Required input '${name}' not provided`);
      if (value !== undefined && spec?.type === 'choice' && !(spec.options ?? []).includes(value))
        throw unprocessable(
          `Provided value '${String(value)}' for input '${name}' not in the list of allowed values`,
        );
    }
    const dispatch = {
      workflowId: workflow.id,
      path: workflow.path,
      ref: body.ref,
      sha,
      inputs,
      actor: ctx.token!.actor.login,
    };
    const commit = () => {
      repo.workflowDispatches.push(dispatch);
    };
    if (!body.return_run_details) return { status: 204, commit };
    const runId = ctx.state.id();
    return {
      status: 200,
      body: {
        workflow_run_id: runId,
        run_url: `${ctx.baseUrl}/repos/${repo.fullName}/actions/runs/${runId}`,
        html_url: `https://github.com/${repo.fullName}/actions/runs/${runId}`,
      },
      commit,
    };
  },
};
