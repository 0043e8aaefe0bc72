import { generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AssetHosts } from './asset-hosts.js';
import type { Handler, HandlerContext, HandlerResult } from './context.js';
import { Faults, type Fault } from './faults.js';
import { GraphqlContext } from './graphql/graphql-context.js';
import { runGraphql, type GraphqlCallInfo } from './graphql/graphql-endpoint.js';
import { fillFromSchema } from './fill-from-schema.js';
import { appHandlers } from './handlers/apps.js';
import { checkHandlers } from './handlers/checks.js';
import { contentHandlers } from './handlers/contents.js';
import { deploymentHandlers } from './handlers/deployments.js';
import { annotationHandlers } from './handlers/check-annotations.js';
import { gitHandlers } from './handlers/git.js';
import { issueHandlers } from './handlers/issues.js';
import { labelHandlers } from './handlers/labels.js';
import { pullHandlers } from './handlers/pulls.js';
import { reactionHandlers } from './handlers/reactions.js';
import { releaseHandlers } from './handlers/releases.js';
import { repoHandlers } from './handlers/repos.js';
import { statusHandlers } from './handlers/statuses.js';
import { teamHandlers } from './handlers/teams.js';
import { workflowHandlers } from './handlers/workflows.js';
import { HttpError, notFound } from './http-error.js';
import { authorize } from './authorize.js';
import { verifyAppJwt } from './jwt.js';
import { githubOpenApi } from './openapi.js';
import { SchemaValidator } from './schema-validator.js';
import { CallLog, type RecordedCall } from './call-log.js';
import { gitProcesses } from './git-processes.js';
import { RateLimits } from './rate-limits.js';
import { seedPullRequest, seedRepo } from './seed.js';
import { GitHubState, type Permission, type Repo } from './state.js';
import { WebhookDeliveries, type HookDelivery } from './webhooks/deliveries.js';
import { observe } from './webhooks/observer.js';
import { hookDeliveryHandlers } from './handlers/hook-deliveries.js';

export type { RecordedCall } from './call-log.js';
export type { HookDelivery } from './webhooks/deliveries.js';

const handlers: Record<string, Handler> = {
  ...repoHandlers,
  ...gitHandlers,
  ...contentHandlers,
  ...releaseHandlers,
  ...checkHandlers,
  ...issueHandlers,
  ...pullHandlers,
  ...deploymentHandlers,
  ...appHandlers,
  ...statusHandlers,
  ...workflowHandlers,
  ...labelHandlers,
  ...reactionHandlers,
  ...annotationHandlers,
  ...hookDeliveryHandlers,
  ...teamHandlers,
};

/** Operations the stand-in implements (what its tests cover). */
export const SUPPORTED_OPERATIONS = Object.keys(handlers).sort();

export interface GitHubStandIn {
  url: string;
  uploadsUrl: string;
  /** Serves asset bytes at the signed, short-lived URLs the API redirects to (objects.githubusercontent.com). */
  downloadUrl: string;
  /** github.com's pages the stand-in serves: `browser_download_url` (`/{owner}/{repo}/releases/download/{tag}/{name}`). */
  webUrl: string;
  app: {
    id: number;
    privateKey: string;
    publicKey: KeyObject;
    webhookSecret: string;
    /** Where the app's webhooks go (set it, or pass `webhookUrl` to `startGitHubStandIn`); none: no deliveries. */
    webhookUrl?: string;
    /** `X-GitHub-Hook-ID` of the app's webhook. */
    hookId: number;
    /** Events the app subscribes to (`issue_comment`, `push`, …); undefined: all of them. */
    events?: string[];
  };
  /**
   * Every webhook delivery attempt, oldest first, once it finished (status code, duration, error).
   * Events come from what happens in the stand-in: comments, pull requests, issues, pushes and
   * branch/tag creation and deletion, deployments and their statuses, completed check runs.
   */
  deliveries: HookDelivery[];
  /** Sends a recorded delivery again (same GUID and body, a new id, `redelivery: true`). */
  redeliver(id: number): Promise<HookDelivery>;
  /** Resolves once every webhook delivery in flight has finished. */
  webhooksSettled(): Promise<void>;
  /** Deliveries whose payload broke `@octokit/openapi-webhooks`' schema (a stand-in bug; fails `close()`). */
  webhookProblems: string[];
  state: GitHubState;
  /** Queued faults (`faults.add`) and a random failure rate (`faults.randomly({ rate, kinds, seed })`). */
  faults: Faults;
  /** Milliseconds added to every API and GraphQL response; 0 by default. */
  latencyMs: number;
  /** The most recent calls (the oldest are dropped past 10,000). */
  calls: CallLog;
  /** Primary rate limits per credential: `rateLimits.set(token, { limit: 10 })`. */
  rateLimits: RateLimits;
  /** Responses the stand-in refused to send because they broke GitHub's schema (a bug in the stand-in). */
  responseProblems: string[];
  /**
   * Requests GitHub's schema rejects (answered 422, as GitHub does). `close()` fails the test when
   * any are left: a test that sends one on purpose asserts it and empties the list.
   */
  requestProblems: string[];
  /** A repository backed by a bare git repo, with `files` committed on its default branch. */
  createRepo(
    fullName: string,
    options?: { files?: Record<string, string>; private?: boolean; defaultBranch?: string },
  ): Promise<Repo & { headSha: string }>;
  /** A token acting as `login` (like a PAT or GITHUB_TOKEN), optionally limited to some repositories. */
  createToken(login: string, repos?: string[]): string;
  /**
   * A workflow's GITHUB_TOKEN for one repository: an installation token of GitHub Actions
   * (`github-actions[bot]`) with `permissions` (default: GitHub's permissive defaults).
   */
  createWorkflowToken(fullName: string, permissions?: Record<string, string>): string;
  /** Installs the app on repositories; returns the installation id. */
  installApp(owner: string, repos: string[], permissions?: Record<string, string>): number;
  setPermission(fullName: string, login: string, permission: Permission): void;
  /** Opens a pull request from `head` (created from the default branch with `files`) into the default branch. */
  createPullRequest(
    fullName: string,
    head: string,
    files: Record<string, string>,
    title?: string,
  ): Promise<number>;
  /** Stops the servers and removes the repositories; rejects when a request or response broke GitHub's schema. */
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of req) parts.push(chunk as Buffer);
  return Buffer.concat(parts);
}

/**
 * A stateful stand-in for GitHub's REST API on loopback. Every request is checked against GitHub's
 * OpenAPI description (a bad one gets GitHub's 422), every response too (a bad one is refused and
 * recorded — a stand-in bug must fail the test, not pass silently). Git data lives in real bare repos.
 */
/** GitHub's permissive default for a workflow's GITHUB_TOKEN. */
const WORKFLOW_TOKEN_PERMISSIONS = {
  actions: 'write',
  checks: 'write',
  contents: 'write',
  deployments: 'write',
  issues: 'write',
  metadata: 'read',
  pull_requests: 'write',
  statuses: 'write',
};
const GITHUB_ACTIONS_INSTALLATION = 1;

export interface GitHubStandInOptions {
  /** Port of the API server on 127.0.0.1; default 0, a free port. The uploads host always takes a free port. */
  port?: number;
  /** Milliseconds added to every API and GraphQL response (GitHub's round trip, for benchmarks); also `gh.latencyMs`. */
  latencyMs?: number;
  /** The app's webhook URL (also settable later as `gh.app.webhookUrl`). */
  webhookUrl?: string;
  /** How long a delivery waits for the receiver (GitHub: 10 s). */
  webhookTimeoutMs?: number;
}

export async function startGitHubStandIn(options: GitHubStandInOptions = {}): Promise<GitHubStandIn> {
  const root = mkdtempSync(join(tmpdir(), 'modelship-github-'));
  const state = new GitHubState(root);
  const api = githubOpenApi();
  const validator = new SchemaValidator();
  const faults = new Faults();
  const calls = new CallLog();
  const rateLimits = new RateLimits();
  const responseProblems: string[] = [];
  const requestProblems: string[] = [];
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const app = {
    id: 4242,
    privateKey: privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
    publicKey,
    webhookSecret: randomBytes(16).toString('hex'),
    hookId: 1_000_000 + Math.floor(Math.random() * 1_000_000),
    ...(options.webhookUrl ? { webhookUrl: options.webhookUrl } : {}),
  } as GitHubStandIn['app'];
  state.app.id = app.id;
  const webhooks = new WebhookDeliveries(app, () => baseUrl, options.webhookTimeoutMs);
  let baseUrl = '';
  let uploadsUrl = '';

  const assetHosts = new AssetHosts(state);
  const tuning = { latencyMs: options.latencyMs ?? 0 };

  const handle = async (req: IncomingMessage, res: ServerResponse, host: 'api' | 'uploads') => {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const method = req.method ?? 'GET';
    // GitHub's round trip, for benchmarks: every API response waits this long.
    if (tuning.latencyMs > 0) await new Promise((ok) => setTimeout(ok, tuning.latencyMs));
    if (host === 'api' && url.pathname === '/graphql' && method === 'POST') return serveGraphql(req, res);
    // GitHub still answers GET /repos/{o}/{r}/git/refs/{ref} (the `url` of every ref it returns),
    // which its description lists only as git/get-ref (`git/ref/{ref}`).
    const legacyRef = /^(\/repos\/[^/]+\/[^/]+\/git\/)refs\/(.+)$/.exec(url.pathname);
    const routed = method === 'GET' && legacyRef ? `${legacyRef[1]}ref/${legacyRef[2]}` : url.pathname;
    const matched = api.match(method, routed);
    // Route first: an asset upload streams its body to disk, every other body is small and read here.
    // Each host serves only its own operations (GitHub answers 404 to an upload on api.github.com).
    const isUpload = matched?.operation.operationId === 'repos/upload-release-asset';
    const operation = matched && isUpload === (host === 'uploads') ? matched.operation : undefined;
    const rawBody = operation && !isUpload ? await readBody(req) : Buffer.alloc(0);
    const call: RecordedCall = {
      method,
      path: url.pathname,
      operationId: operation?.operationId,
      route: operation ? `${operation.method} ${operation.path}` : undefined,
      params: matched?.params ?? {},
      query: Object.fromEntries(url.searchParams),
      body: undefined,
      status: 0,
      at: Date.now(),
    };
    calls.record(call);
    const scope = gitProcesses.scope.getStore();
    if (scope) scope.operation = operation?.operationId ?? `${method} ${url.pathname}`;
    let rateHeaders: Record<string, string> = {};

    const send = (status: number, body: unknown, headers: Record<string, string> = {}, raw?: Buffer) => {
      call.status = status;
      res.writeHead(status, {
        ...rateHeaders,
        'x-github-request-id': randomBytes(8).toString('hex').toUpperCase(),
        ...(raw ? {} : body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' }),
        ...headers,
      });
      res.end(raw ?? (body === undefined ? undefined : JSON.stringify(body)));
    };

    try {
      if (!operation) throw notFound();
      const handler = handlers[operation.operationId];
      if (!handler) throw new HttpError(501, `The stand-in does not implement ${operation.operationId}`);
      // GitHub authenticates first: a bad token is 401 even when the service is having a bad day.
      const token = authenticate(req.headers.authorization, operation.operationId);
      const credential = req.headers.authorization ?? `anonymous ${req.socket.remoteAddress ?? ''}`;
      if (operation.operationId === 'rate-limit/get')
        rateHeaders = rateLimits.headers(rateLimits.current(credential));
      else rateHeaders = rateLimits.spend(credential, token?.actor.login ?? String(req.socket.remoteAddress));

      const fault = faults.take(operation.operationId);
      if (await injected(fault, call, req)) return;
      let body: unknown;
      if (!isUpload && rawBody.length > 0) {
        try {
          body = JSON.parse(rawBody.toString('utf8'));
        } catch {
          throw new HttpError(400, 'Problems parsing JSON');
        }
      }
      call.body = isUpload ? `<${req.headers['content-length'] ?? '?'} bytes>` : body;
      for (const p of operation.parameters) {
        if (p.in === 'path' && p.schema?.type === 'integer' && !/^\d+$/.test(matched!.params[p.name] ?? ''))
          throw notFound();
      }
      if (!isUpload && operation.requestSchema) {
        const problems = validator.request(operation, body ?? {});
        if (problems.length > 0) {
          requestProblems.push(`${operation.operationId}: ${problems.join('; ')}`);
          throw new HttpError(422, `Invalid request.\n\n${problems.join('\n')}`);
        }
      }
      // Authorization comes before any handler runs: a refused call must not have looked at anything.
      const { owner, repo: name } = matched!.params;
      const repo = owner && name ? state.repo(owner, name) : undefined;
      if (owner && name && !repo) throw notFound();
      if (repo) authorize(operation, token, repo);
      const ctx: HandlerContext = {
        operation,
        params: matched!.params,
        query: url.searchParams,
        body,
        rawBody,
        request: req,
        host,
        assetHosts,
        headers: req.headers,
        token,
        state,
        baseUrl,
        uploadsUrl,
        rateLimit: () => rateLimits.current(credential),
        webhooks,
        repo: () => {
          if (!repo) throw notFound();
          return repo;
        },
      };
      const result = await observe(ctx, webhooks, () => handler(ctx));
      // 'lose-response': the change is made, then the connection drops before the answer.
      const loseAnswer = () => {
        call.status = -1;
        req.socket.destroy();
      };
      await respond(
        operation.operationId,
        result,
        url,
        fault?.kind === 'lose-response' ? loseAnswer : send,
        fault?.kind === 'break-response',
      );
    } catch (error) {
      if (error instanceof HttpError) send(error.status, error.body(), error.headers);
      else {
        responseProblems.push(`${method} ${url.pathname}: ${String(error)}`);
        send(500, { message: `stand-in error: ${String(error)}` });
      }
    }
  };

  /** Applies a fault: true when the connection was reset; throws the injected failure. */
  async function injected(fault: Fault | undefined, call: RecordedCall, req: IncomingMessage) {
    if (fault) call.fault = fault.kind === 'status' ? `status-${fault.status}` : fault.kind;
    if (fault?.kind === 'reset') {
      call.status = -1;
      req.socket.destroy();
      return true;
    }
    if (fault?.kind === 'latency') await new Promise((ok) => setTimeout(ok, fault.ms));
    if (fault?.kind === 'status')
      throw new HttpError(fault.status, fault.status >= 500 ? 'Server Error' : 'Injected failure');
    if (fault?.kind === 'secondary-rate-limit') {
      throw new HttpError(
        403,
        'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
        undefined,
        { 'retry-after': String(fault.retryAfter ?? 1) },
      );
    }
    return false;
  }

  /**
   * `POST /graphql`: authenticated, rate-limited and faulted like a REST call (operationId
   * `graphql`), then validated against GitHub's GraphQL schema and executed over the same state.
   */
  async function serveGraphql(req: IncomingMessage, res: ServerResponse) {
    const rawBody = await readBody(req);
    const graphql: GraphqlCallInfo = { operationName: undefined, operation: undefined, rootField: undefined };
    const call: RecordedCall = {
      method: 'POST',
      path: '/graphql',
      operationId: 'graphql',
      route: 'POST /graphql',
      params: {},
      query: {},
      body: undefined,
      status: 0,
      at: Date.now(),
      graphql,
    };
    calls.record(call);
    const scope = gitProcesses.scope.getStore();
    if (scope) scope.operation = 'graphql';
    let headers: Record<string, string> = {};
    const send = (status: number, body: unknown, extra: Record<string, string> = {}) => {
      call.status = status;
      res.writeHead(status, {
        ...headers,
        'x-github-request-id': randomBytes(8).toString('hex').toUpperCase(),
        'content-type': 'application/json; charset=utf-8',
        ...extra,
      });
      res.end(JSON.stringify(body));
    };
    try {
      if (!req.headers.authorization)
        throw new HttpError(401, 'This endpoint requires you to be authenticated.');
      const token = authenticate(req.headers.authorization, 'graphql')!;
      const credential = req.headers.authorization;
      headers = { ...rateLimits.spend(credential, token.actor.login), 'x-ratelimit-resource': 'graphql' };
      if (await injected(faults.take('graphql'), call, req)) return;
      let body: unknown;
      try {
        body = JSON.parse(rawBody.toString('utf8'));
      } catch {
        throw new HttpError(400, 'Problems parsing JSON');
      }
      call.body = body;
      const context = new GraphqlContext(
        state,
        token,
        api.byId,
        baseUrl,
        () => rateLimits.current(credential),
        webhooks,
        String(req.headers.accept ?? ''),
      );
      send(200, await runGraphql(context, body, graphql, responseProblems));
    } catch (error) {
      if (error instanceof HttpError) send(error.status, error.body(), error.headers);
      else {
        responseProblems.push(`POST /graphql: ${String(error)}`);
        send(500, { message: `stand-in error: ${String(error)}` });
      }
    }
  }

  function authenticate(header: string | undefined, operationId: string) {
    if (!header) return undefined;
    const value = header.replace(/^(token|bearer)\s+/i, '');
    if (value.split('.').length === 3) {
      // A JWT is the app itself: only app endpoints accept it.
      if (!verifyAppJwt(value, app.publicKey, app.id))
        throw new HttpError(401, 'A JSON web token could not be decoded');
      if (!operationId.startsWith('apps/')) throw new HttpError(401, 'Bad credentials');
      return { actor: state.user('modelship[bot]', 'Bot'), installationId: -1, repos: new Set<string>() };
    }
    const token = state.tokens.get(value);
    if (!token || (token.expiresAt !== undefined && token.expiresAt < Date.now()))
      throw new HttpError(401, 'Bad credentials');
    return token;
  }

  async function respond(
    operationId: string,
    result: HandlerResult,
    url: URL,
    send: (s: number, b: unknown, h?: Record<string, string>, raw?: Buffer) => void,
    breakIt = false,
  ) {
    const operation = api.byId.get(operationId)!;
    const query = url.searchParams;
    const headers = { ...result.headers };
    let body = result.body;
    if (result.list) {
      const perPage = Math.min(100, Math.max(1, Number(query.get('per_page') ?? 30)));
      const page = Math.max(1, Number(query.get('page') ?? 1));
      const last = Math.max(1, Math.ceil(result.list.length / perPage));
      const items = result.list.slice((page - 1) * perPage, page * perPage);
      body = result.wrap ? result.wrap(items, result.list.length) : items;
      const link = (p: number, rel: string) => {
        const next = new URLSearchParams(query);
        next.set('page', String(p));
        next.set('per_page', String(perPage));
        return `<${baseUrl}${url.pathname}?${next}>; rel="${rel}"`;
      };
      const links = [
        ...(page < last ? [link(page + 1, 'next'), link(last, 'last')] : []),
        ...(page > 1 ? [link(1, 'first'), link(page - 1, 'prev')] : []),
      ];
      if (links.length) headers.link = links.join(', ');
    }
    if (result.raw) {
      await result.commit?.();
      return send(result.status, undefined, headers, result.raw);
    }
    const schema = operation.responses[String(result.status)]?.schema;
    if (schema && body !== undefined) body = fillFromSchema(schema, body, baseUrl);
    if (breakIt) body = 'a response GitHub would never send';
    const problems = body === undefined ? [] : validator.response(operation, result.status, body);
    if (problems.length > 0) {
      responseProblems.push(`${operationId} ${result.status}: ${problems.join('; ')}`);
      await result.discard?.();
      return send(500, {
        message: `stand-in response for ${operationId} breaks GitHub's schema: ${problems.join('; ')}`,
      });
    }
    await result.commit?.();
    send(result.status, body, headers);
  }

  // A port already taken must fail the start, not leave it waiting forever.
  const listen = (server: Server, port: number) =>
    new Promise<string>((ok, fail) => {
      server.once('error', fail);
      server.listen(port, '127.0.0.1', () =>
        ok(`http://127.0.0.1:${(server.address() as { port: number }).port}`),
      );
    });
  // Idle keep-alive connections stay open a minute, as behind GitHub's load balancers: a client
  // reusing a connection the server is just closing sees ECONNRESET, which a busy test must not.
  const apiServer = createServer(
    (req, res) => void gitProcesses.scope.run({}, () => handle(req, res, 'api')),
  );
  const uploadServer = createServer(
    (req, res) => void gitProcesses.scope.run({}, () => handle(req, res, 'uploads')),
  );
  const downloadServer = createServer((req, res) => void assetHosts.serveDownload(req, res));
  const webServer = createServer((req, res) => assetHosts.serveWeb(req, res));
  const servers = [apiServer, uploadServer, downloadServer, webServer];
  for (const server of servers) {
    server.keepAliveTimeout = 65_000;
    server.headersTimeout = 66_000;
  }
  baseUrl = await listen(apiServer, options.port ?? 0);
  uploadsUrl = await listen(uploadServer, 0);
  assetHosts.downloadUrl = await listen(downloadServer, 0);
  assetHosts.webUrl = await listen(webServer, 0);

  const standIn: GitHubStandIn = {
    get latencyMs() {
      return tuning.latencyMs;
    },
    set latencyMs(ms: number) {
      tuning.latencyMs = ms;
    },
    url: baseUrl,
    uploadsUrl,
    downloadUrl: assetHosts.downloadUrl,
    webUrl: assetHosts.webUrl,
    app,
    state,
    faults,
    calls,
    rateLimits,
    responseProblems,
    requestProblems,
    deliveries: webhooks.list,
    redeliver: (id) => webhooks.redeliver(id),
    webhooksSettled: () => webhooks.settled(),
    webhookProblems: webhooks.problems,
    createRepo: (fullName, options = {}) => seedRepo(state, fullName, options),
    createToken(login, repos) {
      const token = `ghp_${randomBytes(18).toString('hex')}`;
      state.tokens.set(token, {
        actor: state.user(login),
        ...(repos ? { repos: new Set(repos.map((r) => r.toLowerCase())) } : {}),
      });
      return token;
    },
    createWorkflowToken(fullName, permissions = WORKFLOW_TOKEN_PERMISSIONS) {
      const token = `ghs_${randomBytes(18).toString('hex')}`;
      state.tokens.set(token, {
        actor: state.user('github-actions[bot]', 'Bot'),
        repos: new Set([fullName.toLowerCase()]),
        installationId: GITHUB_ACTIONS_INSTALLATION,
        permissions,
        expiresAt: Date.now() + 6 * 3600_000,
      });
      return token;
    },
    installApp(
      owner,
      repos,
      permissions = {
        contents: 'write',
        checks: 'write',
        issues: 'write',
        pull_requests: 'write',
        deployments: 'write',
        metadata: 'read',
      },
    ) {
      const id = state.id();
      state.installations.set(id, {
        id,
        account: state.user(owner),
        repos: new Set(repos.map((r) => r.toLowerCase())),
        permissions,
      });
      return id;
    },
    setPermission(fullName, login, permission) {
      const [owner, name] = fullName.split('/') as [string, string];
      state.user(login);
      state.repo(owner, name)!.collaborators.set(login, permission);
    },
    createPullRequest(fullName, head, files, title = `Update from ${head}`) {
      const [owner, name] = fullName.split('/') as [string, string];
      return seedPullRequest(state, { baseUrl, uploadsUrl }, state.repo(owner, name)!, head, files, title);
    },
    async close() {
      await webhooks.settled();
      await Promise.all(servers.map((s) => new Promise<void>((ok) => s.close(() => ok()))));
      for (const server of servers) server.closeAllConnections();
      for (const repo of state.repos.values()) repo.git.close();
      rmSync(root, { recursive: true, force: true });
      const problems = [
        ...responseProblems.map((p) => `response: ${p}`),
        ...requestProblems.map((p) => `request: ${p}`),
        ...webhooks.problems.map((p) => `webhook: ${p}`),
      ];
      if (problems.length > 0)
        throw new Error(`calls broke GitHub's OpenAPI description:\n  ${problems.join('\n  ')}`);
    },
  };
  return standIn;
}
