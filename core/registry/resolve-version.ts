import { UserError } from '../errors.js';
import type { ModelState, ModelVersion, RegistryState } from './registry-types.js';
import { compareSemver, parseSemver } from './semver.js';

const SPEC_FORMS =
  'v5 (highest active v5.*.*), v5.1 (v5.1.*), v5.1.2 or 5.1.2 (exactly), latest, or #prod (a stage)';

/**
 * A version as people and the app name it → the registered version, active only:
 *   `v5` → the highest active v5.*.*, `v5.1` → v5.1.*, `v5.1.2` / `5.1.2` exactly,
 *   `latest` → the highest active version, `#prod` → the version holding the stage.
 * "Highest" is SemVer precedence, prereleases included, as GTO's `latest`. A refusal says why: the
 * model or version does not exist (naming the nearest ones), was deregistered (when, by whom), or the
 * model is deprecated.
 */
export function resolveVersion(state: RegistryState, model: string, spec: string): ModelVersion {
  const m = state.models.get(model);
  if (!m) throw unknownModel(state, model);
  const text = spec.trim().replace(/^@/, '');
  if (m.deprecated) throw deprecatedModel(m);
  if (text === 'latest') {
    const latest = m.versions.find((v) => v.status === 'active');
    if (!latest) throw noActive(m, 'latest');
    return latest;
  }
  if (text.startsWith('#')) return stageHolder(m, text.slice(1));

  const exact = parseSemver(text);
  if (exact) {
    const version = text.startsWith('v') ? text : `v${text}`;
    const found = m.versions.find((v) => v.version === version);
    if (!found) throw notFound(m, version);
    if (found.status === 'deregistered') throw deregistered(m, found);
    return found;
  }
  const partial = /^v?(0|[1-9][0-9]*)(?:\.(0|[1-9][0-9]*))?$/.exec(text);
  if (!partial) {
    throw new UserError(
      'input',
      `${JSON.stringify(spec)} is not a version of ${model}: write ${SPEC_FORMS}`,
      {
        field: 'version',
      },
    );
  }
  const [, major, minor] = partial;
  const matches = m.versions.filter((v) => {
    const s = parseSemver(v.version)!;
    return s.major === major && (minor === undefined || s.minor === minor);
  });
  const active = matches.find((v) => v.status === 'active');
  if (active) return active;
  const label = `v${major}${minor === undefined ? '' : `.${minor}`}`;
  if (matches.length > 0) {
    const gone = matches.map((v) => deregisteredText(m, v)).join('; ');
    throw new UserError('input', `${model} has no active version matching ${label}: ${gone}`, {
      field: 'version',
    });
  }
  throw notFound(m, `${label}${minor === undefined ? '.x.x' : '.x'}`, `v${major}.${minor ?? '0'}.0`);
}

function stageHolder(m: ModelState, stage: string): ModelVersion {
  // Own keys only: `constructor` is a valid stage name.
  const holder = Object.hasOwn(m.stages, stage) ? m.stages[stage] : undefined;
  if (holder) return m.versions.find((v) => v.version === holder.version)!;
  const held = Object.keys(m.stages);
  throw new UserError(
    'not-found',
    `no version of ${m.name} is in stage ${stage}` +
      (held.length > 0
        ? `; stages in use: ${held.map((s) => `${s} (${m.stages[s]!.version})`).join(', ')}`
        : ''),
    { field: 'version' },
  );
}

function unknownModel(state: RegistryState, model: string): UserError {
  const names = [...state.models.keys()];
  const shown = names.slice(0, 20).join(', ') + (names.length > 20 ? `, … (${names.length} models)` : '');
  return new UserError(
    'not-found',
    `no model named ${model} in the registry` +
      (names.length > 0 ? `; models: ${shown}` : ' (it has no models yet)'),
    { field: 'model' },
  );
}

/** `2026-11-29 14:03 UTC` from a tagger date. */
export function formatEventDate(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time)
    ? iso || 'an unknown date'
    : `${new Date(time).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function deprecatedModel(m: ModelState): UserError {
  const event = m.events.findLast((e) => e.action === 'deprecate');
  const when = event ? ` on ${formatEventDate(event.at)}${event.by ? ` by ${event.by}` : ''}` : '';
  return new UserError(
    'input',
    `model ${m.name} is deprecated${when} (${event?.tag ?? ''}): none of its versions is in use`,
    {
      field: 'model',
    },
  );
}

function deregisteredText(m: ModelState, v: ModelVersion): string {
  const event = m.events.findLast((e) => e.action === 'deregister' && e.version === v.version);
  const when = event ? ` on ${formatEventDate(event.at)}${event.by ? ` by ${event.by}` : ''}` : '';
  return `${m.name} ${v.version} was deregistered${when}`;
}

function deregistered(m: ModelState, v: ModelVersion): UserError {
  return new UserError('input', `${deregisteredText(m, v)}${nearestActive(m, v.version)}`, {
    field: 'version',
  });
}

function noActive(m: ModelState, what: string): UserError {
  return new UserError(
    'not-found',
    m.versions.length === 0
      ? `${m.name} has no registered versions`
      : `${m.name} has no active version for ${what}: all ${m.versions.length} are deregistered`,
    { field: 'version' },
  );
}

function notFound(m: ModelState, version: string, near = version): UserError {
  if (m.versions.length === 0) return noActive(m, version);
  return new UserError(
    'not-found',
    `${m.name} has no version ${version}${nearestActive(m, near, 'nearest')}`,
    {
      field: 'version',
    },
  );
}

/** `; nearest active: v5.0.1, v5.1.0` — the active versions just below and above the one asked for. */
function nearestActive(m: ModelState, version: string, label = 'nearest active'): string {
  const active = m.versions.filter((v) => v.status === 'active');
  // Versions are highest first: the two closest on each side, then in ascending order.
  const below = active.filter((v) => compareSemver(v.version, version) < 0).slice(0, 2);
  const above = active.filter((v) => compareSemver(v.version, version) > 0).slice(-2);
  const near = [...above, ...below].reverse().map((v) => v.version);
  return near.length > 0 ? `; ${label}: ${near.join(', ')}` : '';
}
