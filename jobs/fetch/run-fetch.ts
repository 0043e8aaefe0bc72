import { UserError } from '../../core/errors.js';
import { buildRegistryState } from '../../core/registry/build-registry-state.js';
import { resolveVersion } from '../../core/registry/resolve-version.js';
import type { FetchedFile, FetchPorts } from './fetch-ports.js';

export interface FetchSettings {
  model: string;
  /** `v5`, `v5.1`, `v5.1.2`, `5.1.2`, `latest`, `#stage`. */
  spec: string;
  to: string;
}

export interface FetchOutcome {
  model: string;
  version: string;
  tag: string;
  files: FetchedFile[];
}

/** `modelship registry fetch NAME@VERSION --to DIR`: resolves the version, then downloads and verifies its artifacts. */
export async function runFetch(settings: FetchSettings, ports: FetchPorts): Promise<FetchOutcome> {
  const state = buildRegistryState(await ports.tags.listTags({ model: settings.model }));
  const version = resolveVersion(state, settings.model, settings.spec);
  if (!version.record)
    throw new UserError(
      'input',
      `${version.tag} has no Modelship record in its tag message (made by GTO or by hand), so its artifacts and their digests are unknown: nothing to fetch and verify`,
    );
  const files = await ports.downloader.download({
    tag: version.tag,
    artifacts: version.record.artifacts,
    to: settings.to,
  });
  return { model: version.model, version: version.version, tag: version.tag, files };
}
