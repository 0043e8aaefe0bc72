import type { Environment } from '../config/environments-config-schema.js';
import type { RegistryEvent, VersionStatus } from '../registry/registry-types.js';
import type { VersionRecord } from '../registry/version-record-schema.js';
import { formatSoak, parseSoak } from './parse-soak.js';
import type { PolicyRefusal } from './policy-refusal.js';
import { type StagePeriod, stageTimeline } from './stage-timeline.js';

export type PreconditionCode =
  | 'version-not-registered'
  | 'version-deregistered'
  | 'version-deprecated'
  | 'gate-missing'
  | 'gate-failed'
  | 'digest-unknown'
  | 'digest-mismatch'
  | 'order-not-run'
  | 'soak-not-running'
  | 'soak-too-short'
  | 'soak-invalid'
  | 'soak-without-after'
  | 'locked'
  | 'lock-unreadable';

export type PreconditionFailure = PolicyRefusal<PreconditionCode>;

/**
 * An environment's lock as the caller read it — the shape of the locks port's `read()`, so its
 * answer passes straight through. A promotion's write lock (`sticky: false`) is not checked here:
 * the write-lock claim itself arbitrates between promotions.
 */
export type PreconditionLock =
  | { state: 'free' }
  | {
      state: 'locked';
      lock: {
        owner: { login: string; pullRequest?: number };
        reason?: string;
        sticky: boolean;
        createdAt: string;
      };
    }
  | { state: 'unreadable'; detail: string };

export interface PreconditionInput {
  /** The version as the registry resolved it; undefined when it is not registered. */
  version:
    | { model: string; version: string; status: VersionStatus; record?: VersionRecord }
    | { model: string; version: string; status: 'not-registered' };
  environment: { name: string; settings: Environment };
  /** The model's registry events (stage assignments and unassignments), in the registry's order. */
  history: readonly RegistryEvent[];
  /** ISO 8601: when the command arrived (later stage events do not count). */
  now: string;
  /**
   * The artifact's sha256 as the registry records it and as the ops side or the re-check observes
   * it; absent: not checked at this step.
   */
  digest?: { recorded?: string; observed?: string };
  lock?: PreconditionLock;
  /** Who asks (a lock held by this login is theirs). */
  requester: string;
  isRollback: boolean;
}

/**
 * Everything that must hold before a version may go to an environment, each failure with a code
 * and a sentence. All are reported at once, so one reply lists everything to fix.
 * A rollback skips order, soak and gate (it is the way back at 3 a.m.) but never the version's
 * state, its digest, or a lock.
 */
export function checkPreconditions(input: PreconditionInput): PreconditionFailure[] {
  const failures: PreconditionFailure[] = [];
  const { version, environment } = input;
  const label = `${version.model} ${version.version}`;
  if (version.status === 'not-registered')
    failures.push(fail('version-not-registered', `${label} is not registered.`));
  else if (version.status === 'deregistered')
    failures.push(fail('version-deregistered', `${label} was deregistered.`));
  else if (version.status === 'deprecated')
    failures.push(fail('version-deprecated', `${version.model} is deprecated.`));

  const record = version.status === 'not-registered' ? undefined : version.record;
  if (!input.isRollback && environment.settings['require-gate'] && version.status !== 'not-registered')
    failures.push(...checkGate(label, record, environment.name));
  if (input.digest) failures.push(...checkDigest(input.digest));
  if (!input.isRollback) failures.push(...checkOrder(input));
  failures.push(...checkLock(input.lock, input.requester, environment.name));
  return failures;
}

function checkGate(
  label: string,
  record: VersionRecord | undefined,
  environment: string,
): PreconditionFailure[] {
  const allow = `(require-gate: false on ${environment} allows versions without a passed gate)`;
  if (!record?.gate)
    return [fail('gate-missing', `${label} has no gate result in its registry record ${allow}.`)];
  if (record.gate.verdict === 'passed') return [];
  const failed = record.gate.rules.filter((r) => !r.passed).map((r) => r.metric);
  const which =
    failed.length > 0 ? ` (failed: ${failed.slice(0, 5).join(', ')}${failed.length > 5 ? ', …' : ''})` : '';
  return [fail('gate-failed', `${label} did not pass its gate${which} ${allow}.`)];
}

function checkDigest(digest: { recorded?: string; observed?: string }): PreconditionFailure[] {
  if (digest.recorded === undefined)
    return [fail('digest-unknown', "The registry's record names no artifact digest to check against.")];
  if (digest.observed === undefined || digest.observed === digest.recorded) return [];
  return [
    fail(
      'digest-mismatch',
      `The artifact's digest (sha256:${digest.observed.slice(0, 12)}…) does not match the registry's record (sha256:${digest.recorded.slice(0, 12)}…).`,
    ),
  ];
}

/**
 * `after: staging`: the version must have held the staging stage at some time up to now. With
 * `soak: 24h` as well, it must hold staging now and have held it without a break for at least 24 h
 * (the break being another version holding it, or nobody): a version unassigned and assigned again
 * starts its soak again.
 */
function checkOrder(input: PreconditionInput): PreconditionFailure[] {
  const { after, soak } = input.environment.settings;
  const { model, version } = input.version;
  const label = `${model} ${version}`;
  const env = input.environment.name;
  if (after === undefined)
    return soak === undefined
      ? []
      : [fail('soak-without-after', `${env} sets soak: ${soak} but no after: environment to soak in.`)];
  const periods = stageTimeline(input.history, after, { model, until: input.now });
  if (soak === undefined) {
    if (periods.some((p) => p.version === version)) return [];
    return [fail('order-not-run', `${label} must run in ${after} before ${env}; it has not.`)];
  }
  const soakMs = parseSoak(soak);
  if (soakMs === undefined)
    return [fail('soak-invalid', `${env}'s soak "${soak}" is not a duration such as 24h.`)];
  const since = currentRunStart(periods, version);
  if (since === undefined) {
    const ran = periods.some((p) => p.version === version);
    return [
      fail(
        ran ? 'soak-not-running' : 'order-not-run',
        ran
          ? `${label} must run in ${after} for ${soak} before ${env}, and it no longer runs there.`
          : `${label} must run in ${after} for ${soak} before ${env}; it has not run there.`,
      ),
    ];
  }
  const elapsed = Date.parse(input.now) - Date.parse(since);
  if (elapsed >= soakMs) return [];
  return [
    fail(
      'soak-too-short',
      `${label} must run in ${after} for ${soak} before ${env}; it has run there for ${formatSoak(Math.max(0, elapsed))} (since ${since}), ${formatSoak(soakMs - elapsed)} to go.`,
    ),
  ];
}

/** When the version's current, unbroken hold of the stage began; undefined if it does not hold it. */
function currentRunStart(periods: readonly StagePeriod[], version: string): string | undefined {
  const last = periods.at(-1);
  return last?.version === version ? last.at : undefined;
}

function checkLock(
  state: PreconditionLock | undefined,
  requester: string,
  environment: string,
): PreconditionFailure[] {
  if (!state || state.state === 'free') return [];
  if (state.state === 'unreadable')
    return [
      fail(
        'lock-unreadable',
        `${environment} has a lock that cannot be read (${state.detail}); /unlock ${environment} --force clears it.`,
      ),
    ];
  const { lock } = state;
  if (!lock.sticky || lock.owner.login.toLowerCase() === requester.toLowerCase()) return [];
  const where = lock.owner.pullRequest !== undefined ? ` in #${lock.owner.pullRequest}` : '';
  const why = lock.reason ? `: ${lock.reason}` : '';
  return [
    fail('locked', `${environment} is locked by ${lock.owner.login}${where} since ${lock.createdAt}${why}.`),
  ];
}

function fail(code: PreconditionCode, message: string): PreconditionFailure {
  return { code, message };
}
