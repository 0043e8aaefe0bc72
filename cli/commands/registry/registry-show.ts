import { renderRegistryShow } from '../../../core/report/registry/registry-show-text.js';
import { runRegistryShow } from '../../../jobs/registry/run-registry-show.js';
import { EXIT } from '../../cli-io.js';
import type { RegistrySubcommand } from '../registry.js';
import { parseRegistryArgs, SOURCE_HELP } from './registry-args.js';
import { printJson, registrySource, warnAboutTags } from './registry-source.js';

const usage = `Usage: modelship registry show NAME[@VERSION|#STAGE] [options]

Without a version: the model's versions (status, stages, who registered them and when). With one:
that version's record — metrics, gate verdict, artifacts with their sha256, lineage. VERSION is
v5 (the highest active v5.*.*), v5.1, v5.1.2, 5.1.2 or latest; #STAGE is the version in that stage.
A deregistered or deprecated version is refused with the reason (exit 2).

Options:
${SOURCE_HELP}
`;

export const registryShow: RegistrySubcommand = async (args, io) => {
  const { values, positionals } = parseRegistryArgs('show', args, {}, ['NAME[@VERSION|#STAGE]']);
  if (values.help) return (io.out(usage), EXIT.ok);
  const { model, spec } = splitSpec(positionals[0]!);
  const outcome = await runRegistryShow(
    { model, ...(spec !== undefined ? { spec } : {}) },
    { tags: (await registrySource(io, values)).tags },
  );
  warnAboutTags(io, outcome.problems);
  if (values.json) printJson(io, outcome);
  else io.out(renderRegistryShow(outcome));
  return EXIT.ok;
};

/** `fraud@v5` → fraud, v5; `fraud#prod` → fraud, #prod; `fraud` → fraud. Model names have neither sign. */
export function splitSpec(text: string): { model: string; spec?: string } {
  const at = text.search(/[@#]/);
  if (at < 0) return { model: text };
  const sign = text[at];
  return { model: text.slice(0, at), spec: sign === '#' ? text.slice(at) : text.slice(at + 1) };
}
