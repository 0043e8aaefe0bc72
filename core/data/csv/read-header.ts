import { UserError } from '../../errors.js';
import { checkTextFormat } from '../check-text-format.js';
import type { ByteBuffer } from '../chunks/byte-buffer.js';
import type { CsvTokenizer } from './csv-tokenizer.js';
import { RecordBlock } from './record-block.js';
import { unquoteField } from './unquote-field.js';

const MAX_COLUMNS = 1 << 16;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Reads the header row (after a UTF-8 byte-order mark, if any) and checks its names. */
export async function readHeader(buffer: ByteBuffer, tokenizer: CsvTokenizer, file: string, quote: number) {
  await buffer.fill();
  checkTextFormat(buffer.bytes, buffer.end, file, 'CSV');
  if (buffer.end >= 3 && buffer.bytes[0] === 0xef && buffer.bytes[1] === 0xbb && buffer.bytes[2] === 0xbf)
    buffer.pos = 3;
  const block = new RecordBlock(file, MAX_COLUMNS, 1);
  for (;;) {
    const { pos, status } = tokenizer.tokenize(block, buffer.bytes, buffer.pos, buffer.end, buffer.eof);
    buffer.pos = pos;
    if (status === 'full') break;
    if (status === 'done')
      throw new UserError('data', 'the file is empty: expected a header row naming the columns', { file });
    await buffer.fill();
  }
  const count = tokenizer.lastRecordFields;
  if (count > MAX_COLUMNS)
    throw new UserError('data', `the header has ${count} columns; at most ${MAX_COLUMNS} are supported`, {
      file,
      line: 1,
    });
  const names: string[] = [];
  for (let f = 0; f < count; f++) {
    const start = block.fieldStart[f]!;
    const end = block.fieldEnd[f]!;
    const bytes = block.fieldQuoted[f]
      ? unquoteField(block.bytes, start, end, quote)
      : block.bytes.subarray(start, end);
    try {
      names.push(utf8.decode(bytes).trim());
    } catch {
      throw new UserError('data', 'invalid UTF-8 in the header: save the file as UTF-8', {
        file,
        line: block.lines[0]!,
        field: `column ${f + 1}`,
      });
    }
  }
  checkNames(names, file, block.lines[0]!);
  return names;
}

function checkNames(names: string[], file: string, line: number) {
  const seen = new Map<string, number>();
  names.forEach((name, i) => {
    if (name === '') {
      throw new UserError('data', `column ${i + 1} of the header has no name: every column needs one`, {
        file,
        line,
        field: `column ${i + 1}`,
      });
    }
    const first = seen.get(name);
    if (first !== undefined) {
      throw new UserError(
        'data',
        `columns ${first + 1} and ${i + 1} are both named "${name}": column names must be unique`,
        {
          file,
          line,
          field: name,
        },
      );
    }
    seen.set(name, i);
  });
}
