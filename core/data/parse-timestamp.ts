// ISO 8601 date or date-time; a missing offset means UTC (as the data readers read naive times).
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/**
 * Milliseconds since the Unix epoch of an ISO 8601 timestamp (`2024-05-01`, `2024-05-01T12:30:00Z`,
 * `2024-05-01 12:30:00.250+02:00`), or undefined when the text is not one. `Date.parse` alone would
 * read a naive date-time in the machine's local zone, which makes results depend on the runner.
 */
export function parseTimestamp(text: string): number | undefined {
  const m = ISO.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '', zone] = m;
  const offset = zone === undefined || zone.toUpperCase() === 'Z' ? 'Z' : normalizeOffset(zone);
  const ms = Date.parse(
    `${y}-${mo}-${d}T${h}:${mi}:${s}${frac.slice(0, 4).padEnd(frac ? 4 : 0, '0')}${offset}`,
  );
  if (Number.isNaN(ms)) return undefined;
  // Date.parse rolls 2024-02-30 over to March; a real calendar date round-trips.
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (date.getUTCDate() !== Number(d) || date.getUTCMonth() !== Number(mo) - 1) return undefined;
  return ms;
}

function normalizeOffset(zone: string): string {
  const digits = zone.slice(1).replace(':', '');
  return `${zone[0]}${digits.slice(0, 2)}:${digits.slice(2, 4) || '00'}`;
}
