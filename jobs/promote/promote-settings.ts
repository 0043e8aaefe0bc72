import { DEFAULT_CONFIG_PATH } from '../../core/config/default-config-path.js';
import type { PromotionRequest } from '../../core/promotion/promotion-commit-message.js';

/** How many times a write that lost a race is re-planned and tried again. */
export const PROMOTION_ATTEMPTS = 3;

/** One promotion: which version of which model goes to which environments. */
export interface PromoteSettings {
  model: string;
  /** As the user wrote it: `v5.1.0`, `5.1.0`, `v5.1`, `latest`, `#staging` (resolved through the registry). */
  version: string;
  /** Each gets its own commit (or pull request). */
  environments: string[];
  /** The ops repository's config, read from its default branch. */
  configPath: string;
  /** Who asked and where: the commit message's trailers. */
  request: PromotionRequest;
  /** Writes tried before giving up on a branch that keeps moving. */
  attempts: number;
}

export interface StatusSettings {
  model: string;
  /** Default: every environment of the ops config. */
  environments?: string[];
  configPath: string;
}

/** Plain inputs (CLI flags, an app's command) → settings, with the defaults every adapter shares. */
export function resolvePromoteSettings(input: {
  model: string;
  version: string;
  environment: string | string[];
  requestedBy?: string;
  source?: string;
  configPath?: string;
  attempts?: number;
}): PromoteSettings {
  return {
    model: input.model,
    version: input.version,
    environments: typeof input.environment === 'string' ? [input.environment] : input.environment,
    configPath: input.configPath ?? DEFAULT_CONFIG_PATH,
    request: {
      ...(input.requestedBy ? { requestedBy: input.requestedBy } : {}),
      ...(input.source ? { source: input.source } : {}),
    },
    attempts: Math.max(1, input.attempts ?? PROMOTION_ATTEMPTS),
  };
}

export function resolveStatusSettings(input: {
  model: string;
  environments?: string[];
  configPath?: string;
}): StatusSettings {
  return {
    model: input.model,
    ...(input.environments?.length ? { environments: input.environments } : {}),
    configPath: input.configPath ?? DEFAULT_CONFIG_PATH,
  };
}
