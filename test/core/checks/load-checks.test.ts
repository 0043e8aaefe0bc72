import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { checksFileSchema, CHECK_KINDS } from '../../../core/checks/check-schema.js';
import { loadChecks } from '../../../core/checks/load-checks.js';
import { runChecks } from '../../../core/checks/run-checks.js';
import { requiredColumns, requiredColumnTypes } from '../../../core/checks/run-checks.js';
import { formatUserError, UserError } from '../../../core/errors.js';
import { tableStream } from '../../support/table-stream.js';

function userError(fn: () => unknown): UserError {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof UserError, String(error));
    return error;
  }
  assert.fail('expected a UserError');
}

describe('loadChecks', () => {
  it('applies defaults, names checks and records their lines', () => {
    const loaded = loadChecks(
      `# header
data:
  path: data/train.csv
checks:
  - check: not-null
    column: age
  - check: between
    column: age
    min: 0
    name: sane age
  - check: not-null
    column: age
    severity: warning
`,
      'checks.yml',
    );
    assert.deepEqual(loaded.data, { path: 'data/train.csv' });
    assert.deepEqual(
      loaded.checks.map((c) => [c.name, c.line, c.check.severity]),
      [
        ['not-null(age)', 5, 'error'],
        ['sane age', 7, 'error'],
        ['not-null(age) #2', 11, 'warning'],
      ],
    );
    assert.equal(loaded.checks[0]!.fieldLines.column, 6);
    assert.deepEqual(loaded.checks[1]!.check, {
      check: 'between',
      column: 'age',
      min: 0,
      name: 'sane age',
      severity: 'error',
      'strict-min': false,
      'strict-max': false,
      mostly: 1,
    });
  });

  it('reports every problem at once, with lines: unknown kinds, bad regex, wrong types', () => {
    const error = userError(() =>
      loadChecks(
        `checks:
  - check: not-nul
    column: age
  - check: regex
    column: code
    pattern: '[a-'
  - check: between
    column: age
    min: low
  - check: mean
    column: age
  - check: not-null
    column: age
    mostly: 2
  - check: freshness
    column: at
    max-age: 3 days
`,
        'checks.yml',
      ),
    );
    assert.equal(error.kind, 'config');
    assert.equal(error.location.file, 'checks.yml');
    assert.equal(error.location.line, 2);
    assert.equal(error.message, '6 problems in the configuration');
    const details = error.details.join('\n');
    assert.match(
      details,
      new RegExp(
        `line 2, checks\\[0\\]\\.check: unknown check "not-nul"; the checks are: ${CHECK_KINDS.join(', ')}`,
      ),
    );
    assert.match(
      details,
      /line 6, checks\[1\]\.pattern: invalid regular expression: Unterminated character class/,
    );
    assert.match(details, /line 9, checks\[2\]\.min: must be a number, or an ISO 8601 timestamp/);
    assert.match(details, /line 10, checks\[3\]: needs at least one of "min", "max"/);
    assert.match(details, /line 14, checks\[4\]\.mostly: .*<=1/);
    assert.match(details, /line 17, checks\[5\]\.max-age: must be a duration like 90m, 36h, 7d, 1w or 1d12h/);
  });

  it('rejects unknown keys and a unique with both or neither column forms', () => {
    const error = userError(() =>
      loadChecks(
        'checks:\n  - check: unique\n    column: a\n    columns: [a, b]\n  - check: min\n    column: a\n    value: 1\n    colour: red\n',
        'c.yml',
      ),
    );
    assert.match(error.details.join('\n'), /checks\[0\]: needs either "column" or "columns"/);
    assert.match(
      error.details.join('\n'),
      /line 8, checks\[1\]\.colour: unknown key "colour"; the keys here are: /,
    );
  });

  it('says which columns to decode and which to force to text', () => {
    const loaded = loadChecks(
      `checks:
  - {check: columns-present, columns: [maybe]}
  - {check: regex, column: zip, pattern: '^\\d{5}$'}
  - {check: allowed-values, column: n, values: [1, 2]}
  - {check: allowed-values, column: c, values: [a, b]}
  - {check: unique, columns: [zip, n]}
  - {check: row-count, min: 1}
`,
      'c.yml',
    );
    assert.deepEqual(requiredColumns(loaded), ['zip', 'n', 'c']);
    // A record without a prototype, so a column named __proto__ or constructor is an ordinary key.
    assert.deepEqual({ ...requiredColumnTypes(loaded) }, { zip: 'string', c: 'string' });
  });

  it('names the checks file, line and field of an unknown column and suggests the closest name', async () => {
    const checks = loadChecks(
      'checks:\n  - check: not-null\n    column: age\n  - check: mean\n    min: 1\n    column: agee\n  - check: unique\n    columns: [id, nmae]\n',
      'checks.yml',
    );
    const stream = tableStream({ id: [1], age: [2], name: ['x'] });
    await assert.rejects(runChecks(stream, checks), (error: unknown) => {
      assert.ok(error instanceof UserError);
      assert.deepEqual(error.location, { file: 'checks.yml', line: 6, field: 'checks[1].column' });
      assert.equal(
        formatUserError(error),
        [
          'checks.yml:6 (checks[1].column): 2 checks do not fit the data; the first: unknown column "agee" (did you mean "age"?) — the data has: id, age, name',
          '  - checks.yml:6 (checks[1].column): unknown column "agee" (did you mean "age"?) — the data has: id, age, name',
          '  - checks.yml:8 (checks[2].columns[1]): unknown column "nmae" (did you mean "name"?) — the data has: id, age, name',
        ].join('\n'),
      );
      return true;
    });
  });

  it('generates a JSON Schema with a description on every check and field', () => {
    const schema = z.toJSONSchema(checksFileSchema, { io: 'input' }) as unknown as {
      properties: {
        checks: {
          items: { oneOf: { description?: string; properties: Record<string, { description?: string }> }[] };
        };
      };
    };
    const options = schema.properties.checks.items.oneOf;
    assert.equal(options.length, CHECK_KINDS.length);
    for (const option of options) {
      assert.ok(option.description);
      for (const [key, property] of Object.entries(option.properties)) assert.ok(property.description, key);
    }
  });
});

describe('loadChecks refuses checks files that could never pass or check nothing', () => {
  it('rejects bounds no value can meet, at the line of max, in every check with a range', () => {
    const error = userError(() =>
      loadChecks(
        `checks:
  - check: between
    column: a
    min: 5
    max: 1
  - check: row-count
    min: 10
    max: 2
  - check: string-length
    column: a
    min: 3
    max: 2
  - check: mean
    column: a
    min: 3
    max: 2
  - check: std
    column: a
    min: 3
    max: 2
  - check: median
    column: a
    min: 3
    max: 2
  - check: quantile
    column: a
    q: 0.9
    min: 3
    max: 2
  - check: between
    column: t
    min: 2024-05-02
    max: 2024-05-01
  - check: between
    column: t
    min: 0
    max: 2024-05-01
  - check: between
    column: a
    min: 1
    max: 1
    strict-max: true
`,
        'checks.yml',
      ),
    );
    assert.equal(error.kind, 'config');
    assert.equal(error.location.file, 'checks.yml');
    assert.equal(error.location.line, 5);
    assert.equal(error.location.field, 'checks[0].max');
    assert.deepEqual(error.details, [
      'line 5, checks[0].max: max (1) is below min (5), so nothing can pass',
      'line 8, checks[1].max: max (2) is below min (10), so nothing can pass',
      'line 12, checks[2].max: max (2) is below min (3), so nothing can pass',
      'line 16, checks[3].max: max (2) is below min (3), so nothing can pass',
      'line 20, checks[4].max: max (2) is below min (3), so nothing can pass',
      'line 24, checks[5].max: max (2) is below min (3), so nothing can pass',
      'line 29, checks[6].max: max (2) is below min (3), so nothing can pass',
      'line 33, checks[7].max: max (2024-05-01) is below min (2024-05-02), so nothing can pass',
      'line 37, checks[8].max: min (0) and max (2024-05-01) must both be numbers or both be timestamps',
      'line 41, checks[9].max: min and max are both 1 and the range is strict, so nothing can pass',
    ]);
  });

  it('rejects a zero freshness window, which no data can meet', () => {
    const error = userError(() =>
      loadChecks('checks:\n  - check: freshness\n    column: at\n    max-age: 0d\n', 'c.yml'),
    );
    assert.deepEqual(error.details, [
      'line 4, checks[0].max-age: must be longer than zero, so some data can pass',
    ]);
  });

  it('accepts equal bounds when the range includes them', () => {
    const loaded = loadChecks(
      'checks:\n  - check: between\n    column: a\n    min: 1\n    max: 1\n',
      'c.yml',
    );
    assert.equal(loaded.checks.length, 1);
  });

  it('reports each unknown key at its own line, with the key meant or the keys allowed there', () => {
    const error = userError(() =>
      loadChecks(
        'checks:\n  - check: min\n    column: a\n    value: 1\n    colour: red\n    sevrity: warning\n    size:\n      x: 1\n',
        'c.yml',
      ),
    );
    assert.equal(error.location.line, 5);
    assert.equal(error.location.field, 'checks[0].colour');
    assert.deepEqual(error.details, [
      'line 5, checks[0].colour: unknown key "colour"; the keys here are: check, column, value, strict, mostly, name, severity',
      'line 6, checks[0].sevrity: unknown key "sevrity" (did you mean "severity"?)',
      'line 7, checks[0].size: unknown key "size"; the keys here are: check, column, value, strict, mostly, name, severity',
    ]);
  });

  it('suggests a key even where the mapping is named like an Object member', () => {
    const error = userError(() => loadChecks('checks:\n  - check: constructor\n    column: a\n', 'c.yml'));
    assert.match(error.details[0]!, /unknown check "constructor"/);
    const top = userError(() =>
      loadChecks('checks: [{check: not-null, column: a}]\nconstructor: 1\n', 'c.yml'),
    );
    assert.deepEqual(top.details, [
      'line 2, constructor: unknown key "constructor"; the keys here are: checks, data',
    ]);
  });

  it('says an empty file, an empty list and a missing list leave nothing to check', () => {
    for (const text of ['', '# nothing yet\n']) {
      const error = userError(() => loadChecks(text, 'checks.yml'));
      assert.equal(error.kind, 'config');
      assert.equal(error.location.file, 'checks.yml');
      assert.match(error.message, /the checks file is empty, so there is nothing to check/);
    }
    const cases: [string, string][] = [
      ['checks: []\n', 'line 1, checks: the list is empty, so there is nothing to check'],
      ['checks:\n', 'line 1, checks: is empty, so there is nothing to check: list the checks under it'],
      [
        'data:\n  path: a.csv\n',
        'line 1, checks: missing: a checks file lists its checks under a "checks:" key',
      ],
    ];
    for (const [text, detail] of cases) {
      const error = userError(() => loadChecks(text, 'checks.yml'));
      assert.equal(error.location.file, 'checks.yml');
      assert.equal(error.location.line, 1);
      assert.deepEqual(error.details, [detail]);
    }
  });

  it('says when the checks file looks like data (the data and checks arguments swapped)', () => {
    const csv = 'age,income,city\n31,5000,Paris\n';
    const cases: [string, string, RegExp][] = [
      [csv, 'data/train.csv', /has a data file's extension \(\.csv\)/],
      [csv, 'data/train', /its first line "age,income,city" reads like a CSV header/],
      ['{"a":1}\n{"a":2}\n', 'data/train', /its lines are JSON objects/],
      ['PAR1\u0015\u0004', 'data/train', /it is a Parquet file/],
      ['- 1\n- 2\n', 'data/train', /a list of plain values/],
    ];
    for (const [text, file, reason] of cases) {
      const error = userError(() => loadChecks(text, file));
      assert.equal(error.kind, 'config');
      assert.equal(error.location.file, file);
      assert.match(error.message, /^this looks like data, not a checks file: /);
      assert.match(error.message, reason);
      assert.match(error.message, /Were the data and the checks swapped/);
    }
  });

  it('says a bare list of checks needs the "checks:" key', () => {
    const error = userError(() => loadChecks('- check: not-null\n  column: a\n', 'checks.yml'));
    assert.equal(error.message, 'the list of checks must sit under a "checks:" key');
  });

  it('refuses a YAML alias bomb as a mistake in the named file, not a crash', () => {
    const levels = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (const [i, name] of ['b', 'c', 'd', 'e', 'f', 'g'].entries()) {
      const previous = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`);
    }
    const error = userError(() => loadChecks(`${levels.join('\n')}\nchecks: [*g]\n`, 'bomb.yml'));
    assert.equal(error.kind, 'config');
    assert.equal(error.location.file, 'bomb.yml');
    assert.match(error.message, /too many YAML aliases/);
  });
});
