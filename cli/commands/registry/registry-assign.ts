import { assignStage } from '../../../jobs/registry/run-assign-stage.js';
import { loadConfig } from '../../../platform/config/load-config.js';
import { EXIT } from '../../cli-io.js';
import type { RegistrySubcommand } from '../registry.js';
import { parseRegistryArgs } from './registry-args.js';
import { printLifecycle, who, WRITE_HELP, WRITE_OPTIONS, writePorts } from './registry-writer.js';

const usage = `Usage: modelship registry assign NAME VERSION STAGE [options]

Assigns STAGE to the exact VERSION (v5.1.2 or 5.1.2) with GTO's tag NAME#STAGE#N on the version's
commit, N one more than the model's highest counter. The version must be active; when
registry.stages in .github/modelship.yml lists stages, STAGE must be one of them. Assigning a stage
the version already holds writes nothing.

Options:
  --config <file>      configuration file (default .github/modelship.yml)
${WRITE_HELP}
`;

export const registryAssign: RegistrySubcommand = async (args, io) => {
  const { values, positionals } = parseRegistryArgs(
    'assign',
    args,
    { ...WRITE_OPTIONS, config: { type: 'string' } },
    ['NAME', 'VERSION', 'STAGE'],
  );
  if (values.help) return (io.out(usage), EXIT.ok);
  const [model, version, stage] = positionals as [string, string, string];
  const config = await loadConfig({ cwd: io.context.cwd, ...(values.config ? { path: values.config } : {}) });
  const allowed = config.registry?.stages;
  const outcome = await assignStage(
    { model, version, stage, ...(allowed ? { allowedStages: allowed } : {}), ...who(values) },
    await writePorts(io, values),
  );
  printLifecycle(io, outcome, values.json);
  return EXIT.ok;
};
