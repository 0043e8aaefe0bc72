import type { ColumnChunk } from '../data/types.js';
import { UserError } from '../errors.js';

/**
 * Turns a label column's values into indices of the model's classes. "1" and 1.0 are the same
 * class (a CSV of integers against a model of int64 labels); a value that is no class at all is a
 * user error naming its row, which is how a model trained on encoded labels (0, 1) meets a holdout
 * of strings ("no", "yes") — or the reverse.
 */
export function labelCoder(classes: readonly string[], column: string) {
  const index = new Map<string, number>();
  classes.forEach((c, i) => {
    if (!index.has(c)) index.set(c, i);
    const n = numeric(c);
    if (n !== undefined && !index.has(`#${n}`)) index.set(`#${n}`, i);
  });
  const find = (value: string | number): number | undefined => {
    if (typeof value === 'number') return index.get(`#${value}`);
    const exact = index.get(value);
    if (exact !== undefined) return exact;
    const n = numeric(value);
    return n === undefined ? undefined : index.get(`#${n}`);
  };
  // A label column holds few distinct values: each is looked up once (no string built per row).
  const byNumber = new Map<number, number | undefined>();
  const byText = new Map<string, number | undefined>();
  const cached = (value: string | number): number | undefined => {
    const cache = (typeof value === 'number' ? byNumber : byText) as Map<string | number, number | undefined>;
    if (cache.has(value)) return cache.get(value);
    const found = find(value);
    cache.set(value, found);
    return found;
  };
  return {
    /** The class index of row `i`; throws naming the row when the value is no class of the model. */
    code(chunk: ColumnChunk, i: number, where: { file: string; line: number }): number {
      const value = chunk.type === 'string' ? chunk.dictionary[chunk.codes[i]!]! : chunk.values[i]!;
      const found = cached(value);
      if (found !== undefined) return found;
      const textual = classes.every((c) => numeric(c) === undefined);
      const hint =
        typeof value === 'string' && numeric(value) === undefined && !textual
          ? ' The column holds text and the model predicts numbers: was it trained on encoded labels?'
          : typeof value === 'number' && textual
            ? ' The column holds numbers and the model predicts text labels: encode the holdout the way the training data was.'
            : '';
      throw new UserError(
        'data',
        `the label ${JSON.stringify(value)} is not one of the model's classes (${classes.join(', ')}).${hint}`,
        { file: where.file, line: where.line, field: column },
      );
    },
  };
}

function numeric(text: string): number | undefined {
  if (text.trim() === '') return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}
