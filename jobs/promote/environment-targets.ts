import type { Environment, ManifestTarget } from '../../core/config/environments-config-schema.js';
import { UserError, type ErrorLocation } from '../../core/errors.js';
import { describeTarget } from '../../core/manifests/describe-target.js';
import { findSetterTargets } from '../../core/manifests/find-setter-targets.js';
import type { SetterTarget } from '../../core/manifests/manifest-edit-types.js';
import { lineOf, type OpsConfig } from '../../core/promotion/parse-ops-config.js';
import type { OpsSnapshot } from './promote-ports.js';

/** A value a promotion of the model sets in this environment, with its template and where it is declared. */
export interface PlannedTarget {
  target: ManifestTarget | SetterTarget;
  file: string;
  /** `{version}` for a setter comment; the config's `value` otherwise. */
  template: string;
  /** How plans and messages name it (`image of container predictor`, `yaml model.image.tag`). */
  describe: string;
  /** Where it is declared: the config's line, or the setter comment's line in the manifest. */
  where: ErrorLocation;
}

/**
 * The model's targets in one environment and the text of every file they are in, read from the
 * snapshot in one round trip: the config's `targets`, then the setter comments found in `files:`.
 * A target naming a file that does not exist is refused at the config line that names it.
 */
export async function environmentTargets(
  config: OpsConfig,
  name: string,
  environment: Environment,
  model: string,
  snapshot: OpsSnapshot,
): Promise<{ targets: PlannedTarget[]; texts: Map<string, string> }> {
  const declared = environment.targets.flatMap((target, index) =>
    target.model === model ? [{ target, index }] : [],
  );
  const scanned = environment.files?.length ? await snapshot.listFiles(environment.files) : [];
  const paths = [...new Set([...declared.map((d) => d.target.file), ...scanned])];
  const read = await snapshot.readFiles(paths);
  const texts = new Map<string, string>();
  const targets: PlannedTarget[] = [];
  for (const { target, index } of declared) {
    const field = `environments.${name}.targets[${index}]`;
    const text = read.get(target.file);
    if (text === undefined)
      throw new UserError(
        'config',
        `${target.file} does not exist on branch ${snapshot.branch} (${snapshot.commit.slice(0, 7)}) of the ops repository`,
        { file: config.file, field: `${field}.file`, ...lineOf(config, `${field}.file`) },
      );
    texts.set(target.file, text);
    targets.push({
      target,
      file: target.file,
      template: target.value,
      describe: describeTarget(target),
      where: { file: config.file, field: `${field}.value`, ...lineOf(config, `${field}.value`) },
    });
  }
  for (const file of scanned) {
    const text = read.get(file);
    if (text === undefined) continue;
    texts.set(file, text);
    for (const setter of findSetterTargets({ file, text })) {
      if (setter.model !== model) continue;
      targets.push({
        target: setter,
        file,
        template: '{version}',
        describe: describeTarget(setter),
        where: { file, line: setter.line },
      });
    }
  }
  if (targets.length === 0)
    throw new UserError(
      'config',
      `environment "${name}" has no target for model "${model}": add one under environments.${name}.targets (with model: ${model}), or a setter comment # {"$modelship": "${model}"} in a file listed under environments.${name}.files`,
      { file: config.file, field: `environments.${name}`, ...lineOf(config, `environments.${name}`) },
    );
  return { targets, texts };
}
