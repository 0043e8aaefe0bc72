import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ColumnDrift, DriftReport } from '../../../core/drift/drift-result.js';
import { driftJson } from '../../../core/report/drift/drift-json.js';

test('drift JSON keeps columns named like Object.prototype members, __proto__ included', () => {
  const names = ['constructor', 'toString', '__proto__'];
  const column = (name: string) =>
    ({
      column: name,
      kind: 'numeric',
      status: 'tested',
      test: 'ks',
      statistic: 0.1,
      drift: false,
    }) as unknown as ColumnDrift;
  const report = {
    dataset: { drift: false, share: 0, drifted: 0, columns: 3 },
    columns: names.map(column),
  } as unknown as Omit<DriftReport, 'durationMs'>;
  const parsed = JSON.parse(JSON.stringify(driftJson(report))) as { columns: Record<string, unknown> };
  assert.deepEqual(Object.keys(parsed.columns), names);
});
