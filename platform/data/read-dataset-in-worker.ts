import { MessageChannel } from 'node:worker_threads';
import { reviveSample, type ColumnSample } from '../../core/drift/column-sample.js';
import type { DriftConfig } from '../../core/config/drift-config-schema.js';
import type { ColumnDrift } from '../../core/drift/drift-result.js';
import type { DataStream, OpenOptions } from '../../core/data/types.js';
import { UserError } from '../../core/errors.js';
import {
  sampleTransferables,
  WORKER_MARK,
  type ColumnsToTest,
  type FromWorker,
  type Place,
  type ReaderJob,
  type ToWorker,
  type WorkerFiles,
} from './dataset-worker-protocol.js';
import { startReader } from './spare-readers.js';

export interface DatasetInWorker {
  files: WorkerFiles;
  stream: DataStream;
  /** Stops the reader thread when the stream will not be read to its end. */
  close(): Promise<void>;
}

/**
 * Reads a dataset on a second thread: parsing (the reader's work) overlaps with whatever consumes the
 * batches (checks, statistics), which on a two-core runner nearly halves the wall time. Batches
 * cross threads without copying: their typed arrays' buffers are transferred. The stream can be read once.
 */
export async function readDatasetInWorker(
  location: string,
  place: Place,
  options: OpenOptions,
): Promise<DatasetInWorker> {
  const { worker, send, receive, opened } = await openChannel({
    mark: WORKER_MARK,
    task: 'batches',
    location,
    ...place,
    options,
  });
  let used = false;
  const stream: DataStream = {
    schema: { names: opened.names },
    batches() {
      if (used) throw new Error('a dataset read in a worker can be iterated once');
      used = true;
      return {
        async *[Symbol.asyncIterator]() {
          try {
            for (;;) {
              const message = await receive();
              if (message.type === 'end') return;
              if (message.type !== 'batch') throw new Error(`data reader thread: unexpected ${message.type}`);
              send('next');
              yield message.batch;
            }
          } finally {
            await worker.terminate();
          }
        },
      };
    },
  };
  return { files: opened.files, stream, close: async () => void (await worker.terminate()) };
}

export interface SamplesInWorker {
  files: DatasetInWorker['files'];
  names: string[];
  /** Reads the whole dataset on the thread, keeping drift samples of these columns, numbers sorted. */
  collect(columns: ReadonlySet<string>): Promise<{ samples: Map<string, ColumnSample>; rows: number }>;
  /**
   * Once collected, the thread is free: it tests these columns (both sides' samples move to it, so
   * the caller must not use them again), while the other thread tests others.
   */
  test(
    names: string[],
    reference: Map<string, ColumnSample>,
    current: Map<string, ColumnSample>,
    config: DriftConfig,
  ): Promise<ColumnDrift[]>;
  close(): Promise<void>;
}

/**
 * Samples a dataset for the drift engine entirely on a second thread — parsing, keeping values, and
 * sorting them — so that two datasets are sampled in parallel and only compact sorted values cross
 * back (transferred, not copied). The opening message tells the columns before any are chosen.
 */
export async function collectSamplesInWorker(
  location: string,
  place: Place,
  options: OpenOptions,
): Promise<SamplesInWorker> {
  const { worker, send, receive, opened } = await openChannel({
    mark: WORKER_MARK,
    task: 'samples',
    location,
    ...place,
    options,
  });
  /** The next message, of the expected type; the thread is stopped on anything else. */
  async function reply<T extends FromWorker['type']>(type: T): Promise<Extract<FromWorker, { type: T }>> {
    try {
      const message = await receive();
      if (message.type !== type) throw new Error(`data reader thread: unexpected ${message.type}`);
      return message as Extract<FromWorker, { type: T }>;
    } catch (error) {
      await worker.terminate();
      throw error;
    }
  }
  return {
    files: opened.files,
    names: opened.names,
    async collect(columns) {
      send({ collect: [...columns] });
      const message = await reply('samples');
      const samples = new Map(message.samples.map((plain) => [plain.name, reviveSample(plain)]));
      return { samples, rows: message.rows };
    },
    async test(names, reference, current, config) {
      const pick = (samples: Map<string, ColumnSample>) => names.flatMap((name) => samples.get(name) ?? []);
      const job: ColumnsToTest = { names, reference: pick(reference), current: pick(current), config };
      send({ test: job }, [...sampleTransferables(job.reference), ...sampleTransferables(job.current)]);
      return (await reply('columns')).columns;
    },
    close: async () => void (await worker.terminate()),
  };
}

/** Starts the thread and waits for it to open the data; its messages then arrive through `receive`. */
async function openChannel(job: Omit<ReaderJob, 'port'>) {
  const { port1: port, port2 } = new MessageChannel();
  const worker = startReader({ ...job, port: port2 });
  const inbox: FromWorker[] = [];
  let wake: (() => void) | undefined;
  let failure: unknown;
  port.on('message', (message: FromWorker) => {
    inbox.push(message);
    wake?.();
  });
  worker.on('error', (error) => {
    failure = error;
    wake?.();
  });
  worker.on('exit', (code) => {
    failure ??= code === 0 ? undefined : new Error(`the data reader thread stopped with exit code ${code}`);
    wake?.();
  });
  const receive = async (): Promise<FromWorker> => {
    for (;;) {
      const message = inbox.shift();
      if (message?.type === 'user-error')
        throw new UserError(message.kind, message.message, message.location, message.details);
      if (message?.type === 'error')
        throw Object.assign(new Error(message.message), { stack: message.stack });
      if (message) return message;
      if (failure) throw failure;
      await new Promise<void>((ok) => (wake = ok));
      wake = undefined;
    }
  };
  const send = (message: ToWorker, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
  let opened: FromWorker;
  try {
    opened = await receive();
  } catch (error) {
    await worker.terminate();
    throw error;
  }
  if (opened.type !== 'opened') throw new Error(`data reader thread: unexpected ${opened.type}`);
  return { worker, send, receive, opened };
}
