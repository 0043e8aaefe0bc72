import type {
  EnvironmentPlan,
  EnvironmentResult,
  PromotionOutcome,
  PromotionPlan,
} from '../../promotion/promotion-outcome.js';

/** `modelship promote --dry-run`: per environment, every target's before → after, then the diffs. */
export function renderPlanText(plan: PromotionPlan): string {
  const parts = plan.environments.map((env) => {
    const head = `${env.message.headline}\n  ${plan.opsRepository}, branch ${env.branch} at ${env.commit.slice(0, 7)}${env.mode === 'pull-request' ? ' (by pull request)' : ''}\n`;
    const diffs = env.files.filter((f) => f.changed).map((f) => f.diff);
    const tail = env.nothingToChange
      ? `  nothing to change: ${env.environment} already runs ${env.model} ${env.version}\n`
      : `\n${diffs.join('')}`;
    return `${head}${targetLines(env)}${tail}`;
  });
  return `${parts.join('\n')}\n(dry run: nothing written)\n`;
}

/** `modelship promote`: what was done per environment, with the commit or the pull request. */
export function renderPromotionText(outcome: PromotionOutcome): string {
  return outcome.environments
    .map(
      (result) =>
        `${result.plan.message.headline}\n${targetLines(result.plan)}${resultLine(result, outcome.opsRepository)}\n`,
    )
    .join('\n');
}

function targetLines(env: EnvironmentPlan): string {
  const where = env.targets.map((t) => `${t.file}:${t.line}`);
  const width = Math.max(0, ...where.map((w) => w.length));
  return env.targets
    .map((t, i) => {
      const arrow = t.before === t.after ? `${t.after} (unchanged)` : `${t.before} → ${t.after}`;
      return `  ${where[i]!.padEnd(width)}  ${t.target}: ${arrow}\n`;
    })
    .join('');
}

function resultLine(result: EnvironmentResult, repository: string): string {
  switch (result.status) {
    case 'unchanged':
      return `✓ nothing to change: ${result.environment} already runs ${result.plan.model} ${result.plan.version}`;
    case 'committed':
      return `✓ committed ${result.commit.slice(0, 7)} to ${result.plan.branch} of ${repository}${result.url ? `: ${result.url}` : ''}${retries(result.attempts)}`;
    case 'pull-request': {
      const pr = result.pullRequest;
      const what =
        pr.number === undefined
          ? `branch ${pr.branch} ${pr.changed ? 'set to' : 'already at'} ${pr.commit.slice(0, 7)} in ${repository}: push it and open a pull request into ${result.plan.branch}`
          : `pull request #${pr.number} ${pr.created ? 'opened' : pr.changed ? 'updated' : 'already up to date'}: ${pr.url}`;
      return `✓ ${what}${retries(result.attempts)}`;
    }
    case 'refused':
      return `✗ refused: ${result.reason}`;
  }
}

function retries(attempts: number): string {
  return attempts > 1 ? ` (after ${attempts - 1} lost race${attempts > 2 ? 's' : ''})` : '';
}
