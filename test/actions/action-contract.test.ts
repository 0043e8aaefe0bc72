import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import type { z } from 'zod';

const root = join(import.meta.dirname, '../..');
const actionNames = readdirSync(join(root, 'actions')).filter((n) =>
  existsSync(join(root, 'actions', n, 'action.yml')),
);

interface ActionYaml {
  name: string;
  description: string;
  runs: { using: string; main: string };
  inputs?: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs?: Record<string, { description: string }>;
}

test('there are actions to check', () => assert.ok(actionNames.length > 0));

for (const name of actionNames) {
  test(`actions/${name}: action.yml and its inputs schema agree; it runs its own bundle on node24`, async () => {
    const meta = parse(readFileSync(join(root, 'actions', name, 'action.yml'), 'utf8')) as ActionYaml;
    assert.equal(meta.runs.using, 'node24');
    assert.equal(meta.runs.main, `../../dist/${name}.js`, "main must point at the action's own dist entry");
    assert.ok(
      existsSync(resolve(root, 'actions', name, meta.runs.main)),
      `${meta.runs.main} is missing: run npm run build`,
    );
    assert.ok(meta.description.length > 10);

    const { inputsSchema } = (await import(`../../actions/${name}/inputs.ts`)) as {
      inputsSchema: z.ZodObject;
    };
    assert.deepEqual(Object.keys(meta.inputs ?? {}).sort(), Object.keys(inputsSchema.shape).sort());
    for (const [input, spec] of Object.entries(meta.inputs ?? {})) {
      assert.ok(spec.description, `input ${input} needs a description`);
      const optional = inputsSchema.shape[input]!.safeParse(undefined).success;
      assert.equal(
        spec.required === true,
        !optional && spec.default === undefined,
        `input ${input}: "required" disagrees with the schema`,
      );
    }
    for (const [output, spec] of Object.entries(meta.outputs ?? {}))
      assert.ok(spec.description, `output ${output} needs a description`);
  });
}

test('the root action offers every action as a command, with the union of their inputs and outputs', () => {
  const rootMeta = parse(readFileSync(join(root, 'action.yml'), 'utf8')) as ActionYaml;
  assert.equal(rootMeta.runs.using, 'node24');
  assert.equal(rootMeta.runs.main, 'dist/modelship.js');
  const metas = actionNames.map(
    (name) => parse(readFileSync(join(root, 'actions', name, 'action.yml'), 'utf8')) as ActionYaml,
  );
  const union = (pick: (m: ActionYaml) => object | undefined) =>
    [...new Set(metas.flatMap((m) => Object.keys(pick(m) ?? {})))].sort();
  assert.deepEqual(Object.keys(rootMeta.inputs ?? {}).sort(), ['command', ...union((m) => m.inputs)].sort());
  assert.deepEqual(
    Object.keys(rootMeta.outputs ?? {}).sort(),
    union((m) => m.outputs),
  );
  const commandHelp = rootMeta.inputs!.command!.description;
  for (const name of actionNames) assert.match(commandHelp, new RegExp(`\\b${name}\\b`));
  for (const meta of metas)
    for (const [input, spec] of Object.entries(meta.inputs ?? {}))
      assert.equal(
        rootMeta.inputs![input]!.default,
        spec.default,
        `input ${input}: default differs from actions/`,
      );
});
