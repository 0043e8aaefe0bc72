import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { openDataset } from '../../core/data/open-dataset.js';
import { collectSamples, reviveSample, type ColumnSample } from '../../core/drift/column-sample.js';
import { driftColumns } from '../../core/drift/detect-drift.js';
import type { DriftConfig } from '../../core/drift/drift-config-schema.js';
import type { ColumnDrift } from '../../core/drift/drift-result.js';
import type { Batch, DataStream, OpenOptions } from '../../core/data/types.js';
import { UserError, type ErrorLocation, type UserErrorKind } from '../../core/errors.js';
import type { DataFile } from '../../core/ports.js';
import { resolveDataFiles } from '../resolve-data-files.js';

const WORKER_MARK = 'modelship-dataset-reader';
/** Batches parsed ahead of the consumer: enough to keep both threads busy, few enough to bound memory. */
const AHEAD = 2;

export interface DatasetInWorker {
  files: Pick<DataFile, 'name' | 'inWorkspace' | 'size'>[];
  stream: DataStream;
  /** Stops the reader thread when the stream will not be read to its end. */
  close(): Promise<void>;
}

type FromWorker =
  | { type: 'opened'; files: DatasetInWorker['files']; names: string[] }
  | { type: 'batch'; batch: Batch }
  | { type: 'samples'; samples: ColumnSample[]; rows: number }
  | { type: 'columns'; columns: ColumnDrift[] }
  | { type: 'end' }
  | { type: 'user-error'; kind: UserErrorKind; message: string; location: ErrorLocation; details: string[] }
  | { type: 'error'; message: string; stack?: string };

/** What the thread does with the data: hand over its batches, or keep drift samples of some columns. */
type Task = 'batches' | 'samples';

interface Job {
  mark: typeof WORKER_MARK;
  task: Task;
  location: string;
  cwd: string;
  options: OpenOptions;
}

/** Both sides of some columns, for a thread to test. */
interface ColumnsToTest {
  names: string[];
  reference: ColumnSample[];
  current: ColumnSample[];
  config: DriftConfig;
}

/** To the thread: credit for one more batch, the columns to sample, or columns to test. */
type ToWorker = 'next' | { collect: string[] } | { test: ColumnsToTest };

/**
 * Reads a dataset on a second thread: parsing (the reader's work) overlaps with whatever consumes the
 * batches (checks, statistics), which on a two-core runner nearly halves the wall time. Batches
 * cross threads without copying: their typed arrays' buffers are transferred. The stream can be read once.
 */
export async function readDatasetInWorker(
  location: string,
  cwd: string,
  options: OpenOptions,
): Promise<DatasetInWorker> {
  const { worker, receive, opened } = await openChannel({
    mark: WORKER_MARK,
    task: 'batches',
    location,
    cwd,
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
              worker.postMessage('next' satisfies ToWorker);
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
  cwd: string,
  options: OpenOptions,
): Promise<SamplesInWorker> {
  const { worker, receive, opened } = await openChannel({
    mark: WORKER_MARK,
    task: 'samples',
    location,
    cwd,
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
      worker.postMessage({ collect: [...columns] } satisfies ToWorker);
      const message = await reply('samples');
      const samples = new Map(message.samples.map((plain) => [plain.name, reviveSample(plain)]));
      return { samples, rows: message.rows };
    },
    async test(names, reference, current, config) {
      const pick = (samples: Map<string, ColumnSample>) => names.flatMap((name) => samples.get(name) ?? []);
      const job: ColumnsToTest = { names, reference: pick(reference), current: pick(current), config };
      worker.postMessage({ test: job } satisfies ToWorker, [
        ...sampleTransferables(job.reference),
        ...sampleTransferables(job.current),
      ]);
      return (await reply('columns')).columns;
    },
    close: async () => void (await worker.terminate()),
  };
}

/** Starts the thread and waits for it to open the data; its messages then arrive through `receive`. */
async function openChannel(job: Job) {
  const worker = startWorker(job);
  const inbox: FromWorker[] = [];
  let wake: (() => void) | undefined;
  let failure: unknown;
  worker.on('message', (message: FromWorker) => {
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
  let opened: FromWorker;
  try {
    opened = await receive();
  } catch (error) {
    await worker.terminate();
    throw error;
  }
  if (opened.type !== 'opened') throw new Error(`data reader thread: unexpected ${opened.type}`);
  return { worker, receive, opened };
}

/**
 * This module is its own worker script. Bundled, it is plain JavaScript in a shared chunk. Run from
 * the TypeScript sources (tests, development), the worker must register tsx before loading it: Node 20
 * does not apply the parent's --import hooks to a worker's entry module.
 */
function startWorker(job: Job): Worker {
  const self = import.meta.url;
  if (!/\.[mc]?ts$/.test(self)) return new Worker(new URL(self), { workerData: job });
  const tsx = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(self)}); })`;
  return new Worker(bootstrap, { eval: true, workerData: job });
}

function transferables(batch: Batch): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>([batch.lines.buffer as ArrayBuffer]);
  for (const chunk of batch.columns) {
    buffers.add(chunk.valid.buffer as ArrayBuffer);
    buffers.add((chunk.type === 'string' ? chunk.codes.buffer : chunk.values.buffer) as ArrayBuffer);
  }
  return [...buffers];
}

function sampleTransferables(samples: ColumnSample[]): ArrayBuffer[] {
  return samples.flatMap((sample) => sample.numbers?.buffers() ?? []);
}

function testColumns({ names, reference, current, config }: ColumnsToTest): ColumnDrift[] {
  const bySide = (samples: ColumnSample[]) => new Map(samples.map((s) => [s.name, reviveSample(s)]));
  // Row counts only matter to the dataset verdict, which the caller makes.
  const input = { reference: bySide(reference), current: bySide(current), referenceRows: 0, currentRows: 0 };
  return driftColumns(names, input, config);
}

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
