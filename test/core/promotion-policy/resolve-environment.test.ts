import assert from 'node:assert/strict';
import { test } from 'node:test';
import { environmentsSchema } from '../../../core/config/environments-config-schema.js';
import { resolveEnvironment } from '../../../core/promotion-policy/resolve-environment.js';

const environments = environmentsSchema.parse({
  staging: {},
  production: { after: 'staging', protected: true },
});

const cases: {
  name: string;
  command: Parameters<typeof resolveEnvironment>[0];
  config: Parameters<typeof resolveEnvironment>[1];
  expect: { name: string; defaulted: boolean } | { code: string; message: string };
}[] = [
  {
    name: 'a named environment',
    command: { kind: 'promote', version: 'v5', environment: 'production' },
    config: { environments },
    expect: { name: 'production', defaulted: false },
  },
  {
    name: 'the default environment when none is named',
    command: { kind: 'promote', version: 'v5' },
    config: { environments, 'default-environment': 'staging' },
    expect: { name: 'staging', defaulted: true },
  },
  {
    name: 'no default: the command must name one (the example names the protected one)',
    command: { kind: 'promote', version: 'v5.1', model: 'fraud' },
    config: { environments },
    expect: {
      code: 'environment-required',
      message: 'Name the environment: /promote v5.1 fraud to production',
    },
  },
  {
    name: 'a protected default is never used by a naked command',
    command: { kind: 'promote', version: 'v5' },
    config: { environments, 'default-environment': 'production' },
    expect: {
      code: 'default-environment-protected',
      message:
        'Name the environment: /promote v5 to production (production is protected, so a command must name it).',
    },
  },
  {
    name: 'a protected default, for a rollback',
    command: { kind: 'rollback' },
    config: { environments, 'default-environment': 'production' },
    expect: {
      code: 'default-environment-protected',
      message: 'Name the environment: /rollback production (',
    },
  },
  {
    name: 'an unknown environment gets a suggestion',
    command: { kind: 'promote', version: 'v5', environment: 'prodution' },
    config: { environments },
    expect: {
      code: 'unknown-environment',
      message: 'There is no environment "prodution": did you mean production?',
    },
  },
  {
    name: 'an unknown environment with no close name lists them',
    command: { kind: 'status', environment: 'qa' },
    config: { environments },
    expect: {
      code: 'unknown-environment',
      message: 'There is no environment "qa" (environments: staging, production).',
    },
  },
  {
    name: "a default that is not configured is the config's mistake",
    command: { kind: 'rollback' },
    config: { environments, 'default-environment': 'stage' },
    expect: {
      code: 'default-environment-unknown',
      message: 'default-environment "stage" is not one of its environments',
    },
  },
  {
    name: 'no environments at all',
    command: { kind: 'promote', version: 'v5', environment: 'staging' },
    config: {},
    expect: { code: 'no-environments', message: 'configures no environments' },
  },
];

for (const c of cases)
  test(`resolveEnvironment: ${c.name}`, () => {
    const result = resolveEnvironment(c.command, c.config);
    if ('code' in c.expect) {
      assert.equal(result.ok, false);
      if (result.ok) return;
      assert.equal(result.code, c.expect.code);
      assert.ok(result.message.includes(c.expect.message), result.message);
    } else {
      assert.equal(result.ok, true, JSON.stringify(result));
      if (!result.ok) return;
      assert.equal(result.name, c.expect.name);
      assert.equal(result.defaulted, c.expect.defaulted);
      assert.equal(result.environment, c.config.environments![c.expect.name]);
    }
  });
