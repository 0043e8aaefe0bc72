import type { Batch, ColumnChunk } from '../data/types.js';
import type { CheckExample } from './validation-report.js';

/** What every kind of check does with the stream: see each batch once, then judge. */
export interface CheckAccumulator {
  /** Feeds one batch; `chunks[k]` holds the check's k-th column in it. */
  add(batch: Batch, chunks: readonly ColumnChunk[]): void;
  finish(context: FinishContext): CheckOutcome | NotApplicable;
}

export interface FinishContext {
  rows: number;
  /** The data's header. */
  names: readonly string[];
  /** Milliseconds since the epoch that count as "now" (freshness). */
  now: number;
}

export interface CheckOutcome {
  success: boolean;
  observed: unknown;
  unexpectedCount: number;
  unexpectedPercent: number;
  examples: CheckExample[];
  message: string;
}

/** The check cannot judge this column at all (a mean of text): a mistake in the checks file. */
export interface NotApplicable {
  notApplicable: { field: string; message: string };
}

export function isNotApplicable(result: CheckOutcome | NotApplicable): result is NotApplicable {
  return 'notApplicable' in result;
}

/** The first failing values, located; later ones are only counted. */
export class ExampleList {
  readonly items: CheckExample[] = [];
  constructor(private readonly max: number) {}

  get full(): boolean {
    return this.items.length >= this.max;
  }

  add(batch: Batch, i: number, value: unknown): void {
    if (this.items.length >= this.max) return;
    this.items.push({ row: batch.rowOffset + i + 1, line: batch.lines[i]!, source: batch.source, value });
  }
}
