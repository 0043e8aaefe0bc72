import { renderRegistryDoctor } from '../../../core/report/registry/registry-doctor-text.js';
import { runRegistryDoctor } from '../../../jobs/registry/run-registry-doctor.js';
import { githubRegistryReleases } from '../../../platform/registry/github-registry-releases.js';
import { EXIT } from '../../cli-io.js';
import type { RegistrySubcommand } from '../registry.js';
import { parseRegistryArgs, SOURCE_HELP } from './registry-args.js';
import { printJson, registrySource } from './registry-source.js';

const usage = `Usage: modelship registry doctor [options]

Reports what is wrong with the registry: lightweight tags in its format (GTO ignores them
silently), tags that look meant for it but do not parse, two versions on one commit (GTO's rule),
version records that cannot be read — and with --repo, versions registered by Modelship whose
release is missing or lacks assets (an interrupted registration; running it again completes it).

Options:
${SOURCE_HELP}

Exit status: 0 when nothing is wrong, 1 when a problem was found, 2 on a usage or input error.
`;

export const registryDoctor: RegistrySubcommand = async (args, io) => {
  const { values } = parseRegistryArgs('doctor', args, {}, []);
  if (values.help) return (io.out(usage), EXIT.ok);
  const source = await registrySource(io, values);
  const outcome = await runRegistryDoctor({
    tags: source.tags,
    ...(source.online ? { releases: githubRegistryReleases(source.client, source.repo) } : {}),
  });
  if (values.json) printJson(io, outcome);
  else io.out(renderRegistryDoctor(outcome));
  return outcome.problems.length === 0 ? EXIT.ok : EXIT.failed;
};
