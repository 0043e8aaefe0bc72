import type { StatusOutcome } from '../../promotion/promotion-outcome.js';

/** `modelship status`: one line per environment, and every target where they disagree. */
export function renderStatusText(status: StatusOutcome): string {
  if (status.environments.length === 0)
    return `${status.model}: no environment of ${status.opsRepository} has a target for it\n`;
  const width = Math.max(...status.environments.map((e) => e.environment.length));
  const lines = [`${status.model} in ${status.opsRepository}`];
  for (const env of status.environments) {
    const runs = env.disagreement ? 'targets disagree' : (env.version ?? 'no registered version');
    lines.push(`  ${env.environment.padEnd(width)}  ${runs}  (${env.branch} at ${env.commit.slice(0, 7)})`);
    if (env.disagreement || env.version === undefined)
      for (const t of env.targets)
        lines.push(
          `    ${t.file}:${t.line} ${t.target}: ${t.version ?? `${t.value} (no registered version)`}`,
        );
  }
  return `${lines.join('\n')}\n`;
}
