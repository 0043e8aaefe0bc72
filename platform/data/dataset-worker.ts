import { once } from 'node:events';
import { isMainThread, parentPort, workerData, type MessagePort, type Worker } from 'node:worker_threads';
import { DatasetDecoder } from '../../core/data/csv/csv-decoder.js';
import { recordsTransferables, type CsvRecords } from '../../core/data/csv/record-block.js';
import { formatOf, openDataset } from '../../core/data/open-dataset.js';
import type { Batch, DataStream } from '../../core/data/types.js';
import { collectSamples, reviveSample, type ColumnSample } from '../../core/drift/column-sample.js';
import { driftColumns } from '../../core/drift/detect-drift.js';
import type { ColumnDrift } from '../../core/drift/drift-result.js';
import { UserError } from '../../core/errors.js';
import { resolveDataFiles } from '../resolve-data-files.js';
import {
  sampleTransferables,
  WORKER_MARK,
  type ColumnsToTest,
  type DecoderJob,
  type FromWorker,
  type Job,
  type ReaderJob,
  type ToDecoder,
  type ToWorker,
} from './dataset-worker-protocol.js';
import { startDatasetWorker } from './start-dataset-worker.js';

/** Batches (or blocks of records) made ahead of their consumer: enough to keep threads busy, few enough to bound memory. */
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

function failure(error: unknown): Extract<FromWorker, { type: 'user-error' | 'error' }> {
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

interface Inbox<T> {
  queue: T[];
  receive(): Promise<T>;
}

/** Messages of one port as a queue to await. */
function inbox<T>(port: MessagePort): Inbox<T> {
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
function batchPoster(port: MessagePort, requests: Inbox<ToWorker>) {
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

interface DecoderThread {
  worker: Worker;
  exited: Promise<unknown>;
  /** An error that killed the thread (it could not post it itself). */
  crash?: unknown;
}

function startDecoder(job: ReaderJob): DecoderThread {
  const worker = startDatasetWorker({ mark: WORKER_MARK, task: 'decode', options: job.options });
  const thread: DecoderThread = { worker, exited: new Promise((ok) => worker.once('exit', ok)) };
  worker.on('error', (error) => (thread.crash = error));
  return thread;
}

/**
 * CSV on two threads: this one finds records (the byte scan), the decoder thread turns them into
 * typed batches and posts them on the port, which has moved to it. Whatever stops reading goes to the
 * decoder too, after the records before it, so the consumer meets it in order.
 */
async function readThroughDecoder(stream: DataStream, decoder: DecoderThread): Promise<void> {
  const { worker } = decoder;
  let credit = AHEAD;
  let wake: (() => void) | undefined;
  let stopped = false;
  // The decoder's credit for more records comes with records it has decoded, to reuse their memory.
  const spares: CsvRecords[] = [];
  worker.on('message', (decoded: CsvRecords) => {
    spares.push(decoded);
    credit++;
    wake?.();
  });
  void decoder.exited.then(() => {
    stopped = true;
    wake?.();
  });
  const send = (message: ToDecoder, transfer: ArrayBuffer[] = []) => worker.postMessage(message, transfer);
  try {
    for await (const records of stream.records!(spares)) {
      while (credit === 0 && !stopped) await new Promise<void>((ok) => (wake = ok));
      if (stopped) break;
      credit--;
      send({ type: 'records', records }, recordsTransferables(records));
    }
    send({ type: 'end' });
  } catch (error) {
    send(failure(error));
  }
  // This thread's children stop with it: wait until the decoder has posted everything. A decoder
  // that fails posts its error on the port itself; one that crashes cannot, so this thread fails
  // in its place (the consumer sees the thread's error).
  await decoder.exited;
  if (decoder.crash !== undefined) throw decoder.crash;
}

/** The decoder thread of a CSV reader: decodes records into batches, posted as the consumer asks. */
async function decode(job: DecoderJob): Promise<void> {
  const reader = parentPort!;
  const fromReader = inbox<ToDecoder>(reader as unknown as MessagePort);
  const start = await fromReader.receive();
  if (start.type !== 'start') throw new Error(`data decoder thread: unexpected ${start.type}`);
  const { port, names } = start;
  const decoder = new DatasetDecoder(names, job.options);
  const post = batchPoster(port, inbox<ToWorker>(port));
  try {
    for (;;) {
      const message = await fromReader.receive();
      if (message.type === 'start') throw new Error('data decoder thread: started twice');
      if (message.type !== 'records') {
        port.postMessage(message satisfies FromWorker);
        return;
      }
      const batch = decoder.decode(message.records);
      reader.postMessage(message.records, recordsTransferables(message.records));
      await post(batch);
    }
  } catch (error) {
    port.postMessage(failure(error));
  } finally {
    port.close();
    reader.close();
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
