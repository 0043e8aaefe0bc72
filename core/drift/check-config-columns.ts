import { closestName } from '../checks/closest-name.js';
import { UserError } from '../errors.js';
import type { DriftConfig } from '../config/drift-config-schema.js';

const SHOWN_NAMES = 12;

/**
 * Every column the drift settings name (`columns:` keys, `ignore:` entries) must exist in the
 * reference or the current data. A name in neither is a typo, and a silent one: the column it meant
 * is tested with the defaults (or not ignored) and nobody finds out. So it is a config error, with
 * the setting's path and the nearest real name.
 */
export function checkConfigColumns(
  reference: readonly string[],
  current: readonly string[],
  config: DriftConfig,
): void {
  const known = new Set([...reference, ...current]);
  const names = [...known];
  const problems: { field: string; message: string }[] = [];
  const unknown = (name: string, field: string) => {
    if (known.has(name)) return;
    const near = closestName(name, names);
    problems.push({
      field,
      message: `unknown column "${name}"${near ? ` (did you mean "${near}"?)` : ''}: neither the reference nor the current data has it`,
    });
  };
  for (const name of config.columns.keys()) unknown(name, `drift.columns.${name}`);
  config.ignore.forEach((name, i) => unknown(name, `drift.ignore[${i}]`));
  if (problems.length === 0) return;

  const shown =
    names.slice(0, SHOWN_NAMES).join(', ') +
    (names.length > SHOWN_NAMES ? `, … (${names.length} columns)` : '');
  const first = problems[0]!;
  const message =
    problems.length === 1
      ? `${first.message} — the data has: ${shown}`
      : `${problems.length} drift settings name columns the data does not have; the first: ${first.message} — the data has: ${shown}`;
  throw new UserError(
    'config',
    message,
    { field: first.field },
    problems.length === 1 ? [] : problems.map((p) => `${p.field}: ${p.message}`),
  );
}
