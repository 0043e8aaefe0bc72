/** The machine a job measures on: latency numbers mean little without the CPU they were taken on. */
export interface Machine {
  /** The CPU's model name and how many hardware threads it has. */
  cpu(): { model: string; threads: number };
  /** A monotonic clock in milliseconds, with sub-millisecond resolution (for timing inference). */
  now(): number;
}
