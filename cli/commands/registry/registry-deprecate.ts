import { deprecateModel } from '../../../jobs/registry/run-deprecate-model.js';
import { EXIT } from '../../cli-io.js';
import type { RegistrySubcommand } from '../registry.js';
import { parseRegistryArgs } from './registry-args.js';
import { printLifecycle, who, WRITE_HELP, WRITE_OPTIONS, writePorts } from './registry-writer.js';

const usage = `Usage: modelship registry deprecate NAME [options]

Deprecates the model with GTO's tag NAME@deprecated: none of its versions resolves any more and
no stage can be assigned (a later registration revives it, as in GTO).

Options:
${WRITE_HELP}
`;

export const registryDeprecate: RegistrySubcommand = async (args, io) => {
  const { values, positionals } = parseRegistryArgs('deprecate', args, WRITE_OPTIONS, ['NAME']);
  if (values.help) return (io.out(usage), EXIT.ok);
  const outcome = await deprecateModel(
    { model: positionals[0]!, ...who(values) },
    await writePorts(io, values),
  );
  printLifecycle(io, outcome, values.json);
  return EXIT.ok;
};
