import assert from 'node:assert/strict';
import { test } from 'node:test';
import { replayStage, stageTimeline } from '../../../core/promotion-policy/stage-timeline.js';
import { at, stageEvent as e } from './stage-events.js';

test('stageTimeline replays GTO: the latest assignment still in effect holds the stage', () => {
  const events = [
    e('assign', 'v1', 'staging', 0),
    e('assign', 'v2', 'staging', 1),
    e('assign', 'v1', 'production', 2),
    e('unassign', 'v2', 'staging', 3), // v1 comes back
    e('assign', 'v1', 'staging', 4), // re-assigning the holder does not restart its period
    e('assign', 'v3', 'staging', 5, 'churn'), // another model
    e('unassign', 'v1', 'staging', 6), // nobody
  ];
  assert.deepEqual(stageTimeline(events, 'staging', { model: 'fraud' }), [
    { at: at(0), version: 'v1' },
    { at: at(1), version: 'v2' },
    { at: at(3), version: 'v1' },
    { at: at(6), version: undefined },
  ]);
  assert.deepEqual(stageTimeline(events, 'staging', { model: 'fraud', until: at(3.5) }).at(-1), {
    at: at(3),
    version: 'v1',
  });
  assert.deepEqual(stageTimeline(events, 'production'), [{ at: at(2), version: 'v1' }]);
});

test('stageTimeline orders by time, ties in the order given, and skips unreadable times', () => {
  const a = e('assign', 'v1', 'staging', 2);
  const b = e('assign', 'v2', 'staging', 2);
  const bad = { ...e('assign', 'v9', 'staging', 0), at: 'yesterday' };
  assert.deepEqual(stageTimeline([b, a, bad], 'staging'), [
    { at: at(2), version: 'v2' },
    { at: at(2), version: 'v1' },
  ]);
});

test('replayStage lists the assignments in effect, most recent first', () => {
  const events = [
    e('assign', 'v4', 'production', 0),
    e('assign', 'v5', 'production', 1),
    e('assign', 'v6', 'production', 2),
    e('unassign', 'v5', 'production', 3),
  ];
  assert.deepEqual(
    replayStage(events, 'production').assigned.map((a) => a.version),
    ['v6', 'v4'],
  );
});
