import { GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import picomatch from 'picomatch';
import type { Readable } from 'node:stream';
import { UserError } from '../../core/errors.js';
import type { DataFile, FileResolver } from '../../core/ports.js';
import { createS3Client, type S3ClientOptions } from './s3-client.js';
import type { StorageEnvironment } from '../context/storage-environment.js';
import { gunzipChunks } from '../files/gunzip-chunks.js';
import { s3EndpointFromEnv } from './s3-endpoint.js';
import { s3Error } from './s3-errors.js';
import { parseS3Uri, s3Uri } from './s3-uri.js';

/** `s3://bucket/key`, `s3://bucket/prefix/` (every object under it) and globs (`s3://bucket/data/*.csv`). */
export class S3FileResolver implements FileResolver {
  private readonly client: S3Client;
  private readonly endpoint: string | undefined;

  private readonly accessKeyId: string | undefined;

  /** `env`: the store's variables from the entry's context (endpoint, region, which key is used). */
  constructor(
    private readonly options: S3ClientOptions & { pageSize?: number; env?: StorageEnvironment } = {},
    client?: S3Client,
  ) {
    const env = options.env ?? {};
    this.endpoint = options.endpoint ?? s3EndpointFromEnv(env);
    this.accessKeyId = options.credentials?.accessKeyId ?? env.AWS_ACCESS_KEY_ID;
    const region = options.region ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION;
    this.client =
      client ?? createS3Client({ ...options, endpoint: this.endpoint, ...(region ? { region } : {}) });
  }

  async resolve(location: string): Promise<DataFile[]> {
    const { bucket, key } = parseS3Uri(location);
    try {
      const wildcard = key.search(/[*?[{]/);
      if (wildcard === -1 && key !== '' && !key.endsWith('/')) {
        const head = await this.client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
        return [this.file(bucket, key, head.ContentLength ?? 0)];
      }
      const prefix = wildcard === -1 ? key : key.slice(0, wildcard);
      const matches = wildcard === -1 ? () => true : picomatch(key, { dot: true });
      const files: DataFile[] = [];
      let token: string | undefined;
      do {
        const page = await this.client.send(
          new ListObjectsV2Command({
            Bucket: bucket,
            Prefix: prefix,
            ContinuationToken: token,
            MaxKeys: this.options.pageSize,
          }),
        );
        for (const object of page.Contents ?? []) {
          if (object.Key && !object.Key.endsWith('/') && matches(object.Key))
            files.push(this.file(bucket, object.Key, object.Size ?? 0));
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
      if (files.length === 0) throw new UserError('not-found', 'no object matches', { file: location });
      return files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch (error) {
      throw this.explain(error, location);
    }
  }

  private file(bucket: string, key: string, size: number): DataFile {
    const uri = s3Uri(bucket, key);
    const get = async (range?: string) => {
      try {
        return await this.client.send(new GetObjectCommand({ Bucket: bucket, Key: key, Range: range }));
      } catch (error) {
        throw this.explain(error, uri);
      }
    };
    // A body can stall or break after its headers arrived (the idle timeout fires mid-stream):
    // that failure is explained like one of the request.
    const explain = (error: unknown) => this.explain(error, uri);
    return {
      name: uri,
      size,
      inWorkspace: false,
      stream: async function* () {
        const body = (await get()).Body as Readable;
        try {
          // gunzipChunks joins them with pipeline (pipe leaves the gunzip waiting forever when the
          // body fails) and names the file when the gzip data is truncated or corrupt.
          yield* key.endsWith('.gz') ? gunzipChunks(body, uri) : body;
        } catch (error) {
          throw explain(error);
        }
      },
      read: async (start, end) => {
        if (end <= start) return new Uint8Array(0);
        const body = (await get(`bytes=${start}-${end - 1}`)).Body;
        try {
          return body ? new Uint8Array(await body.transformToByteArray()) : new Uint8Array(0);
        } catch (error) {
          throw explain(error);
        }
      },
    };
  }

  private explain(error: unknown, uri: string): unknown {
    return s3Error(error, uri, this.endpoint, this.accessKeyId);
  }
}
