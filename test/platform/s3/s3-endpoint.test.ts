import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { isUserError } from '../../../core/errors.js';
import { s3EndpointFromEnv } from '../../../platform/s3/s3-endpoint.js';

function refusal(env: Record<string, string>): string {
  try {
    s3EndpointFromEnv(env);
  } catch (error) {
    assert.ok(isUserError(error));
    return error.message;
  }
  return assert.fail('expected a UserError');
}

describe('the S3 endpoint from the environment', () => {
  test('AWS_ENDPOINT_URL_S3, else AWS_ENDPOINT_URL, else none (AWS itself)', () => {
    assert.equal(s3EndpointFromEnv({}), undefined);
    assert.equal(s3EndpointFromEnv({ AWS_ENDPOINT_URL_S3: '', AWS_ENDPOINT_URL: ' ' }), undefined);
    assert.equal(s3EndpointFromEnv({ AWS_ENDPOINT_URL: 'http://localhost:9000' }), 'http://localhost:9000');
    assert.equal(
      s3EndpointFromEnv({
        AWS_ENDPOINT_URL_S3: 'https://s3.example.com',
        AWS_ENDPOINT_URL: 'http://other:1',
      }),
      'https://s3.example.com',
    );
  });

  test('a value that is not an http(s) URL is refused, naming the variable and the value', () => {
    assert.match(
      refusal({ AWS_ENDPOINT_URL_S3: 'localhost:9000' }),
      /^AWS_ENDPOINT_URL_S3 is not an endpoint URL: "localhost:9000" \(did you mean http:\/\/localhost:9000 \?\)/,
    );
    assert.match(
      refusal({ AWS_ENDPOINT_URL_S3: 'http//x' }),
      /^AWS_ENDPOINT_URL_S3 is not an endpoint URL: "http\/\/x"\. Expected/,
    );
    assert.match(
      refusal({ AWS_ENDPOINT_URL: 'ftp://files' }),
      /^AWS_ENDPOINT_URL is not an endpoint URL: "ftp:\/\/files"/,
    );
    assert.match(refusal({ AWS_ENDPOINT_URL: 'http://' }), /^AWS_ENDPOINT_URL is not an endpoint URL/);
  });
});

// The CLI as a user runs it (bundled, in a process of its own): the SDK's warning goes to the
// process's stderr, once per process.
function runS3(env: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'modelship-s3-cli-'));
  writeFileSync(join(dir, 'checks.yml'), 'checks:\n  - check: row-count\n    min: 1\n');
  const { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: _, ...inherited } = process.env;
  const cli = join(import.meta.dirname, '../../../bin/modelship.js');
  return spawnSync(
    process.execPath,
    [cli, 'validate', '--data', 's3://bucket/data.csv', '--checks', 'checks.yml'],
    {
      cwd: dir,
      env: {
        ...inherited,
        AWS_ACCESS_KEY_ID: 'a',
        AWS_SECRET_ACCESS_KEY: 'b',
        AWS_MAX_ATTEMPTS: '1',
        ...env,
      },
      encoding: 'utf8',
    },
  );
}

describe('an S3 run as a user sees it', () => {
  test('an unparsable AWS_ENDPOINT_URL_S3 is a UserError naming the variable', () => {
    const run = runS3({ AWS_ENDPOINT_URL_S3: 'localhost:9000' });
    assert.equal(run.status, 2);
    assert.match(
      run.stderr,
      /^modelship validate: AWS_ENDPOINT_URL_S3 is not an endpoint URL: "localhost:9000" \(did you mean http:\/\/localhost:9000 \?\)/,
    );
  });

  test(`no AWS SDK Node-version warning on stderr (node ${process.version})`, () => {
    const run = runS3({ AWS_ENDPOINT_URL_S3: 'http://127.0.0.1:9' });
    assert.equal(run.status, 2);
    assert.doesNotMatch(run.stderr, /NodeVersionSupportWarning|AWS SDK/);
    assert.match(
      run.stderr,
      /^modelship validate: s3:\/\/bucket\/data\.csv: cannot reach the S3 endpoint http:\/\/127\.0\.0\.1:9: ECONNREFUSED[^\n]*\n$/,
    );
  });
});
