import type { DataFormat } from '../../core/data/types.js';
import type { FailOn, ValidateConfig } from '../../core/config/validate-config-schema.js';
import { UserError } from '../../core/errors.js';

/** What one validation run uses, after explicit options override the config file's `validate:` section. */
export interface ValidationSettings {
  data: string;
  /** A checks file path, or inline checks YAML (the action's `checks` input may hold either). */
  checks: { file: string } | { inline: string };
  format?: DataFormat;
  delimiter?: string;
  failOn: FailOn;
  maxAnnotations: number;
  examples: number;
}

export interface ExplicitValidationOptions {
  data?: string;
  checks?: string;
  format?: DataFormat;
  delimiter?: string;
  failOn?: FailOn;
}

/**
 * Explicit options (CLI flags, action inputs) win over `.github/modelship.yml`; a checks file's own
 * `data:` block is applied later, when the file is read, and only fills what is still unset.
 */
export function resolveValidationSettings(
  explicit: ExplicitValidationOptions,
  config: ValidateConfig,
  names: { data: string; checks: string },
): Omit<ValidationSettings, 'data'> & { data?: string } {
  const checks = explicit.checks ?? config.checks;
  if (checks === undefined) {
    throw new UserError(
      'usage',
      `no checks given: pass ${names.checks}, or set validate.checks in .github/modelship.yml`,
    );
  }
  const data = explicit.data ?? config.data;
  const format = explicit.format ?? config.format;
  const delimiter = explicit.delimiter ?? config.delimiter;
  return {
    ...(data !== undefined ? { data } : {}),
    checks: looksInline(checks) ? { inline: checks } : { file: checks },
    ...(format !== undefined ? { format } : {}),
    ...(delimiter !== undefined ? { delimiter } : {}),
    failOn: explicit.failOn ?? config['fail-on'],
    maxAnnotations: config['max-annotations'],
    examples: config.examples,
  };
}

/** A path never spans lines or starts a YAML mapping; inline checks always do one or the other. */
function looksInline(checks: string): boolean {
  return checks.includes('\n') || /^\s*checks\s*:/.test(checks);
}
