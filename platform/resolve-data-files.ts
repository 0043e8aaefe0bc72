import type { DataFile } from '../core/ports.js';
import type { Place } from './data/dataset-worker-protocol.js';
import { LocalFileResolver } from './files/local-file-resolver.js';

/** Files of a data location: `s3://bucket/key|prefix/|glob` from S3, anything else from the local disk. */
export async function resolveDataFiles(location: string, options: Place): Promise<DataFile[]> {
  if (location.startsWith('s3://')) {
    // Loaded on demand: the AWS SDK is large and most runs read local files.
    const { S3FileResolver } = await import('./s3/s3-file-resolver.js');
    return new S3FileResolver({ env: options.storage ?? {} }).resolve(location);
  }
  return new LocalFileResolver(options).resolve(location);
}
