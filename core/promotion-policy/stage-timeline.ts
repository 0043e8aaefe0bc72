import type { RegistryEvent } from '../registry/registry-types.js';

/** From `at` on (until the next period), `version` held the stage (`undefined`: nobody did). */
export interface StagePeriod {
  at: string;
  version: string | undefined;
}

/**
 * Who held a stage when, by GTO's rule replayed event by event: the holder is, among the versions
 * whose latest event for the stage is an assignment, the one assigned most recently (so
 * unassigning the newest brings the previous one back). Events are ordered by time, ties kept in
 * the order given (the registry lists them by their counter); events after `until` are not yet
 * (a stage tag made after the comment does not count). Consecutive periods of one holder are
 * merged: re-assigning the version that holds the stage does not restart its time there.
 */
export function stageTimeline(
  events: readonly RegistryEvent[],
  stage: string,
  options: { model?: string; until?: string } = {},
): StagePeriod[] {
  return replayStage(events, stage, options).periods;
}

export interface StageReplay {
  periods: StagePeriod[];
  /**
   * The versions whose latest event for the stage is an assignment, most recently assigned first:
   * the holder, then the one the stage falls back to if the holder is unassigned, and so on.
   */
  assigned: { version: string; at: string }[];
}

/** The stage's history replayed up to `until`: its periods and the assignments still in effect. */
export function replayStage(
  events: readonly RegistryEvent[],
  stage: string,
  options: { model?: string; until?: string } = {},
): StageReplay {
  const until = options.until === undefined ? Infinity : Date.parse(options.until);
  const relevant = events
    .map((event, index) => ({ event, index, time: Date.parse(event.at) }))
    .filter(
      ({ event, time }) =>
        event.stage === stage &&
        event.version !== undefined &&
        (event.action === 'assign' || event.action === 'unassign') &&
        (options.model === undefined || event.model === options.model) &&
        !Number.isNaN(time) &&
        time <= until,
    )
    .sort((a, b) => a.time - b.time || a.index - b.index);
  /** version → when its assignment in effect was made (absent: unassigned or never assigned). */
  const assigned = new Map<string, { time: number; order: number; at: string }>();
  const periods: StagePeriod[] = [];
  let order = 0;
  for (const { event, time } of relevant) {
    if (event.action === 'assign') assigned.set(event.version!, { time, order: order++, at: event.at });
    else assigned.delete(event.version!);
    let holder: string | undefined;
    let best: { time: number; order: number } | undefined;
    for (const [version, when] of assigned)
      if (!best || when.time > best.time || (when.time === best.time && when.order > best.order)) {
        holder = version;
        best = when;
      }
    const last = periods.at(-1);
    if (last ? last.version !== holder : holder !== undefined)
      periods.push({ at: event.at, version: holder });
  }
  const stack = [...assigned]
    .sort(([, a], [, b]) => b.time - a.time || b.order - a.order)
    .map(([version, { at }]) => ({ version, at }));
  return { periods, assigned: stack };
}
