import { unassignStage } from '../../../jobs/registry/run-unassign-stage.js';
import { EXIT } from '../../cli-io.js';
import type { RegistrySubcommand } from '../registry.js';
import { parseRegistryArgs } from './registry-args.js';
import { printLifecycle, who, WRITE_HELP, WRITE_OPTIONS, writePorts } from './registry-writer.js';

const usage = `Usage: modelship registry unassign NAME STAGE [VERSION] [options]

Takes a version out of STAGE with GTO's tag NAME#STAGE!#N: by default the version holding it, whose
predecessor in the stage (if still assigned) then holds it again. Name the VERSION to make a retry
safe: a version not assigned to the stage is a no-op.

Options:
${WRITE_HELP}
`;

export const registryUnassign: RegistrySubcommand = async (args, io) => {
  const { values, positionals } = parseRegistryArgs('unassign', args, WRITE_OPTIONS, [
    'NAME',
    'STAGE',
    'VERSION?',
  ]);
  if (values.help) return (io.out(usage), EXIT.ok);
  const [model, stage, version] = positionals as [string, string, string | undefined];
  const outcome = await unassignStage(
    { model, stage, ...(version !== undefined ? { version } : {}), ...who(values) },
    await writePorts(io, values),
  );
  printLifecycle(io, outcome, values.json);
  return EXIT.ok;
};
