import { once } from 'node:events';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { formatOf, openDataset } from '../../core/data/open-dataset.js';
import type { DataStream, OpenOptions } from '../../core/data/types.js';
import type { DataFile } from '../../core/ports.js';
import { collectSamples, reviveSample, type ColumnSample } from '../../core/drift/column-sample.js';
import { driftColumns } from '../../core/drift/detect-drift.js';
import type { ColumnDrift } from '../../core/drift/drift-result.js';
import { resolveDataFiles } from '../resolve-data-files.js';
import { decode, readThroughDecoder, startDecoder, type DecoderThread } from './csv-decoder-thread.js';
import {
  sampleTransferables,
  WORKER_MARK,
  type ColumnsToTest,
  type FromWorker,
  type Job,
  type Place,
  type Preread,
  type ReaderJob,
  type SpareJob,
  type Task,
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

/** A dataset opened for a job (or ahead of one), with the decoder thread started for it. */
interface Opened {
  files: DataFile[];
  stream: DataStream;
  decoder: DecoderThread | undefined;
}

/** Opens the data; a CSV gets its decoder thread at once, so its start-up overlaps the opening. */
function open(location: string, place: Place, options: OpenOptions, task: Task): Promise<Opened> {
  const decoder = task === 'batches' && mayBeCsv(location, options) ? startDecoder() : undefined;
  const opening = (async () => {
    const files = await resolveDataFiles(location, place);
    return { files, stream: await openDataset(files, options), decoder };
  })();
  opening.catch(() => void decoder?.worker.terminate());
  return opening;
}

/**
 * A dataset reader thread (started by read-dataset-in-worker.ts): opens the data (or takes what it
 * opened ahead of the job), then either hands over its batches as the consumer asks for them, or
 * keeps drift samples of the columns asked for, sorts them, posts them, and tests the columns it is
 * then given.
 */
async function read(job: ReaderJob, ahead?: Opened): Promise<void> {
  const { port } = job;
  const requests = inbox<ToWorker>(port);
  let decoder: DecoderThread | undefined;
  let handedOver = false;
  try {
    const opened = ahead ?? (await open(job.location, job, job.options, job.task));
    const { files, stream } = opened;
    decoder = opened.decoder;
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
      decoder ??= startDecoder();
      const start: ToDecoder = { type: 'start', names: stream.schema.names, options: job.options, port };
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

/**
 * A spare reader (see spare-readers.ts) gets its job as the first message. What it opened ahead is
 * taken when the job reads the same CSV the same way and the opening went well: the columns and
 * types the job asks for go to the decoder with the job. Anything else (another file, JSON Lines or
 * Parquet, whose readers apply those options themselves, a failure) is opened again by the job.
 */
async function serveSpare({ preread }: SpareJob): Promise<void> {
  const settled =
    preread && open(preread.location, preread, preread.options, 'batches').catch(() => undefined);
  const [job] = (await once(parentPort!, 'message')) as [ReaderJob];
  const opened = preread && sameReading(preread, job) ? await settled : undefined;
  if (opened?.stream.records) return read(job, opened);
  void settled?.then((unused) => unused?.decoder?.worker.terminate());
  return read(job);
}

function sameReading(preread: Preread, job: ReaderJob): boolean {
  const reading = ({ format, csv, batchRows }: OpenOptions) => JSON.stringify({ format, csv, batchRows });
  return (
    job.task === 'batches' &&
    preread.location === job.location &&
    preread.cwd === job.cwd &&
    preread.workspace === job.workspace &&
    JSON.stringify(preread.storage) === JSON.stringify(job.storage) &&
    reading(preread.options) === reading(job.options)
  );
}

const job = workerData as Job | undefined;
if (!isMainThread && job?.mark === WORKER_MARK) {
  if (job.task === 'decode') await decode();
  else if (job.task === 'wait') await serveSpare(job);
  else await read(job);
}
