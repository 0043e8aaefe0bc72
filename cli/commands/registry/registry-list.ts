import { renderRegistryList } from '../../../core/report/registry/registry-list-text.js';
import { runRegistryList } from '../../../jobs/registry/run-registry-list.js';
import { EXIT } from '../../cli-io.js';
import type { RegistrySubcommand } from '../registry.js';
import { parseRegistryArgs, SOURCE_HELP } from './registry-args.js';
import { printJson, registrySource, warnAboutTags } from './registry-source.js';

const usage = `Usage: modelship registry list [options]

Every model in the registry: its latest active version, how many versions are active of those
registered, and the version holding each stage.

Options:
${SOURCE_HELP}
`;

export const registryList: RegistrySubcommand = async (args, io) => {
  const { values } = parseRegistryArgs('list', args, {}, []);
  if (values.help) return (io.out(usage), EXIT.ok);
  const outcome = await runRegistryList({ tags: (await registrySource(io, values)).tags });
  warnAboutTags(io, outcome.problems);
  if (values.json) printJson(io, outcome);
  else io.out(renderRegistryList(outcome));
  return EXIT.ok;
};
