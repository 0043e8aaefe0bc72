/** The time, passed in so that a job's results (freshness, durations) can be tested at a fixed one. */
export interface Clock {
  now(): Date;
}
