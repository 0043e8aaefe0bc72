import { DEFAULT_CONFIG_PATH, type ModelshipConfig } from '../../core/config/modelship-config-schema.js';
import { driftConfigSchema, type DriftConfig } from '../../core/config/drift-config-schema.js';
import { UserError } from '../../core/errors.js';

/** What one drift run uses, after explicit overrides win over the config file's `drift:` section. */
export interface DriftSettings {
  reference: string;
  current: string;
  /** The `drift:` section with the overrides applied. */
  config: DriftConfig;
  /** The configuration file the settings came from: named in errors, never overwritten. */
  configFile: string;
  /** Where to write the JSON and HTML reports, if anywhere. */
  report?: string;
  html?: string;
  /** Whether a check run that cannot be published fails the run (default: only a warning). */
  checkRunRequired: boolean;
}

/** What an adapter may set explicitly: CLI flags, action inputs, later the app's command. */
export interface DriftOverrides {
  reference?: string;
  current?: string;
  driftShare?: number;
  checkName?: string;
  conclusionOnDrift?: DriftConfig['conclusion-on-drift'];
  checkRunRequired?: boolean;
  report?: string;
  html?: string;
}

/** How the adapter calls the two locations, for messages (`--reference`, `the "reference" input`). */
export interface DriftOverrideNames {
  reference: string;
  current: string;
}

/** Explicit overrides win over `.github/modelship.yml`; the CLI and the action resolve through here alike. */
export function resolveDriftSettings(
  config: ModelshipConfig,
  overrides: DriftOverrides,
  names: DriftOverrideNames,
  configFile: string = DEFAULT_CONFIG_PATH,
): DriftSettings {
  const section = driftConfigSchema.parse({
    ...config.drift,
    ...(overrides.driftShare !== undefined ? { 'drift-share': overrides.driftShare } : {}),
    ...(overrides.checkName !== undefined ? { 'check-name': overrides.checkName } : {}),
    ...(overrides.conclusionOnDrift !== undefined
      ? { 'conclusion-on-drift': overrides.conclusionOnDrift }
      : {}),
  });
  const reference = overrides.reference ?? section.reference;
  const current = overrides.current ?? section.current;
  if (reference === undefined || current === undefined) {
    const missing = reference === undefined ? 'reference' : 'current';
    throw new UserError(
      'usage',
      `no ${missing} data given: pass ${names[missing]}, or set drift.${missing} in ${configFile}`,
      { field: names[missing] },
    );
  }
  return {
    reference,
    current,
    config: section,
    configFile,
    ...(overrides.report !== undefined ? { report: overrides.report } : {}),
    ...(overrides.html !== undefined ? { html: overrides.html } : {}),
    checkRunRequired: overrides.checkRunRequired ?? section['check-run-required'],
  };
}
