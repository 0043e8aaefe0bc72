import { runRegistryWhich } from '../../../jobs/registry/run-registry-which.js';
import { EXIT } from '../../cli-io.js';
import type { RegistrySubcommand } from '../registry.js';
import { parseRegistryArgs, SOURCE_HELP } from './registry-args.js';
import { printJson, registrySource, warnAboutTags } from './registry-source.js';

const usage = `Usage: modelship registry which NAME STAGE [options]

Prints the version in a stage (GTO's default: the most recent assignment still in effect), e.g.
v5.1.0, for scripts: VERSION=$(modelship registry which fraud production).

Options:
${SOURCE_HELP}

Exit status: 0 with the version, 1 when no version holds the stage, 2 on a usage or input error.
`;

export const registryWhich: RegistrySubcommand = async (args, io) => {
  const { values, positionals } = parseRegistryArgs('which', args, {}, ['NAME', 'STAGE']);
  if (values.help) return (io.out(usage), EXIT.ok);
  const [model, stage] = positionals as [string, string];
  const outcome = await runRegistryWhich({ model, stage }, { tags: (await registrySource(io, values)).tags });
  warnAboutTags(io, outcome.problems);
  if (values.json) printJson(io, outcome);
  else if (outcome.holder) io.out(`${outcome.holder.version}\n`);
  else io.err(`modelship registry which: no version of ${model} is in ${stage}\n`);
  return outcome.holder ? EXIT.ok : EXIT.failed;
};
