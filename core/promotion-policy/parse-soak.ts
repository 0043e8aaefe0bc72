import { parseDuration } from '../checks/parse-duration.js';

const UNIT_MS: Readonly<Record<string, number>> = {
  w: 604_800_000,
  d: 86_400_000,
  h: 3_600_000,
  m: 60_000,
  s: 1_000,
};

/**
 * Milliseconds of an environment's `soak` (`24h`, `7d`, `1d12h`, and the config schema's `1.5h` or
 * `30 m`), or undefined when it is none of these.
 */
export function parseSoak(text: string): number | undefined {
  const compact = text.replace(/\s+/g, '');
  if (compact === '') return undefined;
  const whole = parseDuration(compact);
  if (whole !== undefined) return whole;
  const m = /^(\d+(?:\.\d+)?)([wdhms])$/.exec(compact);
  return m ? Math.round(Number(m[1]) * UNIT_MS[m[2]!]!) : undefined;
}

/** `1 d 2 h`, `36 min`: how long, for people. */
export function formatSoak(ms: number): string {
  if (ms < 60_000) return `${Math.floor(ms / 1000)} s`;
  const minutes = Math.floor(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  const parts = [days ? `${days} d` : '', hours ? `${hours} h` : '', rest && days === 0 ? `${rest} min` : ''];
  return parts.filter(Boolean).join(' ') || '0 min';
}
