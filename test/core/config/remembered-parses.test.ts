import assert from 'node:assert/strict';
import { test } from 'node:test';
import { z } from 'zod';
import { modelshipConfigSchema } from '../../../core/config/modelship-config-schema.js';
import { parseYamlWithSchema } from '../../../core/config/parse-yaml.js';
import { recallParse, rememberParse } from '../../../core/config/remembered-parses.js';
import { isUserError } from '../../../core/errors.js';

const FILE = '.github/modelship.yml';

/** A schema that counts how often it really parsed. */
function countingSchema() {
  const counter = { parses: 0 };
  const schema = z.object({ a: z.number() }).transform((value) => {
    counter.parses++;
    return value;
  });
  return { schema, counter };
}

test('the same text parses once; each caller gets its own copy, equal to a fresh parse', () => {
  const text =
    'version: 1\nenvironments:\n  staging:\n    targets:\n      - { file: values.yaml, kind: yaml, path: image.tag, model: fraud, value: "{version}" }\ndrift:\n  reference: ref.csv\n  columns:\n    __proto__: { skip: true }\n    age: { threshold: 0.1 }\n';
  const first = parseYamlWithSchema(text, FILE, modelshipConfigSchema);
  const second = parseYamlWithSchema(text, 'other.yml', modelshipConfigSchema);
  assert.deepEqual(second, first);
  assert.notEqual(second, first);
  assert.notEqual(second.environments, first.environments);
  assert.ok(second.drift?.columns instanceof Map);
  assert.notEqual(second.drift?.columns, first.drift?.columns);
  assert.deepEqual([...second.drift!.columns.keys()], ['__proto__', 'age']);
  // A caller changing its copy changes no one else's.
  first.environments!['staging']!.targets.length = 0;
  first.drift!.columns.clear();
  const third = parseYamlWithSchema(text, FILE, modelshipConfigSchema);
  assert.equal(third.environments!['staging']!.targets.length, 1);
  assert.equal(third.drift!.columns.size, 2);
});

test('a remembered parse is recalled by text and schema; failures are parsed (and refused) each time', () => {
  const { schema, counter } = countingSchema();
  assert.deepEqual(parseYamlWithSchema('a: 1\n', FILE, schema), { a: 1 });
  assert.deepEqual(parseYamlWithSchema('a: 1\n', FILE, schema), { a: 1 });
  assert.equal(counter.parses, 1);
  assert.deepEqual(parseYamlWithSchema('a: 2\n', FILE, schema), { a: 2 });
  assert.equal(counter.parses, 2);
  // Another schema does not see this one's results.
  const other = countingSchema();
  parseYamlWithSchema('a: 1\n', FILE, other.schema);
  assert.equal(other.counter.parses, 1);
  for (const file of ['one.yml', 'two.yml']) {
    assert.throws(
      () => parseYamlWithSchema('a: nope\n', file, schema),
      (error) => isUserError(error) && error.location.file === file && error.location.line === 1,
    );
  }
});

test('the cache is bounded: the least recently used text is parsed again', () => {
  const { schema, counter } = countingSchema();
  for (let i = 0; i < 20; i++) parseYamlWithSchema(`a: ${i}\n`, FILE, schema);
  assert.equal(counter.parses, 20);
  parseYamlWithSchema('a: 19\n', FILE, schema);
  assert.equal(counter.parses, 20);
  parseYamlWithSchema('a: 0\n', FILE, schema);
  assert.equal(counter.parses, 21);
});

test('values that do not copy exactly (class instances, functions) are not remembered', () => {
  class Settings {
    constructor(readonly a: number) {}
  }
  let parses = 0;
  const schema = z.object({ a: z.number() }).transform(({ a }) => (parses++, new Settings(a)));
  const first = parseYamlWithSchema('a: 1\n', FILE, schema);
  const second = parseYamlWithSchema('a: 1\n', FILE, schema);
  assert.ok(first instanceof Settings && second instanceof Settings);
  assert.equal(parses, 2);
  const key = {};
  rememberParse(key, 'x', { run: () => 1 });
  rememberParse(key, 'y', Object.defineProperty({}, 'hidden', { value: 1, enumerable: false }));
  // A sparse array (a hole is not an undefined item).
  rememberParse(key, 'z', Object.assign(new Array<number>(3), { 0: 1, 2: 3 }));
  assert.equal(recallParse(key, 'x'), undefined);
  assert.equal(recallParse(key, 'y'), undefined);
  assert.equal(recallParse(key, 'z'), undefined);
  rememberParse(key, 'w', { list: [1, { b: null }], map: new Map([['k', { c: true }]]) });
  assert.deepEqual(recallParse(key, 'w'), {
    value: { list: [1, { b: null }], map: new Map([['k', { c: true }]]) },
  });
});
