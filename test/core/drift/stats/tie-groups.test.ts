import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tieGroups } from '../../../../core/drift/stats/tie-groups.js';

const of = (...values: number[]) => Float64Array.from(values);

describe('tieGroups', () => {
  it('counts each distinct pooled value in both samples, ascending', () => {
    const groups = tieGroups(of(1, 1, 2, 5), of(0, 1, 5, 5, 7));
    assert.equal(groups.count, 5); // 0, 1, 2, 5, 7
    assert.deepEqual(Array.from(groups.inA), [0, 2, 1, 1, 0]);
    assert.deepEqual(Array.from(groups.inB), [1, 1, 0, 2, 1]);
  });

  it('has one group per value when nothing is tied', () => {
    const groups = tieGroups(of(-3, 0.5, 9), of(-1, 2));
    assert.equal(groups.count, 5);
    assert.deepEqual(Array.from(groups.inA), [1, 0, 1, 0, 1]);
    assert.deepEqual(Array.from(groups.inB), [0, 1, 0, 1, 0]);
  });

  it('treats −0 and 0 as one value, as NumPy does', () => {
    const groups = tieGroups(of(-0, 0), of(0));
    assert.equal(groups.count, 1);
    assert.deepEqual([groups.inA[0], groups.inB[0]], [2, 1]);
  });

  it('handles empty samples', () => {
    assert.equal(tieGroups(of(), of()).count, 0);
    const groups = tieGroups(of(), of(4, 4));
    assert.deepEqual([groups.count, groups.inA[0], groups.inB[0]], [1, 0, 2]);
  });
});
