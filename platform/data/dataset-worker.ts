import { once } from 'node:events';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { formatOf, openDataset } from '../../core/data/open-dataset.js';
import { collectSamples, reviveSample, type ColumnSample } from '../../core/drift/column-sample.js';
import { driftColumns } from '../../core/drift/detect-drift.js';
import type { ColumnDrift } from '../../core/drift/drift-result.js';
import { resolveDataFiles } from '../resolve-data-files.js';
import { decode, readThroughDecoder, startDecoder } from './csv-decoder-thread.js';
import {
  sampleTransferables,
  WORKER_MARK,
  type ColumnsToTest,
  type FromWorker,
  type Job,
  type ReaderJob,
  type ToDecoder,
  type ToWorker,
} from './dataset-worker-protocol.js';
import { batchPoster, failure, inbox } from './thread-messages.js';

function testColumns({ names, reference, current, config }: ColumnsToTest): ColumnDrift[] {
  const bySide = (samples: ColumnSample[]) => new Map(samples.map((s) => [s.name, reviveSample(s)]));
  // Row counts only matter to the dataset verdict, which the caller makes.
  const input = { reference: bySide(reference), current: bySide(current), referenceRows: 0, currentRows: 0 };
  return driftColumns(names, input, config);
}

/**
 * A dataset reader thread (started by read-dataset-in-worker.ts): opens the data, then either hands
 * over its batches as the consumer asks for them, or keeps drift samples of the columns asked for,
 * sorts them, posts them, and tests the columns it is then given.
 */
async function read(job: ReaderJob): Promise<void> {
  const { port } = job;
  const requests = inbox<ToWorker>(port);
  // CSV is decoded on a thread of its own; when the location names CSV, that thread starts now.
  let decoder = job.task === 'batches' && mayBeCsv(job.location, job.options) ? startDecoder(job) : undefined;
  let handedOver = false;
  try {
    const files = await resolveDataFiles(job.location, { cwd: job.cwd });
    const stream = await openDataset(files, job.options);
    port.postMessage({
      type: 'opened',
      files: files.map(({ name, inWorkspace, size }) => ({ name, inWorkspace, size })),
      names: stream.schema.names,
    } satisfies FromWorker);
    if (job.task === 'samples') {
      const request = await requests.receive();
      if (request === 'next' || !('collect' in request))
        throw new Error('data reader thread: samples requested without columns');
      const { samples, rows } = await collectSamples(stream, new Set(request.collect));
      const list = [...samples.values()];
      for (const sample of list) sample.numbers?.sort();
      port.postMessage(
        { type: 'samples', samples: list, rows } satisfies FromWorker,
        sampleTransferables(list),
      );
      const next = await requests.receive();
      if (next === 'next' || !('test' in next))
        throw new Error('data reader thread: expected columns to test');
      port.postMessage({ type: 'columns', columns: testColumns(next.test) } satisfies FromWorker);
      return;
    }
    if (stream.records) {
      handedOver = true;
      port.removeAllListeners('message');
      decoder ??= startDecoder(job);
      const start: ToDecoder = { type: 'start', names: stream.schema.names, port };
      decoder.worker.postMessage(start, [port]);
      await readThroughDecoder(stream, decoder);
      return;
    }
    const post = batchPoster(port, requests);
    for await (const batch of stream.batches()) await post(batch);
    port.postMessage({ type: 'end' } satisfies FromWorker);
  } catch (error) {
    if (handedOver) throw error;
    port.postMessage(failure(error));
  } finally {
    if (!handedOver) {
      port.close();
      await decoder?.worker.terminate();
    }
  }
}

function mayBeCsv(location: string, options: ReaderJob['options']): boolean {
  if (options.format !== undefined) return options.format === 'csv';
  try {
    return formatOf(location) === 'csv';
  } catch {
    return false;
  }
}

/** A spare reader (see spare-readers.ts) gets its job as the first message. */
async function waitForJob(): Promise<ReaderJob> {
  const [job] = (await once(parentPort!, 'message')) as [ReaderJob];
  return job;
}

const job = workerData as Job | undefined;
if (!isMainThread && job?.mark === WORKER_MARK) {
  if (job.task === 'decode') await decode(job);
  else await read(job.task === 'wait' ? await waitForJob() : job);
}
