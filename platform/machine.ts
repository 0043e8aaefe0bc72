import { availableParallelism, cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { Machine } from '../jobs/ports/machine.js';

/** This process's machine: os.cpus() for the model, the threads Node may use, performance.now(). */
export const thisMachine: Machine = {
  cpu() {
    const list = cpus();
    return { model: list[0]?.model.trim() || 'unknown CPU', threads: availableParallelism() };
  },
  now: () => performance.now(),
};
