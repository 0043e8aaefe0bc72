import { DEFAULT_CONFIG_PATH, type ModelshipConfig } from '../../core/config/modelship-config-schema.js';
import { UserError } from '../../core/errors.js';
import { assertModelName } from '../../core/registry/tag-grammar.js';
import { normalizeVersion, parseSemver } from '../../core/registry/semver.js';

export type VersionBump = 'major' | 'minor' | 'patch';

/** A bump of the latest registered version (the first is v0.0.1, as in GTO), or an exact version. */
export type VersionRequest = { kind: 'bump'; bump: VersionBump } | { kind: 'explicit'; version: string };

/** Where the model files go: assets of the version's GitHub release, or content-addressed S3 keys. */
export type ArtifactStorage = { kind: 'release' } | { kind: 's3'; location: string };

/** What one registration uses, after explicit inputs win over the config file's `registry:` section. */
export interface RegisterSettings {
  model: string;
  /** Model files: paths or globs. */
  files: string[];
  version: VersionRequest;
  /** The commit that produced the model: the tag's target. */
  commit: string;
  /** `modelship evaluate --output` (or the evaluate-model action's report). */
  evaluation?: string;
  /** The metric-gate action's JSON report. */
  gate?: string;
  dataset?: { location: string; sha256?: string };
  storage: ArtifactStorage;
  /** Allow a second version on a commit that already has one (GTO refuses it by default). */
  force: boolean;
  attestation?: string;
  /** The workflow run's URL. */
  run?: string;
  registeredBy?: string;
  tagger?: { name: string; email: string };
  /** `owner/name` and the web host, for the model card's links. */
  repository?: string;
  serverUrl?: string;
  configFile: string;
}

/** What an adapter may set: action inputs, CLI flags. */
export interface RegisterOverrides {
  name?: string;
  files?: string[];
  version?: string;
  evaluation?: string;
  gate?: string;
  dataset?: string;
  datasetSha256?: string;
  storage?: string;
  force?: boolean;
  attestation?: string;
}

/** How the adapter calls its inputs, for messages (`--version`, `the "version" input`). */
export interface RegisterOverrideNames {
  name: string;
  files: string;
  version: string;
  storage: string;
  force: string;
  datasetSha256: string;
  attestation: string;
}

/** What the run knows of itself (the runner's context, or the local clone's HEAD and git identity). */
export interface RegisterRun {
  commit: string;
  repository?: string;
  serverUrl?: string;
  run?: string;
  registeredBy?: string;
  tagger?: { name: string; email: string };
}

const BUMPS: readonly string[] = ['major', 'minor', 'patch'];

/**
 * Inputs and the `registry:` section → the registration's settings. Every mistake that can be seen
 * before anything is read or written is refused here, saying what is valid with an example.
 */
export function resolveRegisterSettings(
  config: ModelshipConfig,
  overrides: RegisterOverrides,
  names: RegisterOverrideNames,
  run: RegisterRun,
  configFile: string = DEFAULT_CONFIG_PATH,
): RegisterSettings {
  const section = config.registry;
  const model = overrides.name ?? section.name;
  if (model === undefined || model === '')
    throw new UserError(
      'usage',
      `no model name: pass it with ${names.name} (or set registry.name in ${configFile}), e.g. churn or team/churn`,
      {
        field: names.name,
      },
    );
  assertModelName(model, names.name);
  const files = (overrides.files ?? []).filter((f) => f.trim() !== '');
  if (files.length === 0)
    throw new UserError(
      'usage',
      `no model file: pass the file(s) to register with ${names.files} (a path or a glob, e.g. model/churn.onnx)`,
      { field: names.files },
    );
  if (!/^[0-9a-f]{40}$/.test(run.commit))
    throw new UserError('input', `the commit to tag must be a full 40-character sha, not "${run.commit}"`);
  const storage = parseStorage(overrides.storage ?? section.storage, names.storage, configFile);
  const datasetSha256 = overrides.datasetSha256
    ?.trim()
    .toLowerCase()
    .replace(/^sha256:/, '');
  if (datasetSha256 !== undefined && !/^[0-9a-f]{64}$/.test(datasetSha256))
    throw new UserError(
      'usage',
      `${names.datasetSha256} must be a sha256 in hex (64 characters, e.g. the output of \`sha256sum data.csv\`), not "${overrides.datasetSha256}"`,
      { field: names.datasetSha256 },
    );
  if (datasetSha256 !== undefined && overrides.dataset === undefined)
    throw new UserError(
      'usage',
      `${names.datasetSha256} goes with the dataset's location: pass the dataset too`,
      {
        field: names.datasetSha256,
      },
    );
  if (overrides.attestation !== undefined && !/^https?:\/\/\S+$/.test(overrides.attestation))
    throw new UserError(
      'usage',
      `${names.attestation} must be the attestation's URL (the attestation-url output of actions/attest-build-provenance), not "${overrides.attestation}"`,
      { field: names.attestation },
    );
  return {
    model,
    files,
    version: parseVersionRequest(overrides.version ?? 'patch', names.version),
    commit: run.commit,
    ...(overrides.evaluation !== undefined ? { evaluation: overrides.evaluation } : {}),
    ...(overrides.gate !== undefined ? { gate: overrides.gate } : {}),
    ...(overrides.dataset !== undefined
      ? { dataset: { location: overrides.dataset, ...(datasetSha256 ? { sha256: datasetSha256 } : {}) } }
      : {}),
    storage,
    force: overrides.force ?? false,
    ...(overrides.attestation !== undefined ? { attestation: overrides.attestation } : {}),
    ...(run.run !== undefined ? { run: run.run } : {}),
    ...(run.registeredBy !== undefined ? { registeredBy: run.registeredBy } : {}),
    ...(run.tagger !== undefined ? { tagger: run.tagger } : {}),
    ...(run.repository !== undefined ? { repository: run.repository } : {}),
    ...(run.serverUrl !== undefined ? { serverUrl: run.serverUrl } : {}),
    configFile,
  };
}

/** `major` / `minor` / `patch`, or a version such as `v1.2.0` (`1.2.0` is accepted). */
export function parseVersionRequest(text: string, field: string): VersionRequest {
  const value = text.trim();
  if (BUMPS.includes(value)) return { kind: 'bump', bump: value as VersionBump };
  const invalid = () =>
    new UserError(
      'usage',
      `${field}: "${text}" is not a version: give major, minor or patch (a bump of the latest registered version), or a version such as v1.2.0 (vMAJOR.MINOR.PATCH, SemVer 2.0: v2.0.0-rc.1 too)`,
      { field },
    );
  let version: string;
  try {
    version = normalizeVersion(value);
  } catch {
    throw invalid();
  }
  if (!parseSemver(version)) throw invalid();
  return { kind: 'explicit', version };
}

function parseStorage(text: string, field: string, configFile: string): ArtifactStorage {
  const value = text.trim();
  if (value === 'release') return { kind: 'release' };
  if (/^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](\/.*)?$/.test(value)) return { kind: 's3', location: value };
  throw new UserError(
    'usage',
    `storage "${text}" is not one Modelship knows: give release (assets of the version's GitHub release) or s3://bucket/prefix (set by ${field}, or registry.storage in ${configFile})`,
    { field },
  );
}
