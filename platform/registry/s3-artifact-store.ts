import { HeadObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { createReadStream } from 'node:fs';
import { UserError } from '../../core/errors.js';
import type { ArtifactRecord } from '../../core/registry/version-record-schema.js';
import type { ArtifactStore, LocalArtifact } from '../../jobs/register/register-ports.js';
import { s3Error } from '../s3/s3-errors.js';
import { parseS3Uri, s3Uri } from '../s3/s3-uri.js';

export interface S3ArtifactStoreOptions {
  /** `s3://bucket/prefix`. */
  location: string;
  /** The one S3 client (platform/s3/s3-client.ts: timeouts, bounded retries). */
  client: S3Client;
  /** For error messages. */
  endpoint?: string;
  accessKeyId?: string;
}

/**
 * Artifacts in S3 under a content-addressed key, `<prefix>/<model>/<sha256>/<file>`. The key holds no
 * version: artifacts are stored before the version is claimed (the tag message carries their URIs and
 * digests), and the same file registered again lands on the same key and is not sent twice. The
 * upload carries its sha256 as the SigV4 payload hash (`x-amz-content-sha256`), so the store refuses
 * bytes that do not match what was hashed here; the sha256 is also kept in the object's metadata,
 * which is how an existing object is recognised. On a versioned bucket the version id is recorded,
 * and fetch asks for exactly that version.
 */
export function s3ArtifactStore(options: S3ArtifactStoreOptions): ArtifactStore {
  const { bucket, key: rawPrefix } = parseS3Uri(options.location);
  const prefix = rawPrefix.replace(/^\/+|\/+$/g, '');
  const { client } = options;
  const fail = (error: unknown, uri: string) => s3Error(error, uri, options.endpoint, options.accessKeyId);

  return {
    location: s3Uri(bucket, prefix),
    async put(model: string, file: LocalArtifact): Promise<ArtifactRecord> {
      const key = [prefix, model, file.sha256, file.name].filter((p) => p !== '').join('/');
      const uri = s3Uri(bucket, key);
      const record = (versionId: string | undefined): ArtifactRecord => ({
        name: file.name,
        uri,
        sha256: file.sha256,
        size: file.size,
        ...(versionId ? { versionId } : {}),
      });
      const existing = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key })).then(
        (head) => head,
        (error: unknown) => {
          const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
          if (e.name === 'NotFound' || e.name === 'NoSuchKey' || e.$metadata?.httpStatusCode === 404)
            return undefined;
          throw fail(error, uri);
        },
      );
      if (existing) {
        if (existing.Metadata?.sha256 === file.sha256 && existing.ContentLength === file.size)
          return record(existing.VersionId);
        throw new UserError(
          'input',
          `${uri} already holds an object that is not this file (its sha256 metadata is ${existing.Metadata?.sha256 ?? 'missing'}, size ${existing.ContentLength}; this file: ${file.sha256}, ${file.size} bytes): registered artifacts are never replaced. Remove the object if it is not one Modelship wrote`,
          { file: file.path },
        );
      }
      const put = new PutObjectCommand({
        Bucket: bucket,
        Key: key,
        Body: createReadStream(file.path),
        ContentLength: file.size,
        ContentType: 'application/octet-stream',
        Metadata: { sha256: file.sha256 },
      });
      // The signer takes the payload hash from this header when present instead of reading the body.
      put.middlewareStack.add(
        (next) => (args) => {
          const request = args.request as { headers?: Record<string, string> };
          if (request.headers) request.headers['x-amz-content-sha256'] = file.sha256;
          return next(args);
        },
        { step: 'build', name: 'modelshipPayloadSha256' },
      );
      try {
        const answer = await client.send(put);
        return record(answer.VersionId);
      } catch (error) {
        throw fail(error, uri);
      }
    },
  };
}
