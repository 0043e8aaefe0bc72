import type { ModelVersion, RegistryProblem } from '../../core/registry/registry-types.js';
import type { RegistryDoctorOutcome } from '../../core/report/registry/registry-outcomes.js';
import { readRegistryState } from './read-model-state.js';
import type { RegistryDoctorPorts, RegistryRelease } from './registry-ports.js';

/** The assets a release of a registered version carries (register's write side, issue #13 item 2). */
const CARD_ASSETS = ['model-card.json', 'metrics.json'];

/**
 * `modelship registry doctor`: every problem the tags show (lightweight and unparsable tags, two
 * versions on one commit, unreadable records), and online, versions registered by Modelship whose
 * release is missing or incomplete — an interrupted registration, which the next run completes.
 * Versions made by GTO or by hand carry no version record and are not expected to have a release.
 */
export async function runRegistryDoctor(ports: RegistryDoctorPorts): Promise<RegistryDoctorOutcome> {
  const [state, releases] = await Promise.all([
    readRegistryState(ports.tags, undefined, { records: 'eager' }),
    ports.releases?.listReleases(),
  ]);
  const problems = [...state.problems];
  const versions = [...state.models.values()].flatMap((m) => m.versions);
  if (releases) problems.push(...releaseProblems(versions, releases));
  return {
    problems,
    releases: releases
      ? { checked: true, count: releases.length }
      : { checked: false, reason: 'releases are checked online only: pass --repo owner/name' },
    models: state.models.size,
    versions: versions.length,
  };
}

function releaseProblems(versions: ModelVersion[], releases: RegistryRelease[]): RegistryProblem[] {
  const byTag = new Map(releases.map((r) => [r.tag, r]));
  const problems: RegistryProblem[] = [];
  for (const version of versions) {
    if (!version.record || version.status === 'deregistered') continue;
    const release = byTag.get(version.tag);
    if (!release) {
      problems.push({
        kind: 'tag-without-release',
        tag: version.tag,
        message: `${version.tag} has no release: the registration was interrupted; run the registration again (the same run converges) to complete it`,
      });
      continue;
    }
    const expected = [
      ...CARD_ASSETS,
      // Release storage: the model files are assets of this release (S3 storage: they are not).
      ...version.record.artifacts.filter((a) => !a.uri.startsWith('s3://')).map((a) => a.name),
    ];
    const missing = expected.filter((name) => !release.assets.includes(name));
    if (missing.length > 0)
      problems.push({
        kind: 'missing-asset',
        tag: version.tag,
        message: `the release of ${version.tag} lacks ${missing.join(', ')}: run the registration again to complete it`,
      });
  }
  return problems;
}
