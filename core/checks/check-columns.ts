import type { Check } from './check-schema.js';

/** The columns a check names, in the order it names them (empty for row-count). */
export function checkColumns(check: Check): string[] {
  if ('columns' in check && check.columns !== undefined) return check.columns;
  if ('column' in check && check.column !== undefined) return [check.column];
  return [];
}
