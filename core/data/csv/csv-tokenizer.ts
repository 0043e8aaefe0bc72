import { UserError } from '../../errors.js';
import type { RecordBlock } from './record-block.js';

const LF = 10;
const CR = 13;

export type TokenizeStatus = 'full' | 'need-more' | 'done';

/**
 * Finds RFC 4180 records in a byte buffer: quoted fields with `""` escapes and embedded newlines,
 * CRLF, LF or CR line ends, blank lines skipped (as pandas does). It remembers the physical line so
 * every record knows the line it starts on. A record cut off by the end of the buffer is left for the
 * next call, once more bytes have arrived.
 */
export class CsvTokenizer {
  /** 1-based physical line of the next byte to read. */
  line = 1;
  /** Fields in the last record read (how the header row tells the width of the file). */
  lastRecordFields = 0;

  constructor(
    private readonly file: string,
    private readonly delimiter: number,
    private readonly quote: number,
    /** Column names; empty while reading the header row itself, which sets the width. */
    public header: readonly string[] = [],
  ) {
    this.stops[delimiter] = 1;
    this.stops[LF] = 1;
    this.stops[CR] = 1;
  }

  /** Bytes that end an unquoted field: one table lookup per byte instead of three comparisons. */
  private readonly stops = new Uint8Array(256);

  /**
   * Appends records from `bytes[pos, end)` to `block` until it is full or the complete records run out.
   * Returns where reading stopped and why. `eof` says no bytes follow `end`.
   */
  tokenize(block: RecordBlock, bytes: Uint8Array, pos: number, end: number, eof: boolean) {
    block.bytes = bytes;
    const { delimiter, quote, stops } = this;
    const perRecord = block.fieldsPerRecord;
    const capacity = block.capacity;
    const starts = block.fieldStart;
    const ends = block.fieldEnd;
    const quoted = block.fieldQuoted;
    // A delimiter just past the data stops every unquoted-field scan, so the scan needs no bounds
    // check; bytes below `fastAbove` are the only ones that can stop it (most bytes are above it).
    const sentinel = end < bytes.length;
    if (sentinel) bytes[end] = delimiter;
    const fastAbove = Math.max(delimiter, LF, CR);
    while (!block.full) {
      // Skip blank lines.
      while (pos < end && (bytes[pos] === LF || bytes[pos] === CR)) {
        if (bytes[pos] === CR && pos + 1 === end && !eof) return { pos, status: 'need-more' as const };
        if (bytes[pos] === LF || bytes[pos + 1] !== LF) this.line++;
        pos++;
      }
      if (pos === end) return { pos, status: eof ? ('done' as const) : ('need-more' as const) };

      const recordPos = pos;
      const recordLine = this.line;
      // Column-major: field c of this record sits at c * capacity + row.
      let field = block.rows;
      let count = 0;
      let i = pos;
      for (;;) {
        let fieldStart = i;
        let fieldEnd: number;
        let needsUnquote = 0;
        if (i < end && bytes[i] === quote) {
          // Quoted field: runs to a quote not followed by another quote.
          const quoteLine = this.line;
          let j = i + 1;
          let escaped = false;
          for (;;) {
            while (j < end && bytes[j] !== quote) {
              if (bytes[j] === LF || (bytes[j] === CR && bytes[j + 1] !== LF)) this.line++;
              j++;
            }
            if (j + 1 >= end && !eof) return this.rewind(recordPos, recordLine);
            if (j >= end) {
              throw new UserError(
                'data',
                `unterminated quoted field: the quote opened here is never closed (is a quote missing, or should it be escaped as "")`,
                { file: this.file, line: quoteLine, field: this.header[count] ?? `field ${count + 1}` },
              );
            }
            if (bytes[j + 1] === quote) {
              escaped = true;
              j += 2;
              continue;
            }
            break;
          }
          // j is the closing quote; anything up to the delimiter after it is kept as text (lenient like pandas).
          let k = j + 1;
          while (k < end && bytes[k] !== delimiter && bytes[k] !== LF && bytes[k] !== CR) k++;
          if (escaped || k !== j + 1) {
            needsUnquote = 1;
            fieldEnd = k;
          } else {
            fieldStart = i + 1;
            fieldEnd = j;
          }
          i = k;
        } else if (sentinel) {
          let b = bytes[i]!;
          while (b > fastAbove || (b !== delimiter && b !== LF && b !== CR)) b = bytes[++i]!;
          fieldEnd = i;
        } else {
          while (i < end && stops[bytes[i]!] === 0) i++;
          fieldEnd = i;
        }
        if (i === end && !eof) return this.rewind(recordPos, recordLine);
        if (count < perRecord) {
          starts[field] = fieldStart;
          ends[field] = fieldEnd;
          quoted[field] = needsUnquote;
          field += capacity;
        }
        count++;
        if (i < end && bytes[i] === delimiter) {
          i++;
          continue;
        }
        // End of record: a line end or the end of the data.
        if (i < end) {
          if (bytes[i] === CR && i + 1 === end && !eof) return this.rewind(recordPos, recordLine);
          i += bytes[i] === CR && bytes[i + 1] === LF ? 2 : 1;
          this.line++;
        }
        break;
      }
      this.lastRecordFields = count;
      if (count !== perRecord && this.header.length > 0) this.ragged(count, perRecord, recordLine);
      if (block.rows === 0) block.start = recordPos;
      block.lines[block.rows] = recordLine;
      block.rows++;
      block.end = pos = i;
    }
    return { pos, status: 'full' as const };
  }

  private rewind(recordPos: number, recordLine: number) {
    this.line = recordLine;
    return { pos: recordPos, status: 'need-more' as const };
  }

  private ragged(found: number, expected: number, line: number): never {
    const hint =
      found > expected
        ? 'an unquoted delimiter inside a value? Quote that value'
        : 'a missing delimiter, or a value cut short?';
    throw new UserError(
      'data',
      `expected ${expected} field${expected === 1 ? '' : 's'} (as in the header) but found ${found} — ${hint}`,
      { file: this.file, line },
    );
  }
}
