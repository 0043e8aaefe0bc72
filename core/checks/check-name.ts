import type { Check } from './check-schema.js';
import { checkColumns } from './check-columns.js';

const SHOWN_COLUMNS = 3;

/** The readable default name of a check: `not-null(age)`, `unique(station_id, observed_at)`, `row-count`. */
export function defaultCheckName(check: Check): string {
  const columns = checkColumns(check);
  if (columns.length === 0) return check.check;
  const shown = columns.slice(0, SHOWN_COLUMNS).join(', ');
  const more = columns.length > SHOWN_COLUMNS ? `, … +${columns.length - SHOWN_COLUMNS}` : '';
  return `${check.check}(${shown}${more})`;
}
