import type { Environment } from '../../core/config/environments-config-schema.js';
import type { ModelState, ModelVersion } from '../../core/registry/registry-types.js';
import type { LockState } from './command-ports.js';
import { code, replies } from './command-replies.js';

const UNIT_MS: Record<string, number> = { s: 1e3, m: 60e3, h: 3600e3, d: 86400e3, w: 604800e3 };

/** `24h` → milliseconds (the config schema has already checked the form). */
export function durationMs(text: string): number {
  const [, amount, unit] = /^(\d+(?:\.\d+)?)\s*([smhdw])$/.exec(text.trim()) ?? [];
  return Number(amount) * (UNIT_MS[unit ?? 's'] ?? 1e3);
}

const hours = (ms: number) => `${(ms / 3600e3).toFixed(ms < 36e5 ? 2 : 1)} h`;

/**
 * The model-aware preconditions of one promotion, each refusal naming its rule: the gate passed
 * (from the registry's record; `require-gate: false` allows otherwise), the version has run in the
 * `after` environment for at least `soak`, and no one else holds the environment's sticky lock.
 * A rollback skips the gate, the order and the soak; never the lock (nor, elsewhere, permission).
 */
export function promotionRefusal(input: {
  kind: 'promote' | 'rollback';
  version: ModelVersion;
  model: ModelState;
  environment: string;
  settings: Environment;
  now: Date;
  lock?: LockState;
  actor: string;
  pullRequest: number;
}): string | undefined {
  const { version, settings, environment } = input;
  const lock = input.lock;
  if (lock && (lock === 'unreadable' || (lock.pullRequest !== input.pullRequest && lock.by !== input.actor)))
    return `${replies.lockText(environment, lock)}.`;
  if (input.kind === 'rollback') return undefined;
  if (settings['require-gate']) {
    const gate = version.record?.gate;
    if (!gate)
      return `${code(`${version.model}@${version.version}`)} has no gate result in its registry record, and ${environment} requires a passed gate (\`require-gate: false\` in the ops config allows otherwise).`;
    if (gate.verdict !== 'passed')
      return `${code(`${version.model}@${version.version}`)} failed its gate (${gate.rules.filter((r) => !r.passed).map((r) => r.metric).join(', ') || 'see its model card'}); ${environment} requires a passed gate.`;
  }
  if (settings.after) {
    const assigned = input.model.events
      .filter((e) => e.action === 'assign' && e.stage === settings.after && e.version === version.version)
      .map((e) => Date.parse(e.at))
      .sort((a, b) => b - a)[0];
    if (assigned === undefined)
      return `${code(version.version)} has not run in ${settings.after} yet; ${environment} takes only versions promoted to ${settings.after} first (\`after: ${settings.after}\`).`;
    if (settings.soak) {
      const needed = durationMs(settings.soak);
      const ran = input.now.getTime() - assigned;
      if (ran < needed)
        return `${code(version.version)} has run in ${settings.after} for ${hours(Math.max(0, ran))}; ${environment} needs ${settings.soak} there first (\`soak: ${settings.soak}\`), so not before ${new Date(assigned + needed).toISOString()}.`;
    }
  }
  return undefined;
}
