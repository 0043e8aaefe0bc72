import { deregisterVersion } from '../../../jobs/registry/run-deregister-version.js';
import { EXIT } from '../../cli-io.js';
import type { RegistrySubcommand } from '../registry.js';
import { parseRegistryArgs } from './registry-args.js';
import { printLifecycle, who, WRITE_HELP, WRITE_OPTIONS, writePorts } from './registry-writer.js';

const usage = `Usage: modelship registry deregister NAME VERSION [options]

Deregisters the exact VERSION with GTO's tag NAME@VERSION!: latest and version ranges skip it from
then on, and resolving it is refused with the reason. Its tag and release stay (history is append-only).

Options:
${WRITE_HELP}
`;

export const registryDeregister: RegistrySubcommand = async (args, io) => {
  const { values, positionals } = parseRegistryArgs('deregister', args, WRITE_OPTIONS, ['NAME', 'VERSION']);
  if (values.help) return (io.out(usage), EXIT.ok);
  const [model, version] = positionals as [string, string];
  const outcome = await deregisterVersion({ model, version, ...who(values) }, await writePorts(io, values));
  printLifecycle(io, outcome, values.json);
  return EXIT.ok;
};
