import { UserError } from '../../core/errors.js';

interface FailedRequest {
  status?: number;
  message?: string;
  cause?: { name?: string; code?: string; message?: string; cause?: { code?: string } };
}

const NETWORK = ['ECONNREFUSED', 'ENOTFOUND', 'ECONNRESET', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH'];

/**
 * A GitHub API request that got no answer (timed out, refused, unresolvable host) as a UserError
 * naming the API URL and what to check, or the original error when GitHub did answer.
 */
export function githubNetworkError(
  error: unknown,
  request: { method: string; url: string; attempts: number },
  apiUrl: string,
  timeoutMs: number,
): unknown {
  const e = error as FailedRequest;
  const cause = e.cause;
  const what = `${request.method} ${request.url}${request.attempts > 1 ? `, ${request.attempts} attempts` : ''}`;
  if (cause?.name === 'TimeoutError' || cause?.name === 'AbortError') {
    return new UserError(
      'input',
      `the GitHub API at ${apiUrl} did not answer within ${timeoutMs / 1000} s (${what}): check GITHUB_API_URL and that this machine can reach it; GitHub may also be degraded (https://www.githubstatus.com)`,
    );
  }
  const code = [cause?.code, cause?.cause?.code].find((c) => c && NETWORK.includes(c));
  if (code) {
    return new UserError(
      'input',
      `cannot reach the GitHub API at ${apiUrl}: ${code} (${what}). Check GITHUB_API_URL and that this machine can reach it (DNS, firewall, proxy)`,
    );
  }
  return error;
}
