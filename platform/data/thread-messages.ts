import type { MessagePort } from 'node:worker_threads';
import type { Batch } from '../../core/data/types.js';
import { UserError } from '../../core/errors.js';
import type { FromWorker, ToWorker } from './dataset-worker-protocol.js';

/** What the data threads share about messaging: errors as messages, inboxes, paced posting. */

/** Batches (or blocks of records) made ahead of their consumer: enough to keep threads busy, few enough to bound memory. */
export const AHEAD = 2;

export function transferables(batch: Batch): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>([batch.lines.buffer as ArrayBuffer]);
  for (const chunk of batch.columns) {
    buffers.add(chunk.valid.buffer as ArrayBuffer);
    buffers.add((chunk.type === 'string' ? chunk.codes.buffer : chunk.values.buffer) as ArrayBuffer);
  }
  return [...buffers];
}

export function failure(error: unknown): Extract<FromWorker, { type: 'user-error' | 'error' }> {
  if (error instanceof UserError) {
    const { kind, message, location, details } = error;
    return { type: 'user-error', kind, message, location, details: [...details] };
  }
  return {
    type: 'error',
    message: error instanceof Error ? error.message : String(error),
    stack: error instanceof Error ? error.stack : undefined,
  };
}

export interface Inbox<T> {
  queue: T[];
  receive(): Promise<T>;
}

/** Messages of one port as a queue to await. */
export function inbox<T>(port: MessagePort): Inbox<T> {
  const queue: T[] = [];
  let wake: (() => void) | undefined;
  port.on('message', (message: T) => {
    queue.push(message);
    wake?.();
  });
  return {
    queue,
    async receive(): Promise<T> {
      while (queue.length === 0) await new Promise<void>((ok) => (wake = ok));
      return queue.shift()!;
    },
  };
}

/** Posts batches on the port, never more than AHEAD beyond the consumer's requests for the next one. */
export function batchPoster(port: MessagePort, requests: Inbox<ToWorker>) {
  let credit = AHEAD;
  return async (batch: Batch) => {
    while (credit === 0) {
      await requests.receive();
      credit++;
    }
    credit--;
    port.postMessage({ type: 'batch', batch } satisfies FromWorker, transferables(batch));
    credit += requests.queue.splice(0).length;
  };
}
