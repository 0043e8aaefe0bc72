import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fieldLine } from '../../../core/config/field-line.js';

const YAML = `# settings
drift:
  columns:
    a.b: { skip: true }
    a: { test: ks }
  ignore:
    - id
    - stamp
`;

test('the line of a setting named by its error path, dotted keys and list items included', () => {
  assert.equal(fieldLine(YAML, 'drift.columns.a.b'), 4);
  assert.equal(fieldLine(YAML, 'drift.columns.a.test'), 5);
  assert.equal(fieldLine(YAML, 'drift.ignore[1]'), 8);
  assert.equal(fieldLine(YAML, 'drift.columns.nope'), 3, 'a missing key points at its parent');
  assert.equal(fieldLine(YAML, 'validate'), undefined);
});
