import { formatCount } from './describe.js';
import type { DataStream } from '../data/types.js';
import { timestampText } from './chunk-value.js';
import { ColumnProfile } from './column-profile.js';

/**
 * A starter checks file inferred from the data in one pass: the columns, their types, missing
 * values, keys, ranges, categories and the row count, with freshness as a commented-out suggestion.
 * The data it came from passes it, and keeps passing while unchanged; it is meant to be read,
 * tightened and committed.
 */
export async function inferChecks(stream: DataStream, options: { now?: Date } = {}): Promise<string> {
  const names = stream.schema.names;
  const profiles = names.map(() => new ColumnProfile());
  let rows = 0;
  for await (const batch of stream.batches()) {
    rows += batch.length;
    batch.columns.forEach((chunk, c) => profiles[c]?.add(chunk));
  }
  const now = (options.now ?? new Date()).getTime();

  const out: string[] = [
    `# Checks inferred from ${formatCount(rows)} rows. Review them: tighten the bounds you know,`,
    '# drop what should be allowed to change, and set severity: warning where a failure should not block.',
    'checks:',
    '  # The columns the data had.',
    '  - check: columns-present',
    `    columns: [${names.map(scalar).join(', ')}]`,
    '  # Half to double the rows seen.',
    '  - check: row-count',
    `    min: ${Math.floor(rows / 2)}`,
    `    max: ${rows * 2}`,
  ];
  names.forEach((name, c) => {
    const p = profiles[c]!;
    const column = scalar(name);
    const type = p.type;
    if (p.present === 0) {
      out.push('', `  # ${column}: every value is missing; no checks inferred.`);
      return;
    }
    out.push('', `  # ${column}`);
    if (type !== undefined) out.push('  - check: column-type', `    column: ${column}`, `    type: ${type}`);
    out.push('  - check: not-null', `    column: ${column}`);
    if (p.nulls > 0) {
      // Rounded down, so the data seen passes.
      out.push(`    mostly: ${Math.floor((p.present / rows) * 100) / 100}`);
    }
    if (p.distinct && p.present > 1 && (type === 'integer' || type === 'string')) {
      out.push('  - check: unique', `    column: ${column}`);
    }
    if (
      (type === 'integer' || type === 'float') &&
      !p.hasNaN &&
      Number.isFinite(p.min) &&
      Number.isFinite(p.max)
    ) {
      out.push(
        '  - check: between',
        `    column: ${column}`,
        `    min: ${number(p.min)}`,
        `    max: ${number(p.max)}`,
      );
    }
    if (type === 'string' && p.categories && !p.distinct) {
      const values = [...p.categories].sort();
      out.push(
        '  - check: allowed-values',
        `    column: ${column}`,
        `    values: [${values.map(scalar).join(', ')}]`,
      );
    }
    if (type === 'timestamp' && Number.isFinite(p.max)) {
      // Left commented out: a window fitted to the data's current age fails within days on the
      // committed, unchanged file, and how often new data arrives cannot be read from one file.
      out.push(
        `  # The newest value was ${timestampText(p.max)} (${age(now - p.max)} before this file was written).`,
        '  # To require fresh data, uncomment this and set max-age to how often new data arrives,',
        '  # plus some slack (90m, 36h, 7d, 1w, 1d12h):',
        '  # - check: freshness',
        `  #   column: ${column}`,
        '  #   max-age: 7d',
      );
    }
  });
  return `${out.join('\n')}\n`;
}

/** `3 days`, `5 hours`, `under an hour`: how old the newest value was. */
function age(ms: number): string {
  const hours = Math.floor(ms / 3_600_000);
  if (hours < 1) return 'under an hour';
  if (hours < 48) return `${hours} hour${hours === 1 ? '' : 's'}`;
  return `${formatCount(Math.floor(hours / 24))} days`;
}

/** A YAML scalar: plain when unambiguous, else a JSON (double-quoted) string. */
function scalar(value: string): string {
  const plain =
    /^[A-Za-z_][A-Za-z0-9_./-]*$/.test(value) && !/^(true|false|yes|no|on|off|null|y|n)$/i.test(value);
  return plain ? value : JSON.stringify(value);
}

/** Numbers round-trip through JavaScript's shortest representation, which YAML reads back exactly. */
function number(value: number): string {
  return Object.is(value, -0) ? '0' : String(value);
}
