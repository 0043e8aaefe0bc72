import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { UserError } from '../../core/errors.js';

/**
 * The decompressed chunks of a `.gz` file. zlib's errors name no file and surfaced as an
 * "unexpected error"; they are the file's fault (cut short by an interrupted copy, or not gzip at
 * all), so they become UserErrors naming it. `pipeline` also passes on the source's own errors,
 * which `.pipe()` drops (leaving the reader waiting forever).
 */
export async function* gunzipChunks(
  source: Readable,
  file: string,
  chunkSize?: number,
): AsyncGenerator<Uint8Array> {
  const gunzip = createGunzip(chunkSize === undefined ? {} : { chunkSize });
  // Errors reach the loop below through `gunzip`; the callback only keeps them from going unhandled.
  pipeline(source, gunzip, () => {});
  try {
    for await (const chunk of gunzip) yield chunk as Uint8Array;
  } catch (error) {
    throw gzipProblem(error, file) ?? error;
  }
}

function gzipProblem(error: unknown, file: string): UserError | undefined {
  const code = (error as { code?: unknown }).code;
  const detail = error instanceof Error ? error.message : String(error);
  if (code === 'Z_BUF_ERROR')
    return new UserError(
      'data',
      `the gzip data ends too early (${detail}): the file looks truncated — copy or compress it again`,
      { file },
    );
  if (typeof code === 'string' && code.startsWith('Z_'))
    return new UserError(
      'data',
      `the file is not valid gzip data (${detail}): it looks corrupt, or is not compressed though its name ends in .gz`,
      { file },
    );
  return undefined;
}
