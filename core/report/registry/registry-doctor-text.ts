import type { RegistryDoctorOutcome } from './registry-outcomes.js';
import { formatCount } from '../../checks/describe.js';

/** `modelship registry doctor`: every problem, one per line, and whether releases were checked. */
export function renderRegistryDoctor(outcome: RegistryDoctorOutcome): string {
  const scope = `${formatCount(outcome.models)} model${outcome.models === 1 ? '' : 's'}, ${formatCount(outcome.versions)} version${outcome.versions === 1 ? '' : 's'}`;
  const head =
    outcome.problems.length === 0
      ? `✓ No problems (${scope}).`
      : `✗ ${formatCount(outcome.problems.length)} problem${outcome.problems.length === 1 ? '' : 's'} (${scope}):`;
  const lines = [head, ...outcome.problems.map((p) => `  - ${p.kind}: ${p.message}`)];
  lines.push(
    outcome.releases.checked
      ? `Releases checked: ${formatCount(outcome.releases.count)}.`
      : `Releases not checked: ${outcome.releases.reason}.`,
  );
  return `${lines.join('\n')}\n`;
}
