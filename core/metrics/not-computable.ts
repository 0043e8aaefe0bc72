import type { NotComputable } from './metric-value.js';

/** A metric with no value, and the one sentence that says why. */
export function notComputable(reason: string): NotComputable {
  return { notComputable: reason };
}

/** Every metric of `names` as not computable for the same reason (an empty holdout, non-finite input). */
export function allNotComputable<Name extends string>(
  names: readonly Name[],
  reason: string,
): Partial<Record<Name, NotComputable>> {
  const metrics: Partial<Record<Name, NotComputable>> = {};
  for (const name of names) metrics[name] = notComputable(reason);
  return metrics;
}
