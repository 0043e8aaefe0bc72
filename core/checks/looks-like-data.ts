import { isScalar, isSeq, parseDocument } from 'yaml';

const DATA_EXTENSION = /\.(csv|tsv|parquet|jsonl|ndjson)(\.gz)?$|\.gz$/i;

/**
 * Why a checks file that did not load looks like data instead (the data and checks arguments were
 * swapped), or undefined when it does not: the raw schema message, "expected object, received
 * string", would not tell the user what went wrong. Only asked once the file has failed to load, so
 * a real checks file is never second-guessed.
 */
export function looksLikeData(text: string, file: string): string | undefined {
  const extension = DATA_EXTENSION.exec(file)?.[0];
  if (extension) return `it has a data file's extension (${extension})`;
  if (text.startsWith('PAR1')) return 'it is a Parquet file';
  if (text.charCodeAt(0) === 0x1f && text.charCodeAt(1) === 0x8b) return 'it is a gzip file';
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  const first = lines[0]?.trim() ?? '';
  if (lines.length > 1 && lines.slice(0, 3).every(isJsonObject))
    return 'its lines are JSON objects, like JSON Lines data';
  const root = parseDocument(text).contents;
  if (isScalar(root) && /[,\t;|]/.test(first))
    return `its first line ${JSON.stringify(shorten(first))} reads like a CSV header`;
  if (isScalar(root)) return 'it holds plain text, not a mapping with a "checks:" list';
  if (isSeq(root) && root.items.every((item) => isScalar(item)))
    return 'it holds a list of plain values, not a mapping with a "checks:" list';
  return undefined;
}

function isJsonObject(line: string): boolean {
  if (!line.trim().startsWith('{')) return false;
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
