import type { ColumnChunk } from '../data/types.js';
import { UserError } from '../errors.js';
import { Growable } from './growable.js';

/** A slice: one group per value of a categorical column, or numeric bins `[edge, next edge)`, the last closed. */
export type SliceSpec = string | { column: string; bins: readonly number[] };

export interface SliceGroup {
  /** The value (`"DE"`), or the bin (`[18, 65)`), or `(missing)` / `(outside the bins)`. */
  value: string;
  /** Indices of the group's rows among the evaluated rows. */
  rows: Int32Array;
}

export const MISSING_GROUP = '(missing)';
export const OUTSIDE_GROUP = '(outside the bins)';

/** Groups the evaluated rows by a slice column, batch by batch, one Int32 code per row. */
export class SliceGroups {
  readonly column: string;
  private readonly bins: readonly number[] | undefined;
  private readonly codes = new Growable((n) => new Int32Array(n));
  private readonly values: string[] = [];
  private readonly index = new Map<string, number>();

  constructor(spec: SliceSpec) {
    this.column = typeof spec === 'string' ? spec : spec.column;
    this.bins = typeof spec === 'string' ? undefined : spec.bins;
  }

  /** `rows` rows of `chunk`, at `kept` (all when undefined). */
  add(chunk: ColumnChunk, kept: Int32Array | undefined, rows: number, file: string): void {
    if (this.bins && chunk.type === 'string')
      throw new UserError('config', `the slice column "${this.column}" holds text; bins need numbers`, {
        file,
        field: this.column,
      });
    const out = this.codes.reserve(rows);
    const start = this.codes.length;
    for (let r = 0; r < rows; r++) {
      const i = kept ? kept[r]! : r;
      out[start + r] = this.code(this.valueOf(chunk, i));
    }
    this.codes.length += rows;
  }

  /** Each row's group, as an index into `values` (the layout fairnessMetrics reads). */
  assignments(): { codes: Int32Array; values: string[] } {
    return { codes: this.codes.finish(), values: [...this.values] };
  }

  groups(): SliceGroup[] {
    const codes = this.codes.finish();
    const counts = new Int32Array(this.values.length);
    for (const c of codes) counts[c]!++;
    const rows = this.values.map((_, g) => new Int32Array(counts[g]!));
    const filled = new Int32Array(this.values.length);
    codes.forEach((c, i) => (rows[c]![filled[c]!++] = i));
    const order = this.values
      .map((_, g) => g)
      .sort((a, b) => this.order(a) - this.order(b) || (this.values[a]! < this.values[b]! ? -1 : 1));
    return order.map((g) => ({ value: this.values[g]!, rows: rows[g]! }));
  }

  private valueOf(chunk: ColumnChunk, i: number): string {
    if (chunk.valid[i] === 0) return MISSING_GROUP;
    if (chunk.type === 'string') return chunk.dictionary[chunk.codes[i]!]!;
    const v = chunk.values[i]!;
    if (!this.bins) return chunk.type === 'boolean' ? String(v === 1) : String(v);
    if (Number.isNaN(v)) return MISSING_GROUP;
    const edges = this.bins;
    const last = edges.length - 1;
    if (v < edges[0]! || v > edges[last]!) return OUTSIDE_GROUP;
    let bin = 0;
    while (bin < last - 1 && v >= edges[bin + 1]!) bin++;
    return `[${edges[bin]}, ${edges[bin + 1]}${bin === last - 1 ? ']' : ')'}`;
  }

  private code(value: string): number {
    let code = this.index.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(value);
      this.index.set(value, code);
    }
    return code;
  }

  /** Bins in edge order, then values, then the missing and outside groups last. */
  private order(g: number): number {
    const value = this.values[g]!;
    if (value === MISSING_GROUP || value === OUTSIDE_GROUP) return Number.MAX_SAFE_INTEGER;
    if (!this.bins) return 0;
    return Number(value.slice(1, value.indexOf(',')));
  }
}
