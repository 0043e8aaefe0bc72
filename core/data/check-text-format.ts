import { UserError } from '../errors.js';

const PARQUET_MAGIC = [0x50, 0x41, 0x52, 0x31]; // "PAR1"
const GZIP_MAGIC = [0x1f, 0x8b];

const startsWith = (bytes: Uint8Array, end: number, magic: number[]) =>
  end >= magic.length && magic.every((b, i) => bytes[i] === b);

/**
 * Refuses a file read as text (CSV, JSON Lines) whose first bytes say it is binary: a Parquet file
 * named `.csv`, or gzip data whose name lacks `.gz` (decompression follows the name). Without this the
 * text reader fails later with a misleading "invalid UTF-8 in the header".
 */
export function checkTextFormat(bytes: Uint8Array, end: number, file: string, format: string): void {
  if (startsWith(bytes, end, PARQUET_MAGIC)) {
    throw new UserError(
      'data',
      `this is a Parquet file (it starts with "PAR1"), not ${format}: set the format to parquet (--format parquet) or name it .parquet`,
      { file, field: 'format' },
    );
  }
  if (startsWith(bytes, end, GZIP_MAGIC)) {
    const problem = /\.gz$/i.test(file)
      ? 'is still gzip-compressed after decompressing it (compressed twice?): decompress it once more'
      : 'is gzip-compressed but its name does not end in .gz: add .gz to its name so it is decompressed';
    throw new UserError('data', `the file ${problem}`, { file });
  }
}
