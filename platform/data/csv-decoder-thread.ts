import { parentPort, type MessagePort, type Worker } from 'node:worker_threads';
import { DatasetDecoder } from '../../core/data/csv/csv-decoder.js';
import { recordsTransferables, type CsvRecords } from '../../core/data/csv/record-block.js';
import type { DataStream } from '../../core/data/types.js';
import { WORKER_MARK, type FromWorker, type ToDecoder, type ToWorker } from './dataset-worker-protocol.js';
import { startDatasetWorker } from './start-dataset-worker.js';
import { AHEAD, batchPoster, failure, inbox } from './thread-messages.js';

/**
 * The second thread of a CSV reader, both sides of it: the reader starts it and feeds it records
 * (startDecoder, readThroughDecoder); the thread decodes them and posts the batches (decode).
 */

export interface DecoderThread {
  worker: Worker;
  exited: Promise<unknown>;
  /** An error that killed the thread (it could not post it itself). */
  crash?: unknown;
}

export function startDecoder(): DecoderThread {
  const worker = startDatasetWorker({ mark: WORKER_MARK, task: 'decode' });
  const thread: DecoderThread = { worker, exited: new Promise((ok) => worker.once('exit', ok)) };
  worker.on('error', (error) => (thread.crash = error));
  return thread;
}

/**
 * CSV on two threads: this one finds records (the byte scan), the decoder thread turns them into
 * typed batches and posts them on the port, which has moved to it. Whatever stops reading goes to the
 * decoder too, after the records before it, so the consumer meets it in order.
 */
export async function readThroughDecoder(stream: DataStream, decoder: DecoderThread): Promise<void> {
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
export async function decode(): Promise<void> {
  const reader = parentPort!;
  const fromReader = inbox<ToDecoder>(reader as unknown as MessagePort);
  const start = await fromReader.receive();
  if (start.type !== 'start') throw new Error(`data decoder thread: unexpected ${start.type}`);
  const { port, names, options } = start;
  const post = batchPoster(port, inbox<ToWorker>(port));
  try {
    const decoder = new DatasetDecoder(names, options);
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
