import { GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import picomatch from 'picomatch';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { UserError } from '../../core/errors.js';
import type { DataFile, FileResolver } from '../../core/ports.js';
import { createS3Client, type S3ClientOptions } from './s3-client.js';
import { s3Error } from './s3-errors.js';
import { parseS3Uri, s3Uri } from './s3-uri.js';

/** `s3://bucket/key`, `s3://bucket/prefix/` (every object under it) and globs (`s3://bucket/data/*.csv`). */
export class S3FileResolver implements FileResolver {
  private readonly client: S3Client;

  constructor(
    private readonly options: S3ClientOptions & { pageSize?: number } = {},
    client?: S3Client,
  ) {
    this.client = client ?? createS3Client(options);
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
    return {
      name: uri,
      size,
      inWorkspace: false,
      stream: async function* () {
        const body = (await get()).Body as Readable;
        yield* key.endsWith('.gz') ? body.pipe(createGunzip()) : body;
      },
      read: async (start, end) => {
        if (end <= start) return new Uint8Array(0);
        const body = (await get(`bytes=${start}-${end - 1}`)).Body;
        return body ? new Uint8Array(await body.transformToByteArray()) : new Uint8Array(0);
      },
    };
  }

  private explain(error: unknown, uri: string): unknown {
    const endpoint = this.options.endpoint ?? process.env.AWS_ENDPOINT_URL_S3 ?? process.env.AWS_ENDPOINT_URL;
    return s3Error(
      error,
      uri,
      endpoint,
      this.options.credentials?.accessKeyId ?? process.env.AWS_ACCESS_KEY_ID,
    );
  }
}
