import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/** What app.yml asks GitHub for: the permissions an installation grants and the events it delivers. */
export interface AppManifest {
  permissions: Record<string, string>;
  events: string[];
}

/**
 * The app's manifest as GitHub would read it, so tests and benchmarks install the app with exactly
 * the permissions it asks for (least privilege is then what they exercise) rather than a copy of them.
 */
export function appManifest(): AppManifest {
  const manifest = parse(readFileSync(new URL('../../app.yml', import.meta.url), 'utf8')) as {
    default_permissions: Record<string, string>;
    default_events: string[];
  };
  return { permissions: manifest.default_permissions, events: manifest.default_events };
}
