import { ColumnState } from '../infer/column-state.js';
import type { Batch, OpenOptions } from '../types.js';
import { csvDialect } from './csv-dialect.js';
import { decodeColumn, type DecodeContext } from './decode-column.js';
import type { CsvRecords } from './record-block.js';

/**
 * Turns the records of one CSV file into typed column batches, in order: it holds each column's
 * inferred type across batches (inference is sticky, see ColumnState), so one decoder sees every
 * batch of its file.
 */
export class CsvDecoder {
  private readonly states: ColumnState[];
  private readonly context: DecodeContext;

  constructor(file: string, names: readonly string[], options: OpenOptions) {
    const { quote, missing } = csvDialect(file, options.csv);
    const decoded = options.columns === undefined ? undefined : new Set(options.columns);
    this.states = names.map(
      (name) => new ColumnState(name, decoded === undefined || decoded.has(name), options.columnTypes),
    );
    this.context = { file, quote, missing };
  }

  decode(records: CsvRecords, rowOffset: number): Batch {
    const length = records.rows;
    return {
      source: this.context.file,
      rowOffset,
      length,
      lines: records.lines.slice(0, length),
      columns: this.states.map((state, col) => decodeColumn(records, col, state, this.context)),
    };
  }
}

/** Decodes the records of a whole dataset, file after file, as the rows of one stream. */
export class DatasetDecoder {
  private readonly decoders = new Map<string, CsvDecoder>();
  private rowOffset = 0;

  constructor(
    private readonly names: readonly string[],
    private readonly options: OpenOptions,
  ) {}

  decode(records: CsvRecords): Batch {
    let decoder = this.decoders.get(records.source);
    if (decoder === undefined) {
      decoder = new CsvDecoder(records.source, this.names, this.options);
      this.decoders.set(records.source, decoder);
    }
    const batch = decoder.decode(records, this.rowOffset);
    this.rowOffset += batch.length;
    return batch;
  }
}
