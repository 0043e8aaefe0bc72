import { UserError } from '../../core/errors.js';
import { httpUrl } from '../http-url.js';

/**
 * The GitHub API root from the environment: GITHUB_API_URL (the runner sets it, also on GitHub
 * Enterprise Server), else https://api.github.com. A value that is not an http(s) URL is refused
 * here, naming the variable; fetch would say "Failed to parse URL" and the client retry it.
 */
export function githubApiUrlFromEnv(env: Readonly<Record<string, string | undefined>>): string {
  const value = env.GITHUB_API_URL?.trim();
  if (!value) return 'https://api.github.com';
  if (!httpUrl(value)) {
    throw new UserError(
      'config',
      `GITHUB_API_URL is not a URL: "${value}". Expected https://api.github.com, or https://HOST/api/v3 on GitHub Enterprise Server`,
    );
  }
  return value.replace(/\/+$/, '');
}
