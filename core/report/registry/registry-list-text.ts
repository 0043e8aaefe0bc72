import type { RegistryListOutcome } from './registry-outcomes.js';
import { textTable } from './text-table.js';

/** `modelship registry list`: one row per model, a column per stage (GTO's `gto show`). */
export function renderRegistryList(outcome: RegistryListOutcome): string {
  if (outcome.models.length === 0) return 'No models in the registry (no tag NAME@vX.Y.Z).\n';
  const stages = [...new Set(outcome.models.flatMap((m) => Object.keys(m.stages)))].sort();
  const rows = outcome.models.map((m) => [
    m.model,
    m.deprecated ? 'deprecated' : (m.latest ?? '-'),
    m.active === m.registered ? String(m.registered) : `${m.active}/${m.registered}`,
    ...stages.map((s) => m.stages[s] ?? '-'),
  ]);
  return `${textTable(['model', 'latest', 'versions', ...stages.map((s) => `#${s}`)], rows).join('\n')}\n`;
}
