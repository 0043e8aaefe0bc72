import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadChecks } from '../../../core/checks/load-checks.js';
import { linearRegex } from '../../../core/checks/regex/linear-regex.js';
import { patternTest } from '../../../core/checks/regex/pattern-test.js';
import { parseRegex } from '../../../core/checks/regex/regex-syntax.js';
import { runChecks } from '../../../core/checks/run-checks.js';
import { UserError } from '../../../core/errors.js';
import { tableStream } from '../../support/table-stream.js';

describe('regex checks never backtrack without end', () => {
  it('runs ^(a+)+$ on 30-character values at once, with the same verdicts as V8', async () => {
    // V8 alone takes 35–45 s on each of these failing values.
    const values = ['a'.repeat(30) + 'b', 'a'.repeat(31) + '!', 'a'.repeat(30), 'a'.repeat(29) + 'c'];
    const checks = loadChecks("checks:\n  - check: regex\n    column: s\n    pattern: '^(a+)+$'\n", 'c.yml');
    const started = performance.now();
    const report = await runChecks(tableStream({ s: values }), checks);
    assert.ok(performance.now() - started < 2000, `took ${performance.now() - started} ms`);
    const result = report.results[0]!;
    assert.equal(result.success, false);
    assert.equal(result.unexpectedCount, 3);
    assert.deepEqual(
      result.examples.map((e) => e.row),
      [1, 2, 4],
    );
  });

  it('runs ^.*a.*b.*c.*d$ on 900-character values at once (V8 alone: 11 s each)', async () => {
    const values = ['abc'.repeat(300), 'abc'.repeat(300) + 'd', 'x'.repeat(900)];
    const checks = loadChecks(
      "checks:\n  - check: regex\n    column: s\n    pattern: '^.*a.*b.*c.*d$'\n",
      'c.yml',
    );
    const started = performance.now();
    const report = await runChecks(tableStream({ s: values }), checks);
    assert.ok(performance.now() - started < 2000, `took ${performance.now() - started} ms`);
    assert.equal(report.results[0]!.unexpectedCount, 2);
  });

  it('runs risky patterns on the linear engine and ordinary ones on V8', () => {
    const engine = (p: string) => {
      const run = patternTest(p);
      return 'engine' in run ? run.engine : run.problem;
    };
    assert.equal(engine('^ST-\\d{3}$'), 'native');
    assert.equal(engine('^[A-Z][a-z]+(?: [A-Z][a-z]+)?$'), 'native');
    assert.equal(engine('^(a|b|c)+$'), 'native'); // one character from a set: nothing to backtrack over
    assert.equal(engine('^(a+)+$'), 'linear');
    assert.equal(engine('^(\\w+\\s?)*$'), 'linear');
    assert.equal(engine('^(x|xy)+z$'), 'linear');
    assert.equal(engine('^[\\w.]+@([\\w-]+\\.)+[\\w-]{2,4}$'), 'linear');
    // Repetitions that cannot trade characters stay on V8.
    assert.equal(engine('^[A-Z]+-\\d+$'), 'native');
    assert.equal(engine('^\\d+(\\.\\d+)?$'), 'native');
    assert.equal(engine('^([^,]*),([^,]*)$'), 'native');
    assert.equal(engine('^(?!test).*$'), 'native');
    // Ones that can trade take polynomial time on V8.
    assert.equal(engine('^.*a.*b.*c.*d$'), 'linear');
    assert.equal(engine('\\s*\\s*\\s*x'), 'linear');
    assert.equal(engine('^(.*),(.*)$'), 'linear');
    assert.equal(engine('^[a-z]+[a-z0-9]*[0-9]+$'), 'linear');
    assert.match(engine('^(.*)\\1$'), /polynomial time.*a backreference/);
  });

  it('refuses a risky pattern the linear engine cannot run, at its line, naming the check', () => {
    let error: unknown;
    try {
      loadChecks(
        "checks:\n  - check: not-null\n    column: s\n  - check: regex\n    column: s\n    pattern: '^(a+)+\\1$'\n",
        'c.yml',
      );
    } catch (e) {
      error = e;
    }
    assert.ok(error instanceof UserError);
    assert.equal(error.location.file, 'c.yml');
    assert.equal(error.location.line, 6);
    assert.equal(error.location.field, 'checks[1].pattern');
    assert.match(error.details[0]!, /exponential time.*a backreference/);
  });

  it('the linear engine agrees with V8 on every pattern and text it runs', () => {
    const patterns = [
      '^(a+)+$',
      '(ab|a)*c',
      '^\\d{3}-\\d{2,4}$',
      '\\bfoo\\b',
      '\\Bo',
      '^$',
      '',
      '[^a-z]',
      '^.$',
      '[\\d.-]+',
      '[\\w-]+@([\\w-]+\\.)+[\\w-]{2,4}',
      'a{2,}',
      'a{,2}',
      '{',
      '^(?:a|bc)+$',
      '(?<n>ab)+',
      '\\x41\\u0042',
      '[\\s\\S]',
      '[^\\d\\s]',
      '[\\b]',
      '\\cJ',
      'a|',
      '(a*)*b',
      '^(a?){3}a{3}$',
      '[-a]',
      '[]',
      '[^]',
      'a$|^b',
      '(foo|foobar)+baz',
      '^(\\w+\\s?)*$',
      '(x+x+)+y',
      '^.*a.*b.*c$',
      '^(.*),(.*)$',
      '\\s*\\s*x',
      '^\\S+@\\S+\\.\\S+$',
      // Where RE2's syntax means something else (its . takes \r, its \s no \v or U+00A0, it reads
      // code points): the engine must keep JavaScript's meaning.
      '^\\s+$',
      '^\\w+$',
      '^\\d+$',
      '^..$',
      'a.b',
      '^[^x]$',
    ];
    const texts = [
      '',
      'a',
      'aaa',
      'ab',
      'abc',
      'aab',
      'bc',
      'foo',
      'foo bar',
      'a,b',
      '  x',
      'a@b.c',
      'abcabc',
      'fooo',
      'a.b@c-d.com',
      'x@y.z',
      '123-45',
      '123-4567',
      '1234-56',
      'AB',
      'foobarbaz',
      'foofoobaz',
      '\n',
      '\b',
      'a\nb',
      'xxxy',
      'xxxx',
      ' ',
      '{',
      '\u00a0',
      '\v',
      '\u2028',
      'a\rb',
      'é',
      '١٢٣',
      '😀',
      '\uD83D',
      'x\u3000',
    ];
    for (const p of patterns) {
      const linear = linearRegex(parseRegex(p));
      assert.ok(linear, `unsupported: ${p}`);
      const native = new RegExp(p);
      for (const t of texts) assert.equal(linear(t), native.test(t), `/${p}/ on ${JSON.stringify(t)}`);
    }
  });

  it('agrees with V8 when a pattern needs more DFA states than the cache holds', () => {
    // The 13th character from the end is an a: 2^13 states, more than the cache keeps.
    const pattern = '(a|b)*a(a|b){12}$';
    const linear = linearRegex(parseRegex(pattern))!;
    const native = new RegExp(pattern);
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let i = 0; i < 20; i++) {
      const text = Array.from({ length: 600 }, () => (random() < 0.5 ? 'a' : 'b')).join('');
      for (const t of [text, `${text.slice(0, -13)}b${'a'.repeat(12)}`])
        assert.equal(linear(t), native.test(t), `text ${i}`);
    }
  });
});
