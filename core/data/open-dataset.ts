import { UserError } from '../errors.js';
import type { DataFile } from '../ports.js';
import { readCsv } from './csv/read-csv.js';
import { readJsonl } from './jsonl/read-jsonl.js';
import type { Batch, DataFormat, DataStream, FileReader, OpenOptions } from './types.js';

/** One reader per format; Parquet's (with its decompressors) loads only when a Parquet file is read. */
const readers: Record<DataFormat, () => Promise<FileReader>> = {
  csv: async () => readCsv,
  jsonl: async () => readJsonl,
  parquet: async () => (await import('./parquet/read-parquet.js')).readParquet,
};

const EXTENSIONS: [RegExp, DataFormat][] = [
  [/\.(csv|tsv|txt)(\.gz)?$/i, 'csv'],
  [/\.(jsonl|ndjson)(\.gz)?$/i, 'jsonl'],
  [/\.parquet$/i, 'parquet'],
];

/** The format of a file: the option when given, else its extension. */
export function formatOf(file: string, format?: DataFormat): DataFormat {
  if (format !== undefined) return format;
  const match = EXTENSIONS.find(([pattern]) => pattern.test(file));
  if (match) return match[1];
  throw new UserError(
    'usage',
    'cannot tell the data format from the file name: use a .csv, .tsv, .jsonl, .ndjson or .parquet extension (optionally .gz), or set the format (csv, jsonl or parquet)',
    { file, field: 'format' },
  );
}

/**
 * Streams several files as one dataset: rows continue across files, each batch names its file, and
 * every file must have the same columns in the same order as the first.
 */
export async function openDataset(
  files: readonly DataFile[],
  options: OpenOptions = {},
): Promise<DataStream> {
  if (files.length === 0) throw new UserError('not-found', 'no data files to read');
  const streams: DataStream[] = [];
  for (const file of files) {
    const reader = await readers[formatOf(file.name, options.format)]();
    const stream = await reader(file, options);
    if (streams.length > 0)
      sameColumns(files[0]!.name, streams[0]!.schema.names, file.name, stream.schema.names);
    streams.push(stream);
  }
  if (streams.length === 1) return streams[0]!;
  const dataset: DataStream = {
    schema: streams[0]!.schema,
    async *batches(): AsyncIterable<Batch> {
      let rowOffset = 0;
      for (const stream of streams) {
        for await (const batch of stream.batches()) {
          yield { ...batch, rowOffset };
          rowOffset += batch.length;
        }
      }
    },
  };
  // Records name their file, so a DatasetDecoder keeps each file's inferred types apart.
  if (streams.every((stream) => stream.records)) {
    dataset.records = async function* (spares) {
      for (const stream of streams) yield* stream.records!(spares);
    };
  }
  return dataset;
}

function sameColumns(firstFile: string, first: string[], file: string, names: string[]) {
  const at = first.findIndex((name, i) => names[i] !== name);
  if (at === -1 && first.length === names.length) return;
  const position = at === -1 ? first.length : at;
  const theirs = names[position] === undefined ? 'nothing' : `"${names[position]}"`;
  const ours = first[position] === undefined ? 'nothing' : `"${first[position]}"`;
  throw new UserError(
    'data',
    `the files of one dataset must have the same columns: column ${position + 1} is ${theirs} here but ${ours} in ${firstFile}`,
    { file, line: 1 },
  );
}
