/**
 * Field boundaries of up to `capacity` CSV records, as offsets into one byte buffer. Columns are
 * decoded from it after the records are found, one column at a time, so nothing is allocated per field.
 * Offsets are column-major (field c of record r at c * capacity + r): decoding a column then reads
 * memory sequentially instead of striding across every record, which costs a cache miss per value.
 */
export class RecordBlock {
  readonly fieldStart: Int32Array;
  readonly fieldEnd: Int32Array;
  /** 1 when the field is quoted with escapes (or text after the closing quote): unquote before use. */
  readonly fieldQuoted: Uint8Array;
  readonly lines: Float64Array;
  bytes: Uint8Array = new Uint8Array(0);
  rows = 0;

  constructor(
    readonly fieldsPerRecord: number,
    readonly capacity: number,
  ) {
    this.fieldStart = new Int32Array(fieldsPerRecord * capacity);
    this.fieldEnd = new Int32Array(fieldsPerRecord * capacity);
    this.fieldQuoted = new Uint8Array(fieldsPerRecord * capacity);
    this.lines = new Float64Array(capacity);
  }

  get full(): boolean {
    return this.rows === this.capacity;
  }
}
