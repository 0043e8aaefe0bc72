import { widenType, type ColumnType } from '../types.js';

/**
 * What a reader knows about one column across batches: its name, a type forced by the caller, and
 * the type inferred so far. Inference is sticky: once a column has widened (say to float), later
 * batches report the wider type, so consumers see a type change at most a few times.
 */
export class ColumnState {
  /** Inferred type so far; undefined until a batch has a non-missing value. */
  type: ColumnType | undefined;
  /** The type the caller forced on this column, if any. */
  readonly forced: ColumnType | undefined;

  constructor(
    readonly name: string,
    readonly decode: boolean,
    columnTypes: Readonly<Record<string, ColumnType>> | undefined,
  ) {
    // An own-property lookup: a column named `constructor` or `toString` must not find
    // Object.prototype's member (which then reached a worker thread's postMessage and crashed).
    this.forced =
      columnTypes !== undefined && Object.hasOwn(columnTypes, name) ? columnTypes[name] : undefined;
    this.type = this.forced;
  }

  /** The type to report for a batch whose own values read as `batchType` (undefined: all missing). */
  settle(batchType: ColumnType | undefined): ColumnType {
    if (batchType !== undefined)
      this.type = this.type === undefined ? batchType : widenType(this.type, batchType);
    return this.type ?? 'string';
  }
}
