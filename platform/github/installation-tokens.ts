import { createAppAuth } from '@octokit/auth-app';
import { request } from '@octokit/request';

export interface InstallationTokensOptions {
  appId: string;
  privateKey: string;
  /** The API root the tokens are asked from (api.github.com, GitHub Enterprise Server, a stand-in). */
  apiUrl: string;
  /** Milliseconds one token request may take (default 10 s). */
  timeoutMs?: number;
  /** Tries of a token request that failed transiently (5xx, a reset, a secondary rate limit). */
  attempts?: number;
}

const TRANSIENT = (status: number | undefined) =>
  status === undefined || status >= 500 || status === 403 || status === 429;

/**
 * The app's own requests on the configured API root, with a timeout, and its authentication (JWT,
 * installation tokens) over them.
 */
function appAuth(options: InstallationTokensOptions) {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const appRequest = request.defaults({
    baseUrl: options.apiUrl,
    headers: { 'user-agent': 'modelship-app' },
    request: {
      fetch: (input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]) =>
        fetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) }),
    },
  });
  const auth = createAppAuth({ appId: options.appId, privateKey: options.privateKey, request: appRequest });
  return { auth, appRequest };
}

/** Retries `ask` when it failed transiently (5xx, a reset, a secondary rate limit). */
async function withRetries<T>(attempts: number, ask: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await ask();
    } catch (error) {
      const status = (error as { status?: number }).status;
      if (attempt >= attempts || !TRANSIENT(status)) throw error;
      await new Promise((ok) => setTimeout(ok, 100 * 2 ** attempt));
    }
  }
}

/**
 * Installation tokens of the GitHub App: a JWT signed with the app's key, exchanged for a token of
 * one installation (cached by @octokit/auth-app until shortly before it expires, so a command
 * usually costs no call for it). Probot's own `auth()` asks api.github.com whatever its baseUrl, so
 * the app asks here, on the configured API root, with a timeout and a few retries.
 */
export function installationTokens(
  options: InstallationTokensOptions,
): (installationId: number) => Promise<string> {
  const { auth } = appAuth(options);
  const attempts = options.attempts ?? 4;
  return async (installationId) =>
    (await withRetries(attempts, () => auth({ type: 'installation', installationId }))).token;
}

/**
 * The login the app acts as (`SLUG[bot]`), from `GET /app` with the app's JWT — asked once, on first
 * use. It tells the app's own deployments and pull requests from look-alikes made by others.
 */
export function appBotLogin(options: InstallationTokensOptions): () => Promise<string> {
  const { auth, appRequest } = appAuth(options);
  let login: Promise<string> | undefined;
  return () => {
    login ??= withRetries(options.attempts ?? 4, async () => {
      const { data } = await appRequest('GET /app', { request: { hook: auth.hook } });
      return `${data?.slug ?? ''}[bot]`;
    }).catch((error: unknown) => {
      login = undefined; // asked again next time
      throw error;
    });
    return login;
  };
}
