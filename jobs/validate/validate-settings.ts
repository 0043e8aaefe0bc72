import type { DataFormat } from '../../core/data/types.js';
import { DEFAULT_CONFIG_PATH, type ModelshipConfig } from '../../core/config/modelship-config-schema.js';
import type { FailOn } from '../../core/config/validate-config-schema.js';
import { UserError } from '../../core/errors.js';

/** What one validation run uses, after explicit overrides win over the config file's `validate:` section. */
export interface ValidateSettings {
  /** Data location; unset, the checks file's `data.path` is used. */
  data?: string;
  /** A checks file path, or inline checks YAML (the action's `checks` input may hold either). */
  checks: { file: string } | { inline: string };
  /** The configuration file the settings came from (never overwritten by a report). */
  configFile: string;
  format?: DataFormat;
  delimiter?: string;
  failOn: FailOn;
  maxAnnotations: number;
  examples: number;
  /** Where to write the JSON report, if anywhere. */
  report?: string;
}

/** What an adapter may set explicitly: CLI flags, action inputs, later the app's command. */
export interface ValidateOverrides {
  data?: string;
  checks?: string;
  format?: DataFormat;
  delimiter?: string;
  failOn?: FailOn;
  report?: string;
}

/** How the adapter calls the overrides, for messages (`--checks`, `the "checks" input`). */
export interface OverrideNames {
  data: string;
  checks: string;
}

/**
 * Explicit overrides win over `.github/modelship.yml`; a checks file's own `data:` block is applied
 * later, when the file is read, and only fills what is still unset.
 */
export function resolveValidateSettings(
  config: ModelshipConfig,
  overrides: ValidateOverrides,
  names: OverrideNames,
  configFile: string = DEFAULT_CONFIG_PATH,
): ValidateSettings {
  const section = config.validate;
  const checks = overrides.checks ?? section.checks;
  if (checks === undefined) {
    throw new UserError(
      'usage',
      `no checks given: pass ${names.checks}, or set validate.checks in ${configFile}`,
    );
  }
  const data = overrides.data ?? section.data;
  const format = overrides.format ?? section.format;
  const delimiter = overrides.delimiter ?? section.delimiter;
  return {
    ...(data !== undefined ? { data } : {}),
    checks: looksInline(checks) ? { inline: checks } : { file: checks },
    configFile,
    ...(format !== undefined ? { format } : {}),
    ...(delimiter !== undefined ? { delimiter } : {}),
    failOn: overrides.failOn ?? section['fail-on'],
    maxAnnotations: section['max-annotations'],
    // Annotations are made from the kept examples: keep enough for max-annotations to be reached.
    examples: Math.max(section.examples, section['max-annotations']),
    ...(overrides.report !== undefined ? { report: overrides.report } : {}),
  };
}

/** A path never spans lines or starts a YAML mapping; inline checks always do one or the other. */
function looksInline(checks: string): boolean {
  return checks.includes('\n') || /^\s*checks\s*:/.test(checks);
}
