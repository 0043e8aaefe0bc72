import { UserError } from '../../errors.js';
import { ByteBuffer } from '../infer/byte-buffer.js';
import { ColumnState } from '../infer/column-state.js';
import type { Batch, DataStream, FileReader, OpenOptions } from '../types.js';
import { csvDialect } from './csv-dialect.js';
import { CsvTokenizer } from './csv-tokenizer.js';
import { decodeColumn, type DecodeContext } from './decode-column.js';
import { readHeader } from './read-header.js';
import { RecordBlock } from './record-block.js';

const DEFAULT_BATCH_ROWS = 65_536;

/**
 * Streams a CSV file (RFC 4180) as typed column batches. Bytes are scanned once for record and field
 * boundaries, then each column is decoded from those offsets, so memory is bounded by the batch.
 */
export const readCsv: FileReader = async (file, options) => {
  const first = await openCsv(file.name, file.stream(), options);
  let used = false;
  return {
    schema: { names: first.names },
    batches() {
      // The first pass reuses the header already read; any later pass reads the file again.
      const pass = used ? openCsv(file.name, file.stream(), options) : Promise.resolve(first);
      used = true;
      return { [Symbol.asyncIterator]: () => streamBatches(pass) };
    },
  } satisfies DataStream;
};

interface OpenCsv {
  names: string[];
  buffer: ByteBuffer;
  tokenizer: CsvTokenizer;
  block: RecordBlock;
  states: ColumnState[];
  context: DecodeContext;
}

async function openCsv(
  fileName: string,
  source: AsyncIterable<Uint8Array>,
  options: OpenOptions,
): Promise<OpenCsv> {
  const dialect = csvDialect(fileName, options.csv);
  const buffer = new ByteBuffer(source);
  const tokenizer = new CsvTokenizer(fileName, dialect.delimiter, dialect.quote);
  const names = await readHeader(buffer, tokenizer, fileName, dialect.quote);
  tokenizer.header = names;
  const decoded = options.columns === undefined ? undefined : new Set(options.columns);
  const states = names.map(
    (name) => new ColumnState(name, decoded === undefined || decoded.has(name), options.columnTypes?.[name]),
  );
  const block = new RecordBlock(names.length, options.batchRows ?? DEFAULT_BATCH_ROWS);
  const open = {
    names,
    buffer,
    tokenizer,
    block,
    states,
    context: { file: fileName, quote: dialect.quote, missing: dialect.missing },
  };
  // Read up to the first data record now, so a header-only file fails when opened.
  await nextRecords(open);
  if (block.rows === 0) {
    throw new UserError('data', 'the file has a header but no data rows', {
      file: fileName,
      line: tokenizer.line,
    });
  }
  return open;
}

/** Fills the block with the records the buffer holds (reading more when it holds none); false at the end. */
async function nextRecords({ buffer, tokenizer, block }: OpenCsv): Promise<boolean> {
  for (;;) {
    const { pos, status } = tokenizer.tokenize(block, buffer.bytes, buffer.pos, buffer.end, buffer.eof);
    buffer.pos = pos;
    if (status === 'full' || block.rows > 0) return true;
    if (status === 'done') return false;
    await buffer.fill();
  }
}

async function* streamBatches(pass: Promise<OpenCsv>): AsyncGenerator<Batch> {
  const open = await pass;
  const { block, states, context } = open;
  let rowOffset = 0;
  try {
    do {
      const length = block.rows;
      const columns = states.map((state, col) => decodeColumn(block, col, state, context));
      yield { source: context.file, rowOffset, length, lines: block.lines.slice(0, length), columns };
      rowOffset += length;
      block.rows = 0;
    } while (await nextRecords(open));
  } finally {
    await open.buffer.close();
  }
}
