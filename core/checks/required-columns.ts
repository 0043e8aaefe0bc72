import type { ColumnType } from '../data/types.js';
import type { Check } from './check-schema.js';
import { checkColumns } from './check-columns.js';
import { kindOf } from './create-accumulator.js';
import type { LoadedChecks } from './load-checks.js';

/** The columns whose values some check reads (first mention first), for `ReadOptions.columns`. */
export function requiredColumns(checks: LoadedChecks): string[] {
  const columns = new Set<string>();
  for (const { check } of checks.checks) {
    if (kindOf(check).header) continue;
    for (const column of checkColumns(check)) columns.add(column);
  }
  return [...columns];
}

/** The columns a check reads the values of (none for header checks and row-count). */
export function valueColumns(check: Check): string[] {
  return kindOf(check).header ? [] : checkColumns(check);
}

/**
 * Types the reader must force, for `ReadOptions.columnTypes`: checks on text (regex, string-length,
 * allowed-values of strings) need the text as written, so `"01234"` is not read as 1234. The
 * object has no prototype: read it with `types[name]` or `Object.hasOwn`, never `in`.
 */
export function requiredColumnTypes(checks: LoadedChecks): Record<string, ColumnType> {
  // No prototype: a column named `__proto__` is then an ordinary key (and `constructor` no inherited one).
  const types = Object.create(null) as Record<string, ColumnType>;
  for (const { check } of checks.checks) {
    if (kindOf(check).forcesText?.(check) && 'column' in check && check.column !== undefined)
      types[check.column] = 'string';
  }
  return types;
}
