import { widenType, type ColumnType } from '../types.js';

/**
 * What a reader knows about one column across batches: its name, a type forced by the caller, and
 * the type inferred so far. Inference is sticky: once a column has widened (say to float), later
 * batches report the wider type, so consumers see a type change at most a few times.
 */
export class ColumnState {
  /** Inferred type so far; undefined until a batch has a non-missing value. */
  type: ColumnType | undefined;

  constructor(
    readonly name: string,
    readonly decode: boolean,
    readonly forced: ColumnType | undefined,
  ) {
    this.type = forced;
  }

  /** The type to report for a batch whose own values read as `batchType` (undefined: all missing). */
  settle(batchType: ColumnType | undefined): ColumnType {
    if (batchType !== undefined)
      this.type = this.type === undefined ? batchType : widenType(this.type, batchType);
    return this.type ?? 'string';
  }
}
