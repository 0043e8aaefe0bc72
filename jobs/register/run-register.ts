import { UserError } from '../../core/errors.js';
import { parseMetricsReport, type MetricsReport } from '../../core/gate/metrics-report.js';
import { buildRegistryState } from '../../core/registry/build-registry-state.js';
import { gateRecordFromReport } from '../../core/registry/gate-record-from-report.js';
import { nextVersion } from '../../core/registry/next-version.js';
import type { ModelVersion, RegistryState } from '../../core/registry/registry-types.js';
import { RELEASE_ASSET_LIMIT } from '../../core/registry/release-asset-limit.js';
import { formatRegistryTag } from '../../core/registry/tag-grammar.js';
import { formatVersionTagMessage, readVersionRecord } from '../../core/registry/version-tag-message.js';
import {
  versionRecordSchema,
  type ArtifactRecord,
  type GateRecord,
  type SliceRecord,
  type VersionRecord,
} from '../../core/registry/version-record-schema.js';
import { renderModelCard } from '../../core/report/registry/model-card.js';
import type { LocalArtifact, RegisterPorts, Release } from './register-ports.js';
import type { RegisterSettings } from './register-settings.js';

/** How many versions a registration tries before giving up, when others keep taking the next one. */
export const MAX_CLAIMS = 16;

export interface RegisterOutcome {
  model: string;
  version: string;
  tag: string;
  commit: string;
  /** True when this run created the tag; false when it was there already (a re-run converged on it). */
  created: boolean;
  record: VersionRecord;
  /** The release (absent offline, where only the tag is written). */
  release?: { url: string; created: boolean; uploaded: string[]; kept: string[] };
  artifacts: ArtifactRecord[];
  /** The model files and their digests: what actions/attest-build-provenance attests. */
  subjects: { name: string; path: string; sha256: string }[];
  /** Versions tried (more than one when a concurrent registration took the next version first). */
  claims: number;
}

type Decision =
  { kind: 'existing'; version: ModelVersion; record: VersionRecord } | { kind: 'new'; version: string };

/**
 * Registers a model version. Order of writes: the artifacts' digests are computed first (and S3
 * objects stored under content-addressed keys, harmless if the run stops there); then the version
 * is claimed by creating the tag's ref — the atomic step: of concurrent registrations exactly one
 * gets a name, and the loser of a bump takes the next version; then the release is created and its
 * assets uploaded. A run interrupted after the claim leaves a tag without a complete release, which
 * the next run of the same registration completes (and `modelship registry doctor` reports).
 */
export async function runRegister(
  settings: RegisterSettings,
  ports: RegisterPorts,
): Promise<RegisterOutcome> {
  const log = ports.log ?? (() => {});
  const { model, commit } = settings;
  if (settings.storage.kind === 'release' && !ports.releases)
    throw new UserError(
      'usage',
      'release storage needs the GitHub API (the files become release assets): register online (--repo owner/name with a token), or store the artifacts in S3 (--storage s3://bucket/prefix), which works from a local clone',
      { field: 'storage' },
    );
  if (settings.storage.kind === 's3' && !ports.store) throw new Error('S3 storage without an artifact store');

  const files = await ports.files.describe(settings.files);
  if (settings.storage.kind === 'release')
    for (const file of files)
      if (file.size >= RELEASE_ASSET_LIMIT)
        throw new UserError(
          'input',
          `${file.name} is ${(file.size / 1024 ** 3).toFixed(2)} GiB: GitHub release assets must be under 2 GiB. Store the artifacts in S3 instead (storage: s3://bucket/prefix)`,
          { file: file.path },
        );
  const evaluation =
    settings.evaluation === undefined
      ? undefined
      : parseMetricsReport(
          await ports.reports.read(settings.evaluation, 'evaluation report'),
          settings.evaluation,
        );
  const gate =
    settings.gate === undefined
      ? undefined
      : gateRecordFromReport(await ports.reports.read(settings.gate, 'gate report'), settings.gate);
  const dataset = await datasetRecord(settings, ports);

  // Content-addressed keys hold no version: stored before the claim, the same file lands on the same key.
  const stored = ports.store ? await Promise.all(files.map((f) => ports.store!.put(model, f))) : undefined;
  if (ports.store) log(`Stored ${files.length} artifact(s) in ${ports.store.location}.`);

  let state = await readState(ports, model);
  for (let claims = 1; claims <= MAX_CLAIMS; claims++) {
    const decision = decide(state, settings, files);
    if (decision.kind === 'existing') {
      log(`${decision.version.tag} is already registered on ${commit}: completing its release.`);
      return complete(
        settings,
        ports,
        decision.record,
        decision.version.tag,
        false,
        files,
        claims,
        decision.version.registeredAt,
      );
    }
    const tag = formatRegistryTag({ model, action: 'register', version: decision.version });
    const artifacts =
      stored ??
      files.map((f) => ({
        name: f.name,
        uri: ports.releases!.assetUrl(tag, f.name),
        sha256: f.sha256,
        size: f.size,
      }));
    const parent = latestActive(state, model);
    // Parsed, as readVersionRecord returns it on a re-run: model-card.json's bytes (and digest) are
    // the same whichever run writes them.
    const record: VersionRecord = versionRecordSchema.parse({
      schema: 'modelship/version@1',
      model,
      version: decision.version,
      commit,
      artifacts,
      metrics: metricsOf(evaluation, gate),
      ...(gate ? { gate } : {}),
      ...(evaluation && evaluation.slices.length > 0 ? { slices: slicesOf(evaluation) } : {}),
      ...(dataset ? { dataset } : {}),
      ...(settings.run ? { run: settings.run } : {}),
      ...(parent ? { parent } : {}),
      ...(settings.registeredBy ? { registeredBy: settings.registeredBy } : {}),
      ...(settings.attestation ? { attestation: settings.attestation } : {}),
    });
    const result = await ports.tags.writer.createTag({
      name: tag,
      commit,
      message: formatVersionTagMessage(record),
      ...(settings.tagger ? { tagger: settings.tagger } : {}),
    });
    if (result.created) {
      log(`Created ${tag} on ${commit}.`);
      return complete(settings, ports, record, tag, true, files, claims, result.tag.tagger?.date);
    }
    const existing = result.existing;
    if (existing.commit === commit) {
      // The same registration ran concurrently (a re-run racing the first run): converge on its tag.
      const theirs = readVersionRecord(existing.message ?? '');
      if (theirs && sameArtifacts(theirs, files))
        return complete(settings, ports, theirs, tag, false, files, claims, existing.tagger?.date);
      throw new UserError(
        'input',
        `${tag} was just registered on this commit (${commit}) with other artifacts: a version's artifacts never change. Register again to take the next version (force: true allows a second version on one commit)`,
      );
    }
    if (settings.version.kind === 'explicit')
      throw new UserError(
        'input',
        `${tag} was registered on another commit (${existing.commit}) while this run registered ${commit}: choose another version, or use a bump (patch, minor, major) to take the next free one`,
      );
    log(`${tag} was taken by ${existing.commit} meanwhile; trying the next version.`);
    // Exponential backoff with full jitter (200 ms doubling per loss, at most 6.4 s): the losers of
    // one round spread out instead of all colliding again on the next version.
    await ports.wait?.(Math.floor(Math.random() * 200 * 2 ** Math.min(claims - 1, 5)));
    state = await readState(ports, model);
  }
  throw new UserError(
    'input',
    `no version of ${model} could be claimed in ${MAX_CLAIMS} attempts: other registrations kept taking the next version. Run again`,
  );
}

async function readState(ports: RegisterPorts, model: string): Promise<RegistryState> {
  return buildRegistryState(await ports.tags.reader.listTags({ model }));
}

/** Which version this registration is: one already on this commit (a re-run), or a new one. */
function decide(state: RegistryState, settings: RegisterSettings, files: LocalArtifact[]): Decision {
  const { model, commit } = settings;
  const versions = state.models.get(model)?.versions ?? [];
  const onCommit = versions.filter((v) => v.commit === commit && v.status !== 'deregistered');
  const gtoRule = (requested: string) =>
    new UserError(
      'input',
      `${commit} already has ${onCommit.map((v) => v.tag).join(', ')}${requested ? `, so ${model}@${requested} would be a second version on one commit` : ' with other artifacts than these'}: GTO allows one version of a model per commit. Pass force: true (--force) to register another version on it anyway`,
    );
  if (settings.version.kind === 'explicit') {
    const requested = settings.version.version;
    const same = versions.find((v) => v.version === requested);
    if (same && same.commit !== commit)
      throw new UserError(
        'input',
        `${same.tag} already exists on another commit (${same.commit}): a version is registered once. Choose another version, or a bump (patch, minor, major)`,
      );
    if (same) {
      const record = same.record;
      if (record && sameArtifacts(record, files)) return { kind: 'existing', version: same, record };
      throw new UserError(
        'input',
        record
          ? `${same.tag} is already registered on this commit with other artifacts (${describeArtifacts(record.artifacts)}): a version's artifacts never change. Register a new version`
          : `${same.tag} already exists on this commit without a Modelship record (made by GTO or by hand): it cannot be completed; register another version`,
      );
    }
    if (onCommit.length > 0 && !settings.force) throw gtoRule(requested);
    return { kind: 'new', version: requested };
  }
  const rerun = onCommit.find((v) => v.record && sameArtifacts(v.record, files));
  if (rerun) return { kind: 'existing', version: rerun, record: rerun.record! };
  if (onCommit.length > 0 && !settings.force) throw gtoRule('');
  // Bumps from the highest version ever named, deregistered ones included: a number is never reused.
  return { kind: 'new', version: nextVersion(state, model, { bump: settings.version.bump }) };
}

function sameArtifacts(record: VersionRecord, files: LocalArtifact[]): boolean {
  const key = (list: { name: string; sha256: string }[]) =>
    list
      .map((a) => `${a.name}\u0000${a.sha256}`)
      .sort()
      .join('\n');
  return key(record.artifacts) === key(files);
}

const describeArtifacts = (artifacts: ArtifactRecord[]) =>
  artifacts.map((a) => `${a.name} sha256 ${a.sha256.slice(0, 12)}…`).join(', ');

function latestActive(state: RegistryState, model: string): string | undefined {
  return state.models.get(model)?.versions.find((v) => v.status === 'active')?.version;
}

function metricsOf(
  evaluation: MetricsReport | undefined,
  gate: GateRecord | undefined,
): Record<string, number | null> {
  if (evaluation)
    return Object.fromEntries(
      Object.entries(evaluation.metrics).map(([name, v]) => [name, typeof v === 'number' ? v : null]),
    );
  return Object.fromEntries((gate?.rules ?? []).map((r) => [r.metric, r.value]));
}

function slicesOf(evaluation: MetricsReport): SliceRecord[] {
  return evaluation.slices.map((s) => ({
    column: s.column,
    value: s.value,
    rows: s.rows,
    metrics: Object.fromEntries(
      Object.entries(s.metrics).map(([k, v]) => [k, typeof v === 'number' ? v : null]),
    ),
  }));
}

async function datasetRecord(settings: RegisterSettings, ports: RegisterPorts) {
  if (!settings.dataset) return undefined;
  const { location } = settings.dataset;
  const sha256 = settings.dataset.sha256 ?? (await ports.files.hashIfLocal(location));
  if (!sha256)
    throw new UserError(
      'usage',
      `the dataset ${location} is not a local file, so its sha256 cannot be computed here: pass it with dataset-sha256 (--dataset-sha256)`,
      { file: location },
    );
  return { location, sha256 };
}

/** The release with the model card and every asset; each step is skipped when already done. */
async function complete(
  settings: RegisterSettings,
  ports: RegisterPorts,
  record: VersionRecord,
  tag: string,
  created: boolean,
  files: LocalArtifact[],
  claims: number,
  registeredAt: string | undefined,
): Promise<RegisterOutcome> {
  const outcome: RegisterOutcome = {
    model: record.model,
    version: record.version,
    tag,
    commit: record.commit,
    created,
    record,
    artifacts: record.artifacts,
    subjects: files.map((f) => ({ name: f.name, path: f.path, sha256: f.sha256 })),
    claims,
  };
  const releases = ports.releases;
  if (!releases) return outcome;
  // Everything in the card comes from the tag (its record and date): a re-run renders the same body.
  const card = renderModelCard(record, {
    ...(settings.repository ? { repository: settings.repository } : {}),
    ...(settings.serverUrl ? { serverUrl: settings.serverUrl } : {}),
    ...(registeredAt ? { registeredAt } : {}),
  });
  const assets = [
    ...(settings.storage.kind === 'release' ? files : []),
    await ports.files.writeText('model-card.json', `${JSON.stringify(record, null, 2)}\n`),
    await ports.files.writeText(
      'metrics.json',
      `${JSON.stringify({ model: record.model, version: record.version, metrics: record.metrics, gate: record.gate ?? null }, null, 2)}\n`,
    ),
  ];
  let release: Release | undefined = await releases.findRelease(tag);
  const releaseCreated = !release;
  if (!release)
    release = await releases.createRelease({ tag, name: `${record.model} ${record.version}`, body: card });
  else if (release.body !== card) await releases.updateBody(release, card);
  const found = release;
  const kept = assets.filter((a) => found.assets.some((x) => x.name === a.name)).map((a) => a.name);
  const uploaded = assets.filter((a) => !kept.includes(a.name)).map((a) => a.name);
  // Kept assets are checked too (same name, another digest is refused); uploads run side by side.
  await Promise.all(assets.map((a) => releases.uploadAsset(found, a)));
  ports.log?.(
    `Release ${found.url}: ${releaseCreated ? 'created' : 'already there'}; ${uploaded.length} asset(s) uploaded, ${kept.length} already there.`,
  );
  return { ...outcome, release: { url: found.url, created: releaseCreated, uploaded, kept } };
}
