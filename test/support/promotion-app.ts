import { appManifest } from './app-manifest.js';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { createAppDependencies } from '../../app/app-dependencies.js';
import { formatVersionTagMessage } from '../../core/registry/version-tag-message.js';
import { createAppLog } from '../../app/app-log.js';
import type { AppDependencies } from '../../app/modelship-app.js';
import { startAppServer, type AppServer } from '../../app/start-app-server.js';
import type { Clock } from '../../jobs/ports/clock.js';
import { createGitHubClient, type GitHubClient } from '../../platform/github/client.js';
import { runAction } from './action-harness.js';
import { buildActionEntry } from './build-action-entry.js';
import { startGitHubStandIn, type GitHubStandIn } from './github/server.js';
import { registerWorkspace } from './register-fixture.js';

export const MODELS = 'acme/models';
export const OPS = 'acme/ops';

/** The ops repository's config the tests start from: staging, then production after staging. */
export const OPS_CONFIG = `version: 1
default-environment: staging
environments:
  staging:
    targets:
      - file: apps/fraud/staging/values.yaml
        kind: yaml
        path: model.image.tag
        model: fraud
        value: "{version}"
    policy:
      min-role: write
  production:
    after: staging
    protected: true
    url: https://fraud.example.com
    targets:
      - file: apps/fraud/production/values.yaml
        kind: yaml
        path: model.image.tag
        model: fraud
        value: "{version}"
    policy:
      min-role: maintain
`;

export const valuesFile = (version: string) =>
  `# The fraud model's serving values (Argo CD syncs this file)\nmodel:\n  image:\n    repository: ghcr.io/acme/fraud-model\n    tag: ${version} # set by modelship\n  replicas: 2\n`;

export interface PromotionAppWorld {
  gh: GitHubStandIn;
  apps: AppServer[];
  dependencies: AppDependencies[];
  /** Lines the apps logged. */
  logs: string[];
  installationId: number;
  pullRequest: number;
  /** A person's client (with their role set by `as`). */
  person(login: string): GitHubClient;
  /** Comments on the pull request as `login` (a real comment: the stand-in delivers it signed). */
  comment(login: string, body: string, pullRequest?: number): Promise<{ id: number; html_url: string }>;
  /** Waits until every delivery was answered and every command it started has finished. */
  settled(): Promise<void>;
  /**
   * A version of `fraud` registered as the training workflow does (an annotated tag with its record,
   * made with the workflow's GITHUB_TOKEN) on a new commit of the model repository's main branch.
   */
  registerVersion(version: string, options?: { gate?: 'passed' | 'failed'; model?: string }): Promise<string>;
  /**
   * A version of `fraud` registered by the register-model action itself (its bundled entry, run as
   * the runner runs it, with release storage and the gate report of test/support/register-fixture.ts).
   */
  registerWithAction(version: string): Promise<string>;
  /** The app's replies on the pull request, oldest first. */
  replies(pullRequest?: number): string[];
  close(): Promise<void>;
}

/**
 * The whole loop on loopback: the GitHub stand-in (real git behind both repositories) delivering
 * signed webhooks to one or more app servers (a round-robin proxy in front of several, as a load
 * balancer would), the app authenticating as a GitHub App (JWT, then installation tokens).
 */
export async function startPromotionApp(
  options: { replicas?: number; clock?: Clock; opsConfig?: string; latencyMs?: number } = {},
): Promise<PromotionAppWorld> {
  const gh = await startGitHubStandIn();
  const logs: string[] = [];
  const clock = options.clock ?? { now: () => new Date() };
  const apps: AppServer[] = [];
  const dependencies: AppDependencies[] = [];
  for (let i = 0; i < (options.replicas ?? 1); i++) {
    const log = createAppLog({
      level: 'info',
      write: (line) => void logs.push(line),
      bindings: { replica: i },
    });
    const deps = createAppDependencies({
      appId: String(gh.app.id),
      privateKey: gh.app.privateKey,
      apiUrl: gh.url,
      opsRepository: OPS,
      pacing: false,
      clock,
      log,
      settings: { lockRetryMs: 50, lockAttempts: 12 },
      // A loaded test machine answers slowly; GitHub's 30 s would cut requests short here.
      timeoutMs: 120_000,
    });
    dependencies.push(deps);
    apps.push(
      await startAppServer({
        appId: String(gh.app.id),
        privateKey: gh.app.privateKey,
        webhookSecret: gh.app.webhookSecret,
        apiUrl: gh.url,
        port: 0,
        host: '127.0.0.1',
        webhookPath: '/api/github/webhooks',
        log,
        dependencies: deps,
      }),
    );
  }
  const proxy = apps.length > 1 ? await roundRobin(apps.map((a) => a.webhookUrl)) : undefined;
  gh.app.webhookUrl = proxy?.url ?? apps[0]!.webhookUrl;

  await gh.createRepo(MODELS, { files: { 'README.md': '# Fraud model\n', 'train.py': 'print("train")\n' } });
  await gh.createRepo(OPS, {
    files: {
      '.github/modelship.yml': options.opsConfig ?? OPS_CONFIG,
      'apps/fraud/staging/values.yaml': valuesFile('v0.9.0'),
      'apps/fraud/production/values.yaml': valuesFile('v0.9.0'),
    },
  });
  const installationId = gh.installApp('acme', [MODELS, OPS], appManifest().permissions);
  gh.setPermission(MODELS, 'alice', 'maintain');
  gh.setPermission(MODELS, 'bob', 'write');
  gh.setPermission(MODELS, 'carol', 'read');
  const pullRequest = await gh.createPullRequest(MODELS, 'retrain', { 'train.py': 'print("retrain")\n' });

  const clients = new Map<string, GitHubClient>();
  const person = (login: string) => {
    if (!clients.has(login))
      clients.set(
        login,
        createGitHubClient({ token: gh.createToken(login), baseUrl: gh.url, pacing: false }),
      );
    return clients.get(login)!;
  };
  const [owner, repo] = MODELS.split('/') as [string, string];
  const world: PromotionAppWorld = {
    gh,
    apps,
    dependencies,
    logs,
    installationId,
    pullRequest,
    person,
    async comment(login, body, number = pullRequest) {
      const { data } = await person(login).rest.issues.createComment({
        owner,
        repo,
        issue_number: number,
        body,
      });
      return { id: data.id, html_url: data.html_url };
    },
    async settled() {
      // A reply is a comment too (delivered, then ignored): settle until nothing moves.
      for (let round = 0; round < 20; round++) {
        await gh.webhooksSettled();
        if (dependencies.every((d) => d.queue.size === 0)) {
          await gh.webhooksSettled();
          if (dependencies.every((d) => d.queue.size === 0)) return;
        }
        await Promise.all(dependencies.map((d) => d.queue.settled()));
      }
    },
    async registerVersion(version, { gate = 'passed', model = 'fraud' } = {}) {
      const models = gh.state.repo(owner, repo)!;
      const head = (await models.git.refSha(`refs/heads/${models.defaultBranch}`))!;
      const tree = await models.git.git(['rev-parse', `${head}^{tree}`]);
      const commit = await models.git.commit(tree, [head], `training run for ${version}`);
      await models.git.updateRef(`refs/heads/${models.defaultBranch}`, commit, head);
      const workflow = createGitHubClient({
        token: gh.createWorkflowToken(MODELS),
        baseUrl: gh.url,
        pacing: false,
      });
      const sha256 = Buffer.from(`${model}${version}`).toString('hex').padEnd(64, '0').slice(0, 64);
      const message = formatVersionTagMessage({
        schema: 'modelship/version@1',
        model,
        version,
        commit,
        artifacts: [
          { name: 'model.onnx', uri: `s3://models/${model}/${version}/model.onnx`, sha256, size: 1234 },
        ],
        metrics: { roc_auc: 0.91 },
        gate: { verdict: gate, rules: [{ metric: 'roc_auc', passed: gate === 'passed', value: 0.91 }] },
      });
      const { data: tag } = await workflow.rest.git.createTag({
        owner,
        repo,
        tag: `${model}@${version}`,
        message,
        object: commit,
        type: 'commit',
      });
      await workflow.rest.git.createRef({ owner, repo, ref: `refs/tags/${model}@${version}`, sha: tag.sha });
      return commit;
    },
    async registerWithAction(version) {
      const models = gh.state.repo(owner, repo)!;
      const head = (await models.git.refSha(`refs/heads/${models.defaultBranch}`))!;
      const tree = await models.git.git(['rev-parse', `${head}^{tree}`]);
      const commit = await models.git.commit(tree, [head], `training run for ${version}`);
      await models.git.updateRef(`refs/heads/${models.defaultBranch}`, commit, head);
      const result = await runAction(await buildActionEntry('register-model'), {
        inputs: {
          token: gh.createWorkflowToken(MODELS),
          name: 'fraud',
          version,
          model: 'model/churn.onnx',
          evaluation: 'evaluation.json',
          gate: 'gate-report.json',
          dataset: 'holdout.csv',
        },
        repository: MODELS,
        sha: commit,
        apiUrl: gh.url,
        cwd: registerWorkspace('modelship-app-register-'),
        env: { GITHUB_SERVER_URL: gh.webUrl, GITHUB_ACTOR: 'trainer' },
      });
      if (result.exitCode !== 0) throw new Error(`register-model failed: ${result.stderr}${result.logs}`);
      return commit;
    },
    replies(number = pullRequest) {
      const models = gh.state.repo(owner, repo)!;
      return [...models.comments.values()]
        .filter((c) => c.issue_number === number)
        .filter((c) => (c.user as { login: string }).login === 'modelship[bot]')
        .map((c) => String(c.body));
    },
    async close() {
      await Promise.all(apps.map((a) => a.close()));
      await proxy?.close();
      await gh.close();
    },
  };
  return world;
}

/** A load balancer in front of the replicas: each delivery to the next one in turn. */
async function roundRobin(targets: string[]): Promise<{ url: string; close(): Promise<void> }> {
  let next = 0;
  const server: Server = createServer((req, res) => {
    const target = new URL(targets[next++ % targets.length]!);
    const forward = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: req.method,
        headers: req.headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on('error', () => res.writeHead(502).end());
    req.pipe(forward);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}/api/github/webhooks`,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
