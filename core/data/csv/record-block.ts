/**
 * Found-but-not-decoded CSV records: field boundaries as offsets into `bytes`, where offset `base`
 * is `bytes[0]`. Offsets are column-major (field c of record r at c * capacity + r): decoding a column
 * then reads memory sequentially instead of striding across every record, a cache miss per value.
 * A plain shape, so records can move to another thread and be decoded there (see CsvDecoder).
 */
export interface CsvRecords {
  /** The file the records come from. */
  source: string;
  rows: number;
  capacity: number;
  bytes: Uint8Array;
  base: number;
  fieldStart: Int32Array;
  fieldEnd: Int32Array;
  /** 1 when the field is quoted with escapes (or text after the closing quote): unquote before use. */
  fieldQuoted: Uint8Array;
  /** The physical line each record starts on. */
  lines: Float64Array;
}

/**
 * Where the tokenizer puts up to `capacity` records, reused batch after batch, so nothing is
 * allocated per field; `bytes` is the reader's window, valid until it refills.
 */
export class RecordBlock implements CsvRecords {
  fieldStart: Int32Array;
  fieldEnd: Int32Array;
  fieldQuoted: Uint8Array;
  lines: Float64Array;
  bytes: Uint8Array = new Uint8Array(0);
  readonly base = 0;
  rows = 0;
  /** Records before the block counts as full: the first block can be kept small (see read-csv). */
  limit: number;
  /** The bytes the records span: from the first record's start to the last one's end. */
  start = 0;
  end = 0;

  constructor(
    readonly source: string,
    readonly fieldsPerRecord: number,
    readonly capacity: number,
  ) {
    this.fieldStart = new Int32Array(fieldsPerRecord * capacity);
    this.fieldEnd = new Int32Array(fieldsPerRecord * capacity);
    this.fieldQuoted = new Uint8Array(fieldsPerRecord * capacity);
    this.lines = new Float64Array(capacity);
    this.limit = capacity;
  }

  get full(): boolean {
    return this.rows >= this.limit;
  }

  /**
   * The records as a shape of their own, for another thread: a copy of the bytes they span, and the
   * offset arrays themselves. The block takes the arrays of `spare` (records already decoded and sent
   * back) when given, else new ones: reusing them spares allocating and first touching ~10 MB a batch.
   */
  detach(spare?: CsvRecords): CsvRecords {
    const size = this.end - this.start;
    const bytes =
      spare !== undefined && spare.bytes.buffer.byteLength >= size
        ? new Uint8Array(spare.bytes.buffer, 0, size)
        : new Uint8Array(new ArrayBuffer(Math.ceil(size * 1.25)), 0, size);
    bytes.set(this.bytes.subarray(this.start, this.end));
    const records: CsvRecords = {
      source: this.source,
      rows: this.rows,
      capacity: this.capacity,
      bytes,
      base: this.start,
      fieldStart: this.fieldStart,
      fieldEnd: this.fieldEnd,
      fieldQuoted: this.fieldQuoted,
      lines: this.lines,
    };
    const fits =
      spare !== undefined &&
      spare.capacity === this.capacity &&
      spare.fieldStart.length === this.fieldStart.length;
    const length = this.fieldsPerRecord * this.capacity;
    this.fieldStart = fits ? spare.fieldStart : new Int32Array(length);
    this.fieldEnd = fits ? spare.fieldEnd : new Int32Array(length);
    this.fieldQuoted = fits ? spare.fieldQuoted : new Uint8Array(length);
    this.lines = fits ? spare.lines : new Float64Array(this.capacity);
    this.rows = 0;
    return records;
  }
}

/** The memory of records, moved rather than copied when posted to another thread. */
export function recordsTransferables(records: CsvRecords): ArrayBuffer[] {
  return [records.bytes, records.fieldStart, records.fieldEnd, records.fieldQuoted, records.lines].map(
    (array) => array.buffer as ArrayBuffer,
  );
}
