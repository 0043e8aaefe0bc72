import { renderRegistryHistory } from '../../../core/report/registry/registry-history-text.js';
import { runRegistryHistory } from '../../../jobs/registry/run-registry-history.js';
import { EXIT } from '../../cli-io.js';
import type { RegistrySubcommand } from '../registry.js';
import { parseRegistryArgs, SOURCE_HELP } from './registry-args.js';
import { printJson, registrySource, warnAboutTags } from './registry-source.js';

const usage = `Usage: modelship registry history NAME [options]

Every event of a model, newest first: registrations, stage assignments and unassignments,
deregistrations, deprecation — when (tag time, UTC), by whom, and the tag that records it.

Options:
${SOURCE_HELP}
`;

export const registryHistory: RegistrySubcommand = async (args, io) => {
  const { values, positionals } = parseRegistryArgs('history', args, {}, ['NAME']);
  if (values.help) return (io.out(usage), EXIT.ok);
  const outcome = await runRegistryHistory(
    { model: positionals[0]! },
    { tags: (await registrySource(io, values)).tags },
  );
  warnAboutTags(io, outcome.problems);
  if (values.json) printJson(io, outcome);
  else io.out(renderRegistryHistory(outcome));
  return EXIT.ok;
};
