import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isUserError } from '../../../core/errors.js';
import { readActionContext } from '../../../platform/context/action-context.js';
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
  // The action's context reads it once; a bad value stops the action before any request.
  assert.throws(() => readActionContext({ GITHUB_API_URL: 'api.github.com' }), /GITHUB_API_URL is not a URL/);
});
