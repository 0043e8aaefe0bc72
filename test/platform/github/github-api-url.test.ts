import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isUserError } from '../../../core/errors.js';
import { createGitHubClient } from '../../../platform/github/client.js';
import { githubApiUrlFromEnv } from '../../../platform/github/github-api-url.js';

test('GITHUB_API_URL, else api.github.com', () => {
  assert.equal(githubApiUrlFromEnv({}), 'https://api.github.com');
  assert.equal(githubApiUrlFromEnv({ GITHUB_API_URL: ' ' }), 'https://api.github.com');
  assert.equal(
    githubApiUrlFromEnv({ GITHUB_API_URL: 'https://ghes.example.com/api/v3/' }),
    'https://ghes.example.com/api/v3',
  );
});

test('a GITHUB_API_URL that is not a URL is a UserError naming the variable, before any request', () => {
  for (const value of ['api.github.com', 'http//x', 'ghes:8443']) {
    assert.throws(
      () => githubApiUrlFromEnv({ GITHUB_API_URL: value }),
      (e: unknown) => isUserError(e) && e.message.startsWith(`GITHUB_API_URL is not a URL: "${value}"`),
    );
  }
  const saved = process.env.GITHUB_API_URL;
  process.env.GITHUB_API_URL = 'api.github.com';
  try {
    assert.throws(() => createGitHubClient({ token: 't' }), /GITHUB_API_URL is not a URL/);
  } finally {
    if (saved === undefined) delete process.env.GITHUB_API_URL;
    else process.env.GITHUB_API_URL = saved;
  }
});
