import { UserError } from '../../core/errors.js';

interface AwsError {
  name?: string;
  Code?: string;
  code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
}

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
  if (
    ['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'ECONNRESET', 'EAI_AGAIN'].includes(code) ||
    /ECONNREFUSED|ENOTFOUND/.test(e.message ?? '')
  ) {
    return new UserError(
      'input',
      `cannot reach the S3 endpoint ${endpoint ?? '(AWS default)'}: ${code || e.message}`,
      { file: uri },
    );
  }
  return error;
}
