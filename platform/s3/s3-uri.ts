import { UserError } from '../../core/errors.js';

export interface S3Location {
  bucket: string;
  key: string;
}

/** `s3://bucket/key` → bucket and key (the key may be empty, a prefix ending in `/`, or a glob). */
export function parseS3Uri(uri: string): S3Location {
  const match = /^s3:\/\/([^/]+)\/?(.*)$/.exec(uri);
  if (!match || !/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(match[1]!)) {
    throw new UserError(
      'usage',
      'not a valid S3 location: expected s3://bucket/key, s3://bucket/prefix/ or s3://bucket/path/*.csv',
      {
        file: uri,
      },
    );
  }
  return { bucket: match[1]!, key: match[2]! };
}

export const s3Uri = (bucket: string, key: string) => `s3://${bucket}/${key}`;
