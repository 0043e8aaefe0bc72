import type { ColumnChunk, ColumnType } from '../data/types.js';
import { KeySet } from './key-set.js';
import { NumberSet } from './number-set.js';

/** Distinct text values remembered for allowed-values suggestions; one more means "too many". */
export const MAX_CATEGORIES = 20;

/** What inferring checks needs to know about one column, gathered batch by batch. */
export class ColumnProfile {
  /** Every chunk type seen in batches that had values. */
  readonly types = new Set<ColumnType>();
  nulls = 0;
  present = 0;
  min = Infinity;
  max = -Infinity;
  hasNaN = false;
  /** Distinct texts, until there are more than MAX_CATEGORIES. */
  categories: Set<string> | undefined = new Set();
  distinct = true;
  private readonly numbers = new NumberSet();
  private readonly texts = new KeySet();
  private units = new Uint16Array(64);

  add(chunk: ColumnChunk): void {
    const n = chunk.valid.length;
    this.nulls += chunk.nullCount;
    this.present += n - chunk.nullCount;
    if (chunk.nullCount === n) return;
    this.types.add(chunk.type);
    const valid = chunk.valid;
    if (chunk.type === 'string') {
      for (let i = 0; i < n; i++) {
        if (valid[i] !== 1) continue;
        const text = chunk.dictionary[chunk.codes[i]!]!;
        if (this.categories && !this.categories.has(text)) {
          this.categories.add(text);
          if (this.categories.size > MAX_CATEGORIES) this.categories = undefined;
        }
        if (this.distinct && this.texts.add(this.encode(text), text.length) !== 0) this.distinct = false;
      }
      return;
    }
    const values = chunk.values;
    for (let i = 0; i < n; i++) {
      if (valid[i] !== 1) continue;
      const v = values[i]!;
      if (v !== v) this.hasNaN = true;
      else {
        if (v < this.min) this.min = v;
        if (v > this.max) this.max = v;
      }
      if (this.distinct && this.numbers.add(v) !== 0) this.distinct = false;
    }
  }

  /** The single type of the column, or undefined when its batches disagree (or it has no values). */
  get type(): ColumnType | undefined {
    if (this.types.size === 1) return [...this.types][0];
    if (this.types.size === 2 && this.types.has('integer') && this.types.has('float')) return 'float';
    return undefined;
  }

  private encode(text: string): Uint16Array {
    if (text.length > this.units.length) this.units = new Uint16Array(text.length * 2);
    for (let j = 0; j < text.length; j++) this.units[j] = text.charCodeAt(j);
    return this.units;
  }
}
