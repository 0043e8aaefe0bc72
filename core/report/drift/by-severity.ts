import type { ColumnDrift } from '../../drift/drift-result.js';

const STATUS_ORDER = ['tested', 'empty', 'missing-in-current', 'missing-in-reference', 'skipped'];

/** Drifted columns first (most severe first), then the rest tested, then untested ones; stable by name. */
export function bySeverity(columns: readonly ColumnDrift[]): ColumnDrift[] {
  return [...columns].sort(
    (a, b) =>
      Number(b.drift) - Number(a.drift) ||
      b.severity - a.severity ||
      STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) ||
      (a.column < b.column ? -1 : a.column > b.column ? 1 : 0),
  );
}
