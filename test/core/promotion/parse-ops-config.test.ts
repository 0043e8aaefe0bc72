import assert from 'node:assert/strict';
import { test } from 'node:test';
import { modelshipConfigSchema } from '../../../core/config/modelship-config-schema.js';
import { opsConfigSchema } from '../../../core/config/ops-config-schema.js';
import { parseYamlWithSchema } from '../../../core/config/parse-yaml.js';
import { isUserError, type UserError } from '../../../core/errors.js';
import { environmentOf, parseOpsConfig } from '../../../core/promotion/parse-ops-config.js';

const FILE = '.github/modelship.yml';
const REPO = 'acme/ops';

const TARGET = '{ file: a.yaml, kind: image, model: fraud, value: "x:{version}" }';

function refusal(run: () => unknown): UserError {
  try {
    run();
  } catch (error) {
    assert.ok(isUserError(error), String(error));
    return error;
  }
  assert.fail('the configuration was accepted');
}

/** What a user sees of a refusal: its message, location and every problem. */
function seen(error: UserError) {
  return { message: error.message, location: error.location, details: error.details };
}

test('the ops config knows the same top-level keys as the whole config, in the same order', () => {
  // A misspelt top-level key gets the same "did you mean" from both, which needs the same keys.
  assert.deepEqual(Object.keys(opsConfigSchema.shape), Object.keys(modelshipConfigSchema.shape));
});

test('mistakes in the environments are refused exactly as the whole config refuses them', () => {
  const configs = [
    // an unknown key in a target, with its nearest name
    `version: 1\nenvironments:\n  staging:\n    targets:\n      - { file: a.yaml, kind: image, model: fraud, value: "x", contaner: p }\n`,
    // a wrong kind, a bad environment name, a bad soak, a wrong type, several at once
    `environments:\n  staging:\n    targets:\n      - { file: a.yaml, kind: helm, model: fraud, value: x }\n  "bad name":\n    targets: []\n  prod:\n    soak: soon\n    protected: "yes"\n    policy: { min-role: boss }\n`,
    // a misspelt top-level key and section
    `version: 1\nenvironmnets:\n  staging: { targets: [${TARGET}] }\n`,
    `version: 2\ndefault-environment: [staging]\nenvironments:\n  staging: { targets: [${TARGET}], mode: push }\n`,
    // not YAML
    `environments:\n  staging: [\n`,
  ];
  for (const text of configs) {
    const whole = refusal(() => parseYamlWithSchema(text, `${REPO}:${FILE}`, modelshipConfigSchema));
    const ops = refusal(() => parseOpsConfig(text, FILE, REPO));
    assert.deepEqual(seen(ops), seen(whole), text);
  }
  const typo = refusal(() => parseOpsConfig(`environmnets:\n  staging: {}\n`, FILE, REPO));
  assert.match(
    typo.details.join('\n'),
    /line 1, environmnets: unknown key "environmnets" \(did you mean "environments"\?\)/,
  );
});

test('the environments and default-environment read are those of the whole config', () => {
  const text = `version: 1\ndefault-environment: staging\nenvironments:\n  staging:\n    targets: [${TARGET}]\n  prod:\n    after: staging\n    soak: 24h\n    protected: true\n`;
  const config = parseOpsConfig(text, FILE, REPO);
  const whole = parseYamlWithSchema(text, FILE, modelshipConfigSchema);
  assert.deepEqual(config.environments, whole.environments);
  assert.equal(config.file, `${REPO}:${FILE}`);
  assert.equal(config.defaultEnvironment, 'staging');
  assert.equal(config.defaultEnvironment, whole['default-environment']);
  assert.equal(parseOpsConfig(`environments:\n  staging: {}\n`, FILE, REPO).defaultEnvironment, undefined);
  assert.equal(environmentOf(config, 'prod').soak, '24h');
  assert.match(refusal(() => environmentOf(config, 'stagin')).message, /did you mean "staging"/);
});

test('other sections are not a promotion’s business: the whole config still refuses them', () => {
  // A gate section this version does not understand must not stop a promotion; `modelship
  // validate`, `gate` and the actions read the whole file and refuse it there.
  const text = `gate:\n  metrics: 3\nenvironments:\n  staging:\n    targets: [${TARGET}]\n`;
  assert.deepEqual(Object.keys(parseOpsConfig(text, FILE, REPO).environments), ['staging']);
  assert.match(
    refusal(() => parseYamlWithSchema(text, FILE, modelshipConfigSchema)).details.join('\n'),
    /line 2, gate\.metrics: /,
  );
});

test('a config without environments is refused saying what to add', () => {
  const error = refusal(() => parseOpsConfig('version: 1\n', FILE, REPO));
  assert.match(error.message, /declares no environments: add an `environments:` section/);
  assert.deepEqual(error.location, { file: `${REPO}:${FILE}`, field: 'environments' });
});
