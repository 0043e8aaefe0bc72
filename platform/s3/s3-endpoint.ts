import { UserError } from '../../core/errors.js';
import { httpUrl } from '../http-url.js';

const VARIABLES = ['AWS_ENDPOINT_URL_S3', 'AWS_ENDPOINT_URL'] as const;

/**
 * The S3-compatible endpoint the environment asks for (AWS_ENDPOINT_URL_S3, else AWS_ENDPOINT_URL,
 * as the AWS SDK and CLI read them), or undefined for AWS itself. The value is checked here because
 * the SDK turns `localhost:9000` (no scheme) or `http//x` into an "unexpected error" naming neither
 * the variable nor its value.
 */
export function s3EndpointFromEnv(env: {
  AWS_ENDPOINT_URL_S3?: string | undefined;
  AWS_ENDPOINT_URL?: string | undefined;
}): string | undefined {
  const name = VARIABLES.find((v) => env[v]?.trim());
  if (!name) return undefined;
  const value = env[name]!.trim();
  if (!httpUrl(value)) {
    const hint = /^[\w.-]+:\d+(\/[^/].*)?$/.test(value) ? ` (did you mean http://${value} ?)` : '';
    throw new UserError(
      'config',
      `${name} is not an endpoint URL: "${value}"${hint}. Expected http://host:port or https://host, e.g. http://localhost:9000 for MinIO`,
    );
  }
  return value;
}
