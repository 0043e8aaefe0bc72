import type { Clock } from '../jobs/ports/clock.js';

/** The real time. */
export const systemClock: Clock = { now: () => new Date() };
