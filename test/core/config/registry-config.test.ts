import assert from 'node:assert/strict';
import { test } from 'node:test';
import { z } from 'zod';
import { modelshipConfigSchema } from '../../../core/config/modelship-config-schema.js';
import { parseYamlWithSchema } from '../../../core/config/parse-yaml.js';
import { isUserError, UserError } from '../../../core/errors.js';
import { assertStageAllowed } from '../../../core/registry/assert-stage-allowed.js';

const FILE = '.github/modelship.yml';

function refusal(text: string): string {
  try {
    parseYamlWithSchema(text, FILE, modelshipConfigSchema);
  } catch (error) {
    assert.ok(isUserError(error));
    return [error.message, ...error.details].join('\n');
  }
  assert.fail('the configuration was accepted');
}

test('registry: storage defaults to release; name, stages and an S3 prefix are read', () => {
  assert.deepEqual(parseYamlWithSchema('version: 1\n', FILE, modelshipConfigSchema).registry, {
    storage: 'release',
  });
  const config = parseYamlWithSchema(
    'registry:\n  name: models/churn:xgb\n  stages: [staging, prod]\n  storage: s3://acme-models/registry\n',
    FILE,
    modelshipConfigSchema,
  );
  assert.deepEqual(config.registry, {
    name: 'models/churn:xgb',
    stages: ['staging', 'prod'],
    storage: 's3://acme-models/registry',
  });
});

test('registry: a bad name, stage or storage is refused saying what is valid', () => {
  assert.match(refusal('registry:\n  name: fraud model\n'), /must be a model name.*e\.g\. fraud/);
  assert.match(refusal('registry:\n  stages: [prod, "pr od"]\n'), /must be a stage name/);
  assert.match(refusal('registry:\n  stages: []\n'), /at least one stage/);
  assert.match(refusal('registry:\n  storage: gs://bucket\n'), /must be "release" or s3:\/\/bucket\/prefix/);
  assert.match(refusal('registry:\n  stage: [prod]\n'), /stage/);
});

test('the JSON Schema shows the registry section with its descriptions', () => {
  const schema = z.toJSONSchema(modelshipConfigSchema, {
    io: 'input',
    target: 'draft-2020-12',
  }) as unknown as {
    properties: { registry: { description: string; properties: Record<string, { description?: string }> } };
  };
  assert.match(schema.properties.registry.description, /model registry/);
  assert.match(schema.properties.registry.properties.stages!.description!, /assigning any other is refused/);
  assert.match(schema.properties.registry.properties.storage!.description!, /s3:\/\/bucket\/prefix/);
});

test('assertStageAllowed refuses a stage outside registry.stages, and any stage GTO cannot write', () => {
  assert.doesNotThrow(() => assertStageAllowed('prod', ['staging', 'prod']));
  assert.doesNotThrow(() => assertStageAllowed('canary', undefined));
  assert.throws(
    () => assertStageAllowed('canary', ['staging', 'prod'], '--stage'),
    (e: unknown) =>
      e instanceof UserError &&
      /registry\.stages: staging, prod/.test(e.message) &&
      e.location.field === '--stage',
  );
  assert.throws(() => assertStageAllowed('pr#od', undefined), UserError);
});
