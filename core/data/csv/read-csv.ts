import { UserError } from '../../errors.js';
import { ByteBuffer } from '../chunks/byte-buffer.js';
import type { Batch, DataStream, FileReader, OpenOptions } from '../types.js';
import { csvDialect } from './csv-dialect.js';
import { CsvTokenizer } from './csv-tokenizer.js';
import { CsvDecoder } from './csv-decoder.js';
import { readHeader } from './read-header.js';
import { RecordBlock, type CsvRecords } from './record-block.js';

const DEFAULT_BATCH_ROWS = 65_536;
const FIRST_BATCH_ROWS = 4_096;

/**
 * Streams a CSV file (RFC 4180) as typed column batches. Bytes are scanned once for record and field
 * boundaries, then each column is decoded from those offsets, so memory is bounded by the batch. The
 * two steps can also run on two threads: `records()` yields found records, a CsvDecoder decodes them.
 */
export const readCsv: FileReader = async (file, options) => {
  const first = await openCsv(file.name, file.stream(), options);
  let used = false;
  // The first pass reuses the header already read; any later pass reads the file again.
  const pass = () => {
    const open = used ? openCsv(file.name, file.stream(), options) : Promise.resolve(first);
    used = true;
    return open;
  };
  return {
    schema: { names: first.names },
    batches: () => ({ [Symbol.asyncIterator]: () => decodedBatches(pass(), options) }),
    records: (spares = []) => ({ [Symbol.asyncIterator]: () => detachedRecords(pass(), spares) }),
  } satisfies DataStream;
};

interface OpenCsv {
  names: string[];
  buffer: ByteBuffer;
  tokenizer: CsvTokenizer;
  block: RecordBlock;
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
  const block = new RecordBlock(fileName, names.length, options.batchRows ?? DEFAULT_BATCH_ROWS);
  const open = { names, buffer, tokenizer, block };
  // Read up to the first data record now, so a header-only file fails when opened. A small first
  // batch starts whatever consumes the stream (another thread, often) sooner.
  block.limit = Math.min(block.capacity, FIRST_BATCH_ROWS);
  await nextRecords(open);
  block.limit = block.capacity;
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

/** The file's blocks of records, one per batch; each is only valid until the next is asked for. */
async function* recordBlocks(open: OpenCsv): AsyncGenerator<RecordBlock> {
  try {
    do {
      yield open.block;
      open.block.rows = 0;
    } while (await nextRecords(open));
  } finally {
    await open.buffer.close();
  }
}

async function* decodedBatches(pass: Promise<OpenCsv>, options: OpenOptions): AsyncGenerator<Batch> {
  const open = await pass;
  const decoder = new CsvDecoder(open.block.source, open.names, options);
  let rowOffset = 0;
  for await (const block of recordBlocks(open)) {
    yield decoder.decode(block, rowOffset);
    rowOffset += block.rows;
  }
}

async function* detachedRecords(pass: Promise<OpenCsv>, spares: CsvRecords[]): AsyncGenerator<CsvRecords> {
  for await (const block of recordBlocks(await pass)) yield block.detach(spares.pop());
}
