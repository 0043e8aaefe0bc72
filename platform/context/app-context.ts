import { readFileSync } from 'node:fs';
import { UserError } from '../../core/errors.js';
import { githubApiUrlFromEnv } from '../github/github-api-url.js';

export type AppLogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal' | 'silent';

/** What the promotion app knows of where it runs: read once from its environment, at the entry point. */
export interface AppContext {
  appId: string;
  /** The GitHub App's private key (PEM). */
  privateKey: string;
  webhookSecret: string;
  port: number;
  host: string;
  /** Where GitHub posts webhooks (Probot's default path). */
  webhookPath: string;
  /** OPS_REPOSITORY: `owner/repo` of the ops repository (its config says what a promotion changes). */
  opsRepository: string;
  /** The API root (GITHUB_API_URL; GitHub Enterprise Server: https://HOST/api/v3). */
  apiUrl: string;
  logLevel: AppLogLevel;
  /**
   * Space writes as GitHub asks (1 s between writes of one installation). On by default; off
   * (MODELSHIP_PACING=off) only against a test server.
   */
  pacing: boolean;
}

const LOG_LEVELS: AppLogLevel[] = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'];

function required(env: NodeJS.ProcessEnv, name: string, hint: string): string {
  const value = env[name]?.trim();
  if (!value) throw new UserError('config', `${name} is not set: ${hint}`, { field: name });
  return value;
}

/** PRIVATE_KEY as PEM (newlines or `\n` escapes), base64 of the PEM, or a file named by PRIVATE_KEY_PATH. */
function privateKeyOf(env: NodeJS.ProcessEnv): string {
  if (env.PRIVATE_KEY_PATH?.trim()) return readFileSync(env.PRIVATE_KEY_PATH.trim(), 'utf8');
  const value = required(
    env,
    'PRIVATE_KEY',
    "the GitHub App's private key (the .pem file's text, or PRIVATE_KEY_PATH naming the file)",
  );
  if (value.includes('-----BEGIN')) return value.replace(/\\n/g, '\n');
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  if (decoded.includes('-----BEGIN')) return decoded;
  throw new UserError('config', 'PRIVATE_KEY is neither a PEM key nor base64 of one', {
    field: 'PRIVATE_KEY',
  });
}

function opsRepositoryOf(env: NodeJS.ProcessEnv): string {
  const value = required(env, 'OPS_REPOSITORY', 'the ops repository as owner/repo (e.g. acme/ops)');
  if (!/^[\w.-]+\/[\w.-]+$/.test(value))
    throw new UserError('config', `OPS_REPOSITORY must be owner/repo (e.g. acme/ops), not "${value}"`, {
      field: 'OPS_REPOSITORY',
    });
  return value;
}

export function readAppContext(env: NodeJS.ProcessEnv = process.env): AppContext {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UserError('config', `PORT is not a port number: "${env.PORT}"`, { field: 'PORT' });
  const logLevel = (env.LOG_LEVEL ?? 'info') as AppLogLevel;
  if (!LOG_LEVELS.includes(logLevel))
    throw new UserError('config', `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`, {
      field: 'LOG_LEVEL',
    });
  return {
    appId: required(env, 'APP_ID', "the GitHub App's id (its settings page, 'App ID')"),
    privateKey: privateKeyOf(env),
    webhookSecret: required(env, 'WEBHOOK_SECRET', 'the webhook secret given when the app was created'),
    port,
    host: env.HOST?.trim() || '0.0.0.0',
    webhookPath: env.WEBHOOK_PATH?.trim() || '/api/github/webhooks',
    opsRepository: opsRepositoryOf(env),
    apiUrl: githubApiUrlFromEnv(env),
    logLevel,
    pacing: env.MODELSHIP_PACING !== 'off',
  };
}
