import assert from 'node:assert/strict';
import { test } from 'node:test';
import Ajv2020 from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runModelship } from '../support/run-cli-in-process.js';

const root = join(import.meta.dirname, '../..');

test('modelship schema prints a JSON Schema that accepts our config and rejects a typo', async () => {
  const run = await runModelship(['schema'], root);
  assert.equal(run.code, 0, run.stderr);
  const schema = JSON.parse(run.stdout) as { properties: Record<string, unknown> };
  assert.ok(schema.properties.validate && schema.properties.drift);
  const validate = new Ajv2020.default({ strict: false }).compile(schema);
  assert.equal(
    validate(parse(readFileSync(join(root, '.github/modelship.yml'), 'utf8'))),
    true,
    JSON.stringify(validate.errors),
  );
  assert.equal(validate({ version: 1, validate: { 'fail-onn': 'error' } }), false);
});

test('modelship schema --checks describes the checks file, and the example checks conform', async () => {
  const run = await runModelship(['schema', '--checks'], root);
  assert.equal(run.code, 0, run.stderr);
  const validate = new Ajv2020.default({ strict: false }).compile(JSON.parse(run.stdout));
  assert.equal(
    validate(parse(readFileSync(join(root, 'examples/checks.yml'), 'utf8'))),
    true,
    JSON.stringify(validate.errors),
  );
  assert.equal(validate({ checks: [{ check: 'not-a-check' }] }), false);
});
