import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadChecks } from '../../../core/checks/load-checks.js';
import { runChecks } from '../../../core/checks/run-checks.js';
import { selectAnnotations } from '../../../core/report/validation/validation-annotations.js';
import { resolveValidateSettings } from '../../../jobs/validate/validate-settings.js';
import { modelshipConfigSchema } from '../../../core/config/modelship-config-schema.js';
import { tableStream } from '../../support/table-stream.js';

/** 300 rows, 246 of them failing `min(age)`, validated with `examples` kept per check. */
async function view(examples: number, inWorkspace = true) {
  const age = Array.from({ length: 300 }, (_, i) => (i < 246 ? -1 : 1));
  const checks = loadChecks('checks:\n  - check: min\n    column: age\n    value: 0\n', 'checks.yml');
  const report = await runChecks(tableStream({ age }, { source: 'data/people.csv' }), checks, {
    maxExamples: examples,
  });
  return {
    report,
    data: 'data/people.csv',
    checksSource: 'checks.yml',
    files: [{ name: 'data/people.csv', inWorkspace }],
  };
}

describe('selectAnnotations', () => {
  it('counts every failing row that got no annotation, not just the leftover examples', async () => {
    const { annotations, omitted } = selectAnnotations(await view(20), 10);
    assert.equal(annotations.length, 10);
    assert.equal(omitted, 236);
  });

  it('reaches max-annotations above the default examples, since enough examples are kept', async () => {
    const config = modelshipConfigSchema.parse({ validate: { 'max-annotations': 50 } });
    const settings = resolveValidateSettings(config, { checks: 'checks.yml' }, { data: 'd', checks: 'c' });
    assert.equal(settings.examples, 50);
    const { annotations, omitted } = selectAnnotations(
      await view(settings.examples),
      settings.maxAnnotations,
    );
    assert.equal(annotations.length, 50);
    assert.equal(omitted, 196);
  });

  it('says nothing is omitted when no data file can be annotated', async () => {
    assert.deepEqual(selectAnnotations(await view(20, false), 10), { annotations: [], omitted: 0 });
  });
});
