import { S3Client } from '@aws-sdk/client-s3';
import { refuseWebPages } from './s3-web-page-guard.js';

/** How long the client waits, in milliseconds, before it gives up on an attempt. */
export interface S3Timeouts {
  /** To open the TCP (and TLS) connection. Default 10 s. */
  connectMs?: number;
  /** From sending a request to the response's headers. Default 30 s. */
  responseMs?: number;
  /**
   * Of silence on the socket, also while a body streams: a multi-gigabyte GET may take as long as
   * it needs while bytes keep arriving, but a stalled one fails. Default 30 s.
   */
  idleMs?: number;
}

const DEFAULT_S3_TIMEOUTS: Required<S3Timeouts> = { connectMs: 10_000, responseMs: 30_000, idleMs: 30_000 };
const DEFAULT_S3_ATTEMPTS = 3;

export interface S3ClientOptions {
  /**
   * An S3-compatible endpoint (MinIO, Swift, R2…), already checked (see s3EndpointFromEnv);
   * default: AWS itself.
   */
  endpoint?: string;
  region?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string };
  timeouts?: S3Timeouts;
  /** Attempts per request, the first included (default 3), with the SDK's standard backoff. */
  maxAttempts?: number;
}

/**
 * The one S3 client factory: the AWS SDK's default credential chain (environment, profile, web
 * identity for GitHub OIDC, instance roles) and its standard retry mode with bounded attempts.
 * Custom endpoints use path-style addressing, which every S3-compatible store understands, and
 * checksums only when required — Swift and MinIO refuse or mangle the SDK's aws-chunked uploads.
 * Every attempt has a connect, a response and an idle timeout: without them an endpoint that
 * accepts the connection and never answers holds the run forever.
 */
export function createS3Client(options: S3ClientOptions = {}): S3Client {
  const { endpoint } = options;
  const timeouts = { ...DEFAULT_S3_TIMEOUTS, ...options.timeouts };
  const client = new S3Client({
    region: options.region ?? 'us-east-1',
    ...(endpoint ? { endpoint, forcePathStyle: true } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    retryMode: 'standard',
    maxAttempts: options.maxAttempts ?? DEFAULT_S3_ATTEMPTS,
    requestHandler: {
      connectionTimeout: timeouts.connectMs,
      // Until the response's headers; without throwOnRequestTimeout the SDK only logs a warning.
      requestTimeout: timeouts.responseMs,
      throwOnRequestTimeout: true,
      socketTimeout: timeouts.idleMs,
    },
  });
  refuseWebPages(client);
  return client;
}
