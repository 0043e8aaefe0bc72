import { isUserError } from '../errors.js';
import type {
  ModelState,
  ModelVersion,
  RegistryEvent,
  RegistryProblem,
  RegistryState,
  RegistryTag,
  RegistryTagName,
  StageHolder,
} from './registry-types.js';
import { compareSemver } from './semver.js';
import { looksLikeRegistryTag, matchRegistryTag } from './tag-grammar.js';
import { readVersionRecord, VERSION_RECORD_FENCE } from './version-tag-message.js';

/**
 * The registry's state from its tags, with GTO's semantics (gto/base.py):
 * - events are ordered by tag time; ties by the tag's `#N` counter, then by name, so every reader
 *   gets the same answer from the same tags;
 * - a version's status is its latest register/deregister event;
 * - assign/unassign tags point at a commit, not a version: the version is the one registered on
 *   that commit (GTO's rule of one version per commit; when broken, the version the message names,
 *   else the one registered last before the event);
 * - a (version, stage) pair is in effect when its latest event is an assignment; a stage holds, among
 *   active versions with the pair in effect, the one assigned most recently (VERSIONS_PER_STAGE = 1),
 *   so unassigning the newest brings the previous one back;
 * - a model is deprecated when its latest event of any kind is a deprecation (as in GTO: a later
 *   registration or assignment revives it); a deprecated model has no active versions or stages.
 * Lightweight tags are ignored as GTO ignores them, but reported; so are tags that look meant for the
 * registry but do not parse, and version records that cannot be read.
 *
 * Version records are decoded when first read (`version.record`), not here: decoding and validating
 * 2,000 of them costs tens of milliseconds, and a query reads one or a few. An unreadable record is
 * added to `problems` when it is read; `{ records: 'eager' }` reads them all now (the doctor).
 */
export function buildRegistryState(
  tags: readonly RegistryTag[],
  options: { records?: 'lazy' | 'eager' } = {},
): RegistryState {
  const problems: RegistryProblem[] = [];
  const lastCounters = new Map<string, number>();
  const entries: Entry[] = [];
  for (const tag of tags) {
    const match = matchRegistryTag(tag.name);
    if (match === undefined) {
      if (looksLikeRegistryTag(tag.name)) {
        problems.push({
          kind: 'unparsable-tag',
          tag: tag.name,
          message: `${tag.name} looks like a registry tag but does not follow GTO's grammar (e.g. fraud@v1.2.0, fraud#prod#3): it is ignored`,
        });
      }
      continue;
    }
    if (match.counter !== undefined && match.counter > (lastCounters.get(match.model) ?? 0)) {
      lastCounters.set(match.model, match.counter);
    }
    if (match.action === 'created') continue;
    if (!tag.annotated) {
      problems.push({
        kind: 'lightweight-tag',
        tag: tag.name,
        message: `${tag.name} is a lightweight tag: GTO and modelship read only annotated tags, so it is ignored (recreate it with git tag -a)`,
      });
      continue;
    }
    const at = tag.tagger?.date ?? '';
    const time = Date.parse(at);
    entries.push({ name: match, tag, time: Number.isNaN(time) ? 0 : time, at });
  }
  entries.sort(byEventOrder);

  const byModel = new Map<string, Entry[]>();
  for (const entry of entries) {
    const list = byModel.get(entry.name.model);
    if (list) list.push(entry);
    else byModel.set(entry.name.model, [entry]);
  }
  const models = new Map<string, ModelState>();
  for (const name of [...byModel.keys()].sort())
    models.set(name, buildModel(name, byModel.get(name)!, problems));
  if (options.records === 'eager') {
    for (const m of models.values()) for (const v of m.versions) void v.record;
  }
  return { models, problems, lastCounters };
}

interface Entry {
  name: RegistryTagName;
  tag: RegistryTag;
  /** Tagger date in ms since the epoch (0 when missing). */
  time: number;
  at: string;
}

function byEventOrder(a: Entry, b: Entry): number {
  return (
    a.time - b.time ||
    (a.name.counter ?? -1) - (b.name.counter ?? -1) ||
    (a.tag.name < b.tag.name ? -1 : a.tag.name > b.tag.name ? 1 : 0)
  );
}

interface VersionBuild {
  version: ModelVersion;
  /** Latest register/deregister: decides the status. */
  lastDirect: 'register' | 'deregister';
  /** Stage → the index (in event order) of the latest assignment in effect, or -1 when unassigned. */
  stages: Map<string, number>;
}

function buildModel(name: string, entries: Entry[], problems: RegistryProblem[]): ModelState {
  const versions = new Map<string, VersionBuild>();
  const onCommit = new Map<string, VersionBuild[]>();
  // Registrations first: an assignment binds to the version on its commit whatever their order.
  for (const entry of entries) {
    if (entry.name.action !== 'register' || versions.has(entry.name.version!)) continue;
    const build: VersionBuild = {
      version: registered(entry, problems),
      lastDirect: 'register',
      stages: new Map(),
    };
    versions.set(entry.name.version!, build);
    const same = onCommit.get(entry.tag.commit);
    if (same) {
      problems.push({
        kind: 'versions-on-one-commit',
        tag: entry.tag.name,
        message: `${name} ${build.version.version} is on commit ${entry.tag.commit.slice(0, 12)}, which already has ${same.map((v) => v.version.version).join(', ')}: GTO allows one version per commit, so stage tags on it are ambiguous`,
      });
      same.push(build);
    } else onCommit.set(entry.tag.commit, [build]);
  }

  const events: RegistryEvent[] = [];
  let deprecated = false;
  for (const [index, entry] of entries.entries()) {
    const { action } = entry.name;
    let version = entry.name.version;
    if (action === 'assign' || action === 'unassign') {
      const build = versionOnCommit(onCommit.get(entry.tag.commit), entry);
      if (!build) {
        problems.push({
          kind: 'assignment-without-version',
          tag: entry.tag.name,
          message: `${entry.tag.name} points at commit ${entry.tag.commit.slice(0, 12)}, where ${name} has no registered version: it is ignored`,
        });
        continue;
      }
      version = build.version.version;
      build.stages.set(entry.name.stage!, action === 'assign' ? index : -1);
    } else if (action === 'register' || action === 'deregister') {
      const build = versions.get(version!);
      if (build) build.lastDirect = action;
    }
    deprecated = action === 'deprecate';
    events.push(toEvent(entry, version));
  }

  const stages: Record<string, StageHolder> = {};
  const holderIndex = new Map<string, number>();
  for (const build of versions.values()) {
    const v = build.version;
    v.status = build.lastDirect === 'deregister' ? 'deregistered' : deprecated ? 'deprecated' : 'active';
    if (v.status !== 'active') continue;
    for (const [stage, index] of build.stages) {
      if (index < 0 || index < (holderIndex.get(stage) ?? -1)) continue;
      holderIndex.set(stage, index);
      const entry = entries[index]!;
      stages[stage] = { stage, version: v.version, assignedAt: entry.at, tag: entry.tag.name };
    }
  }
  for (const holder of Object.values(stages)) versions.get(holder.version)!.version.stages.push(holder.stage);
  const sortedStages: Record<string, StageHolder> = {};
  for (const stage of Object.keys(stages).sort()) sortedStages[stage] = stages[stage]!;

  const list = [...versions.values()].map((b) => b.version);
  list.sort(
    (a, b) =>
      compareSemver(b.version, a.version) || (a.version < b.version ? 1 : a.version > b.version ? -1 : 0),
  );
  for (const v of list) v.stages.sort();
  return { name, deprecated, versions: list, stages: sortedStages, events };
}

function registered(entry: Entry, problems: RegistryProblem[]): ModelVersion {
  const { tag } = entry;
  const version: ModelVersion = {
    model: entry.name.model,
    version: entry.name.version!,
    tag: tag.name,
    commit: tag.commit,
    registeredAt: entry.at,
    registeredBy: tag.tagger?.name || tag.tagger?.email || '',
    status: 'active',
    stages: [],
  };
  if (tag.message?.includes(VERSION_RECORD_FENCE))
    defineLazyRecord(version, () => readRecord(entry, problems));
  return version;
}

/** `version.record`, decoded on first read, then a plain property (absent when unreadable). */
function defineLazyRecord(version: ModelVersion, read: () => ModelVersion['record']): void {
  const settle = (record: ModelVersion['record']) => {
    if (record === undefined) delete version.record;
    else
      Object.defineProperty(version, 'record', {
        value: record,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    return record;
  };
  Object.defineProperty(version, 'record', {
    enumerable: true,
    configurable: true,
    get: () => settle(read()),
    set: (record: ModelVersion['record']) => settle(record),
  });
}

function readRecord(entry: Entry, problems: RegistryProblem[]): ModelVersion['record'] {
  const { tag, name } = entry;
  try {
    const record = readVersionRecord(tag.message ?? '');
    if (!record) return undefined;
    const mismatch =
      record.model !== name.model
        ? `model ${record.model}`
        : record.version !== name.version
          ? `version ${record.version}`
          : record.commit !== tag.commit
            ? `commit ${record.commit.slice(0, 12)}, but the tag points at ${tag.commit.slice(0, 12)}`
            : undefined;
    if (mismatch === undefined) return record;
    problems.push({
      kind: 'unreadable-record',
      tag: tag.name,
      message: `the version record in ${tag.name} is for ${mismatch}: it is ignored`,
    });
  } catch (error) {
    if (!isUserError(error)) throw error;
    const details = error.details.length > 0 ? ` (${error.details.join('; ')})` : '';
    problems.push({
      kind: 'unreadable-record',
      tag: tag.name,
      message: `${tag.name}: ${error.message}${details}`,
    });
  }
  return undefined;
}

/** GTO's message for an assignment names the version: `… to artifact NAME version VERSION`. */
const NAMED_VERSION = / version (v\S+)\s*$/m;

function versionOnCommit(candidates: VersionBuild[] | undefined, entry: Entry): VersionBuild | undefined {
  if (!candidates || candidates.length === 0) return undefined;
  if (candidates.length === 1) return candidates[0];
  const named = NAMED_VERSION.exec(entry.tag.message ?? '')?.[1];
  const byName = candidates.find((c) => c.version.version === named);
  if (byName) return byName;
  // The version registered last at or before the event, else the first registered after it.
  const before = candidates.filter((c) => Date.parse(c.version.registeredAt) <= entry.time);
  return before.length > 0 ? before[before.length - 1] : candidates[0];
}

function toEvent(entry: Entry, version: string | undefined): RegistryEvent {
  const { tag, name } = entry;
  const event: RegistryEvent = {
    action: name.action,
    model: name.model,
    tag: tag.name,
    commit: tag.commit,
    at: entry.at,
    by: tag.tagger?.name || tag.tagger?.email || '',
    message: (tag.message ?? '').trim(),
  };
  if (version !== undefined) event.version = version;
  if (name.stage !== undefined) event.stage = name.stage;
  return event;
}
