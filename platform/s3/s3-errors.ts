import { UserError } from '../../core/errors.js';
import { WEB_PAGE_ERROR } from './s3-web-page-guard.js';

interface AwsError {
  name?: string;
  Code?: string;
  code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number; attempts?: number };
}

const ENDPOINT_VARIABLES = 'AWS_ENDPOINT_URL_S3 / AWS_ENDPOINT_URL';

const NOT_FOUND = new Set(['NoSuchKey', 'NotFound', 'NoSuchBucket']);
const ACCESS = new Set([
  'AccessDenied',
  'Forbidden',
  'InvalidAccessKeyId',
  'SignatureDoesNotMatch',
  'CredentialsProviderError',
  'ExpiredToken',
  'InvalidToken',
]);

/** An S3 failure as a user-fixable error naming the object, or the original error when it is not one. */
export function s3Error(
  error: unknown,
  uri: string,
  endpoint: string | undefined,
  accessKeyId: string | undefined,
): unknown {
  const e = error as AwsError;
  const code = e.name ?? e.Code ?? e.code ?? '';
  const status = e.$metadata?.httpStatusCode;
  const where = endpoint ?? 'AWS S3 (no endpoint set)';
  if (code === WEB_PAGE_ERROR) {
    return new UserError(
      'input',
      `the S3 endpoint ${where} answered with a web page (${e.message}), not the S3 API: check ${ENDPOINT_VARIABLES}; it may point at a proxy, a login page or a console instead of the S3 endpoint`,
      { file: uri },
    );
  }
  if (code === 'TimeoutError' || e.code === 'ETIMEDOUT') {
    return new UserError('input', timeoutMessage(e, where), { file: uri });
  }
  if (NOT_FOUND.has(code) || status === 404) {
    const what = code === 'NoSuchBucket' ? 'no such bucket' : 'no such object';
    return new UserError('not-found', what, { file: uri });
  }
  if (ACCESS.has(code) || status === 403 || status === 401) {
    const who = accessKeyId ? `access key ${accessKeyId.slice(0, 4)}…` : 'no credentials found';
    const why =
      code === 'SignatureDoesNotMatch'
        ? 'the secret access key does not match the access key id'
        : code === 'InvalidAccessKeyId'
          ? 'the access key id is unknown to the server'
          : code === 'CredentialsProviderError'
            ? 'no AWS credentials were found'
            : code === 'AccessDenied'
              ? 'access denied'
              : // A HEAD response has no body, so S3 cannot say which of these it was.
                'access denied: the secret or the access key id is wrong, or the credentials lack permission';
    return new UserError(
      'access',
      `${why} (${who}). Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or configure a role (aws-actions/configure-aws-credentials) with s3:GetObject and s3:ListBucket`,
      { file: uri },
    );
  }
  const network = ['ECONNREFUSED', 'ENOTFOUND', 'ECONNRESET', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH'];
  const cause =
    [e.code, code].find((c) => c && network.includes(c)) ??
    /ECONNREFUSED|ENOTFOUND/.exec(e.message ?? '')?.[0];
  if (cause) {
    return new UserError(
      'input',
      `cannot reach the S3 endpoint ${where}: ${cause}. Check ${ENDPOINT_VARIABLES} (host and port) and that this machine can reach it`,
      { file: uri },
    );
  }
  return error;
}

// The SDK's timeout messages say which limit fired, in milliseconds.
function timeoutMessage(e: AwsError, where: string): string {
  const text = e.message ?? '';
  const ms = /(\d+) ?ms/.exec(text)?.[1];
  const within = ms ? ` within ${Number(ms) / 1000} s` : '';
  const attempts =
    e.$metadata?.attempts && e.$metadata.attempts > 1 ? ` (${e.$metadata.attempts} attempts)` : '';
  if (/establish a connection|connect ETIMEDOUT/.test(text)) {
    return `cannot connect to the S3 endpoint ${where}${within}${attempts}: check ${ENDPOINT_VARIABLES} (host and port) and that this machine can reach it (DNS, firewall, proxy, VPN)`;
  }
  return `the S3 endpoint ${where} accepted the connection but sent nothing${within}${attempts}: check that ${ENDPOINT_VARIABLES} is the S3 API of a running server, not another service on that port, and that the server is not overloaded`;
}
