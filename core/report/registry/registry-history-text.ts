import type { RegistryHistoryOutcome } from './registry-outcomes.js';
import { shortTime, textTable } from './text-table.js';

/** `modelship registry history`: newest event first — when, what, which version and stage, who, the tag. */
export function renderRegistryHistory(outcome: RegistryHistoryOutcome): string {
  const rows = outcome.events.map((e) => [
    shortTime(e.at),
    e.action,
    e.version ?? '-',
    e.stage ?? '-',
    e.by || '-',
    e.tag,
  ]);
  return `${textTable(['time (UTC)', 'event', 'version', 'stage', 'by', 'tag'], rows).join('\n')}\n`;
}
