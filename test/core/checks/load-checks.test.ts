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
    assert.match(error.details.join('\n'), /line 5, checks\[1\]: Unrecognized key: "colour"/);
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
