import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { openDataset } from '../../core/data/open-dataset.js';
import { collectSamples, reviveSample, type ColumnSample } from '../../core/drift/column-sample.js';
import { driftColumns } from '../../core/drift/detect-drift.js';
import type { ColumnDrift } from '../../core/drift/drift-result.js';
import type { Batch } from '../../core/data/types.js';
import { UserError } from '../../core/errors.js';
import { resolveDataFiles } from '../resolve-data-files.js';
import {
  sampleTransferables,
  WORKER_MARK,
  type ColumnsToTest,
  type FromWorker,
  type Job,
  type ToWorker,
} from './dataset-worker-protocol.js';

/** Batches parsed ahead of the consumer: enough to keep both threads busy, few enough to bound memory. */
const AHEAD = 2;

function transferables(batch: Batch): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>([batch.lines.buffer as ArrayBuffer]);
  for (const chunk of batch.columns) {
    buffers.add(chunk.valid.buffer as ArrayBuffer);
    buffers.add((chunk.type === 'string' ? chunk.codes.buffer : chunk.values.buffer) as ArrayBuffer);
  }
  return [...buffers];
}

function testColumns({ names, reference, current, config }: ColumnsToTest): ColumnDrift[] {
  const bySide = (samples: ColumnSample[]) => new Map(samples.map((s) => [s.name, reviveSample(s)]));
  // Row counts only matter to the dataset verdict, which the caller makes.
  const input = { reference: bySide(reference), current: bySide(current), referenceRows: 0, currentRows: 0 };
  return driftColumns(names, input, config);
}

/**
 * A dataset reader thread (started by read-dataset-in-worker.ts): opens the data, then either posts
 * its batches as the consumer asks for them, or keeps drift samples of the columns asked for, sorts
 * them, posts them, and tests the columns it is then given.
 */
async function serve(job: Job): Promise<void> {
  const port = parentPort!;
  const inbox: ToWorker[] = [];
  let wake: (() => void) | undefined;
  port.on('message', (message: ToWorker) => {
    inbox.push(message);
    wake?.();
  });
  const receive = async (): Promise<ToWorker> => {
    while (inbox.length === 0) await new Promise<void>((ok) => (wake = ok));
    return inbox.shift()!;
  };
  try {
    const files = await resolveDataFiles(job.location, { cwd: job.cwd });
    const stream = await openDataset(files, job.options);
    port.postMessage({
      type: 'opened',
      files: files.map(({ name, inWorkspace, size }) => ({ name, inWorkspace, size })),
      names: stream.schema.names,
    } satisfies FromWorker);
    if (job.task === 'samples') {
      const request = await receive();
      if (request === 'next' || !('collect' in request))
        throw new Error('data reader thread: samples requested without columns');
      const { samples, rows } = await collectSamples(stream, new Set(request.collect));
      const list = [...samples.values()];
      for (const sample of list) sample.numbers?.sort();
      port.postMessage(
        { type: 'samples', samples: list, rows } satisfies FromWorker,
        sampleTransferables(list),
      );
      const next = await receive();
      if (next === 'next' || !('test' in next))
        throw new Error('data reader thread: expected columns to test');
      port.postMessage({ type: 'columns', columns: testColumns(next.test) } satisfies FromWorker);
      return;
    }
    let credit = AHEAD;
    for await (const batch of stream.batches()) {
      while (credit === 0) {
        await receive();
        credit++;
      }
      credit--;
      port.postMessage({ type: 'batch', batch } satisfies FromWorker, transferables(batch));
      credit += inbox.splice(0).length;
    }
    port.postMessage({ type: 'end' } satisfies FromWorker);
  } catch (error) {
    port.postMessage(
      error instanceof UserError
        ? {
            type: 'user-error',
            kind: error.kind,
            message: error.message,
            location: error.location,
            details: [...error.details],
          }
        : {
            type: 'error',
            message: error instanceof Error ? error.message : String(error),
            stack: error instanceof Error ? error.stack : undefined,
          },
    );
  } finally {
    port.close();
  }
}

if (!isMainThread && (workerData as Job | undefined)?.mark === WORKER_MARK) await serve(workerData as Job);
