import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import Bottleneck from 'bottleneck';
import { githubNetworkError } from './github-network-error.js';

export interface GitHubClientOptions {
  /** A token (GITHUB_TOKEN, an installation token, a PAT). */
  token?: string;
  /** API root; default GITHUB_API_URL (set by the runner, also for GHES), else api.github.com. */
  baseUrl?: string;
  userAgent?: string;
  /** Where retries and rate-limit waits are reported (the action's log). */
  log?: (message: string) => void;
  /** Retries of a rate-limited or failed request before giving up (default 3). */
  retries?: number;
  /**
   * Milliseconds one attempt may take, from sending to the last byte of the answer (default 30 s);
   * the connection itself must open within Node's fetch connect timeout (10 s). Without it an API
   * that accepts the connection and never answers holds the action forever.
   */
  timeoutMs?: number;
  /**
   * GitHub asks integrations to space content-creating requests made in bulk (1 s between writes,
   * 3 s between comments) and to honour retry-after in seconds. `true` (the default, for the CLI and
   * the actions, which may write hundreds of annotations or assets): the throttling plugin's
   * process-wide queues, one write a second. `'serial'` (the app, answering people within seconds):
   * this client's writes one at a time, unspaced — a command makes about ten — with GitHub's
   * retry-after still honoured in full when it asks for a pause; commands run side by side, at most
   * ten requests in flight per process. `false`: serial and retry-after read as milliseconds, for
   * tests against the stand-in.
   */
  pacing?: boolean | 'serial';
}

const RetryingOctokit = Octokit.plugin(retry, throttling);
export type GitHubClient = InstanceType<typeof RetryingOctokit>;

/**
 * The one way Modelship talks to GitHub: Octokit with retries of transient failures (5xx, resets)
 * and the throttling plugin's waits on primary and secondary rate limits, each bounded.
 */
export function createGitHubClient(options: GitHubClientOptions = {}): GitHubClient {
  const retries = options.retries ?? 3;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const baseUrl = options.baseUrl ?? 'https://api.github.com';
  // Each attempt gets its own timer: fetch is called once per attempt, inside the retry plugin's
  // loop, so a retry starts with a full timeout and the whole is bounded by retries + 1 attempts.
  const fetchWithTimeout: typeof fetch = (input, init) => {
    const timeout = AbortSignal.timeout(timeoutMs);
    return fetch(input, {
      ...init,
      signal: init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout,
    });
  };
  const log = options.log ?? (() => {});
  const onLimit =
    (kind: string) =>
    (retryAfter: number, request: { method: string; url: string }, _o: unknown, retryCount: number) => {
      log(
        `GitHub ${kind} rate limit on ${request.method} ${request.url}; retry ${retryCount + 1} of ${retries} in ${retryAfter} s`,
      );
      return retryCount < retries;
    };
  const octokit = new RetryingOctokit({
    ...(options.token ? { auth: options.token } : {}),
    baseUrl,
    userAgent: options.userAgent ?? 'modelship',
    request: { fetch: fetchWithTimeout },
    // No global `request: { retries }`: the retry plugin's limiter retries any failure that carries
    // it, so a 403 was sent four times. The plugin sets it itself on the failures it may retry.
    // Besides Octokit's defaults, a conflict (409) or a refused method (405) will not change on retry.
    retry: {
      retries,
      doNotRetry: [400, 401, 403, 404, 405, 409, 410, 422, 451],
      ...(options.pacing === false ? { retryAfterBaseValue: 1 } : {}),
    },
    throttle: {
      onRateLimit: onLimit('primary'),
      onSecondaryRateLimit: onLimit('secondary'),
      ...(options.pacing === false || options.pacing === 'serial'
        ? {
            write: new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 }),
            notifications: new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 }),
            ...(options.pacing === false ? { retryAfterBaseValue: 1 } : {}),
          }
        : {}),
    },
    log: { debug: () => {}, info: () => {}, warn: log, error: log },
  });
  // Registered after the plugins, so it sees the failure once retries are exhausted.
  octokit.hook.error('request', (error, request) => {
    // The retry plugin counts every failure, the last one included, in retryCount.
    const attempts = Math.max(1, (request.request as { retryCount?: number } | undefined)?.retryCount ?? 0);
    const { method, url } = octokit.request.endpoint.parse(request);
    throw githubNetworkError(error, { method, url, attempts }, baseUrl, timeoutMs);
  });
  return octokit;
}
