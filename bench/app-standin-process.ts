// The GitHub stand-in of bench/app.ts, in a process of its own (forked with an IPC channel), so the
// stand-in's CPU (schema checks of every request and answer, git in child processes) does not
// compete with the app's event loop as it did when both shared one process. It seeds both
// repositories, the app's installation and a registered version, then answers the bench's requests.
import { appManifest } from '../test/support/app-manifest.js';
import { readFileSync } from 'node:fs';
import { createGitHubClient } from '../platform/github/client.js';
import { formatVersionTagMessage } from '../core/registry/version-tag-message.js';
import { gitProcesses } from '../test/support/github/git-processes.js';
import { startGitHubStandIn } from '../test/support/github/server.js';

export const MODELS = 'acme/models';
export const OPS = 'acme/ops';

/** What the bench asks of this process; each answered by one message with the same id. */
export type StandInRequest =
  | { id: number; op: 'setup'; lanes: string[]; values: string }
  | { id: number; op: 'configure'; webhookUrl: string; latencyMs: number }
  | { id: number; op: 'settled' }
  | { id: number; op: 'calls'; from: number }
  | { id: number; op: 'state' }
  | { id: number; op: 'cpu' }
  | { id: number; op: 'close' };

export interface SlimCall {
  operationId: string | undefined;
  path: string;
  status: number;
  at: number;
  commentId?: string;
  content?: string;
  body?: string;
}

/**
 * The 🚀/👎 an app's GraphQL request adds (an `addReaction` among its batched mutations), in the
 * terms of the REST call it replaces: the comment's id (from its node id `IC_<id>`) and the content.
 */
function graphqlReactionOf(body: unknown): Pick<SlimCall, 'commentId' | 'content'> {
  const variables = (body as { variables?: Record<string, unknown> } | null)?.variables ?? {};
  for (const value of Object.values(variables)) {
    const input = value as { subjectId?: unknown; content?: unknown } | null;
    const comment = typeof input?.subjectId === 'string' ? /^IC_(\d+)$/.exec(input.subjectId) : null;
    if (comment && (input!.content === 'ROCKET' || input!.content === 'THUMBS_DOWN'))
      return { commentId: comment[1]!, content: input!.content === 'ROCKET' ? 'rocket' : '-1' };
  }
  return {};
}

/** git processes started so far: operation → git subcommand → count. */
export type GitProcessCounts = Record<string, Record<string, number>>;

/** CPU seconds of a process and of its finished children, from /proc (Linux). */
function processCpu(pid: number | 'self'): { self: number; children: number } {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // After "pid (comm) ": state is field 3, utime 14, stime 15, cutime 16, cstime 17 (1-based).
    const tick = (n: number) => Number(fields[n - 3]) / 100;
    return { self: tick(14) + tick(15), children: tick(16) + tick(17) };
  } catch {
    return { self: 0, children: 0 }; // exited meanwhile: its time is in this process's children's
  }
}

/**
 * CPU seconds of this process, and of git: its finished children, plus its long-lived helpers
 * (each repository's cat-file process, the spawner that starts every other git process) and what
 * they started.
 */
function cpuSeconds(): { self: number; children: number } {
  const own = processCpu('self');
  let git = own.children;
  for (const pid of gitProcesses.helpers) {
    const helper = processCpu(pid);
    git += helper.self + helper.children;
  }
  return { self: own.self, children: git };
}

if (process.send) {
  const gh = await startGitHubStandIn();
  const [owner, repo] = MODELS.split('/') as [string, string];
  const answer = async (request: StandInRequest): Promise<unknown> => {
    switch (request.op) {
      case 'setup': {
        const config = `version: 1\nenvironments:\n${request.lanes
          .map(
            (lane) =>
              `  ${lane}:\n    branch: ${lane}\n    targets:\n      - { file: apps/fraud/values.yaml, kind: yaml, path: model.image.tag, model: fraud, value: "{version}" }\n`,
          )
          .join('')}`;
        await gh.createRepo(MODELS, {
          files: { 'README.md': '# Fraud model\n', 'train.py': 'print("train")\n' },
        });
        const ops = await gh.createRepo(OPS, {
          files: { '.github/modelship.yml': config, 'apps/fraud/values.yaml': request.values },
        });
        for (const lane of request.lanes) await ops.git.updateRef(`refs/heads/${lane}`, ops.headSha, '');
        const installationId = gh.installApp('acme', [MODELS, OPS], appManifest().permissions);
        gh.setPermission(MODELS, 'alice', 'maintain');
        const pullRequest = await gh.createPullRequest(MODELS, 'retrain', {
          'train.py': 'print("retrain")\n',
        });
        // v1.0.0 registered as the training workflow does: an annotated tag holding its record.
        const models = gh.state.repo(owner, repo)!;
        const commit = (await models.git.refSha(`refs/heads/${models.defaultBranch}`))!;
        const workflow = createGitHubClient({
          token: gh.createWorkflowToken(MODELS),
          baseUrl: gh.url,
          pacing: false,
        });
        const message = formatVersionTagMessage({
          schema: 'modelship/version@1',
          model: 'fraud',
          version: 'v1.0.0',
          commit,
          artifacts: [
            {
              name: 'model.onnx',
              uri: 's3://models/fraud/v1.0.0/model.onnx',
              sha256: 'a'.repeat(64),
              size: 1234,
            },
          ],
          metrics: { roc_auc: 0.91 },
          gate: { verdict: 'passed', rules: [{ metric: 'roc_auc', passed: true, value: 0.91 }] },
        });
        const { data: tag } = await workflow.rest.git.createTag({
          owner,
          repo,
          tag: 'fraud@v1.0.0',
          message,
          object: commit,
          type: 'commit',
        });
        await workflow.rest.git.createRef({ owner, repo, ref: 'refs/tags/fraud@v1.0.0', sha: tag.sha });
        return {
          url: gh.url,
          appId: String(gh.app.id),
          privateKey: gh.app.privateKey,
          webhookSecret: gh.app.webhookSecret,
          installationId,
          pullRequest,
          aliceToken: gh.createToken('alice'),
        };
      }
      case 'configure':
        gh.app.webhookUrl = request.webhookUrl;
        // GitHub delivers only the events the app subscribes to (app.yml's default_events), so the
        // app verifies and drops no push, create or deployment deliveries it never asked for.
        gh.app.events = appManifest().events;
        gh.latencyMs = request.latencyMs;
        return null;
      case 'settled':
        await gh.webhooksSettled();
        return null;
      case 'calls':
        return {
          total: gh.calls.length,
          calls: gh.calls.slice(request.from).map((c): SlimCall => ({
            operationId: c.operationId,
            path: c.path,
            status: c.status,
            at: c.at,
            ...(c.params.comment_id ? { commentId: c.params.comment_id } : {}),
            ...(c.operationId === 'graphql' ? graphqlReactionOf(c.body) : {}),
            ...(typeof (c.body as { content?: unknown } | null)?.content === 'string'
              ? { content: (c.body as { content: string }).content }
              : {}),
            ...(typeof (c.body as { body?: unknown } | null)?.body === 'string'
              ? { body: (c.body as { body: string }).body.slice(0, 40) }
              : {}),
          })),
        };
      case 'state': {
        const models = gh.state.repo(owner, repo)!;
        return {
          acks: gh.deliveries
            .filter((d) => d.event === 'issue_comment' && d.action === 'created')
            .map((d) => d.duration * 1000),
          endings: Object.fromEntries(
            [...models.reactions].map(([id, list]) => [
              id,
              list.map((r) => r.content).find((x) => x === 'rocket' || x === '-1') ?? null,
            ]),
          ),
          // What would fail a test's gh.close(): a stand-in bug shows here, not as a mystery.
          problems: [...gh.responseProblems, ...gh.requestProblems, ...gh.webhookProblems],
          redeliveries: gh.deliveries.filter((d) => d.redelivery).length,
          failedDeliveries: gh.deliveries.filter((d) => d.status !== 'OK').length,
          replies: [...models.comments.values()]
            .filter((c) => (c.user as { login: string }).login === 'modelship[bot]')
            .map((c) => String(c.body)),
        };
      }
      case 'cpu':
        return {
          ...cpuSeconds(),
          git: Object.fromEntries(
            [...gitProcesses.counts].map(([operation, counts]) => [operation, Object.fromEntries(counts)]),
          ),
        };
      case 'close':
        await gh.close();
        setImmediate(() => process.exit(0));
        return null;
    }
  };
  process.on('message', (request: StandInRequest) => {
    answer(request).then(
      (result) => process.send!({ id: request.id, result }),
      (error: unknown) => process.send!({ id: request.id, error: String((error as Error)?.stack ?? error) }),
    );
  });
  process.send({ ready: true });
}
