import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fieldLine } from '../../core/config/field-line.js';
import type { ColumnSample } from '../../core/drift/column-sample.js';
import { columnOrder, datasetDrift } from '../../core/drift/detect-drift.js';
import type { DriftConfig } from '../../core/drift/drift-config-schema.js';
import type { ColumnDrift, DriftReport } from '../../core/drift/drift-result.js';
import type { OpenOptions } from '../../core/data/types.js';
import { isUserError, UserError } from '../../core/errors.js';
import { collectSamplesInWorker } from '../data/read-dataset-in-worker.js';

export interface RunDriftOptions {
  reference: string;
  current: string;
  config: DriftConfig;
  /** The file the configuration came from, named in errors about it. */
  configPath?: string;
  cwd: string;
  read?: OpenOptions;
  /** Bytes of column values to hold at once (default 1 GiB); bigger data is tested in column groups. */
  memoryBudget?: number;
}

const DEFAULT_BUDGET = 768 << 20;
/** Smaller batches than validation's: two readers' batches in flight at once, and memory is the constraint. */
const BATCH_ROWS = 16_384;
/** Bytes in memory per stored byte: ~8-byte doubles for ~7-character CSV values; more when compressed. */
const EXPANSION = (name: string) => (/\.(gz|parquet)$/i.test(name) ? 4 : 1.3);

/**
 * Compares two datasets. Both sides are sampled at once, each on its own worker thread, which keeps
 * only what the tests need (finite numbers, sorted; category counts). When the values would not
 * fit the memory budget, columns are tested in groups, one read of both files per group: a 10-million
 * row pair then needs a few passes instead of gigabytes of doubles.
 */
export async function runDrift(options: RunDriftOptions): Promise<DriftReport> {
  try {
    return await driftOf(options);
  } catch (error) {
    // The engine finds some configuration mistakes only against the data (a text column set to
    // numerical); it knows the setting's path, the caller knows the file.
    if (isUserError(error) && error.kind === 'config' && !error.location.file && options.configPath) {
      const line = await configLine(options, error.location.field);
      throw new UserError(
        'config',
        error.message,
        { ...error.location, file: options.configPath, ...(line !== undefined ? { line } : {}) },
        error.details,
      );
    }
    throw error;
  }
}

/** The line of the setting at fault, when the file and the setting can be found. */
async function configLine(options: RunDriftOptions, field: string | undefined): Promise<number | undefined> {
  if (field === undefined || !options.configPath) return undefined;
  const text = await readFile(resolve(options.cwd, options.configPath), 'utf8').catch(() => undefined);
  return text === undefined ? undefined : fieldLine(text, field);
}

async function driftOf(options: RunDriftOptions): Promise<DriftReport> {
  const started = performance.now();
  let pass = await readBoth(options, undefined);
  let names: string[];
  try {
    names = columnOrder(pass.reference.names, pass.current.names, options.config);
  } catch (error) {
    // A config error found against the header: stop both reader threads, or they keep the process alive.
    await pass.close();
    throw error;
  }
  const groups = Math.max(1, Math.ceil(pass.bytes / (options.memoryBudget ?? DEFAULT_BUDGET)));
  const columns: ColumnDrift[] = [];
  let rows = { reference: 0, current: 0 };
  for (let g = 0; g < groups; g++) {
    const group = names.slice(
      Math.floor((g * names.length) / groups),
      Math.floor(((g + 1) * names.length) / groups),
    );
    if (groups > 1) {
      // The opening pass decodes every column; each group gets a pass decoding only its own.
      await pass.close();
      pass = await readBoth(options, group);
    }
    const samples = await pass.collect(new Set(group));
    rows = { reference: samples.referenceRows, current: samples.currentRows };
    columns.push(...(await pass.test(group, samples, options.config)));
  }
  const report = datasetDrift(columns, rows.reference, rows.current, options.config);
  return { ...report, durationMs: Math.round(performance.now() - started) };
}

async function readBoth(options: RunDriftOptions, columns: string[] | undefined) {
  const read = { batchRows: BATCH_ROWS, ...options.read, ...(columns ? { columns } : {}) };
  const [reference, current] = await bothOrNeither(
    collectSamplesInWorker(options.reference, options.cwd, read),
    collectSamplesInWorker(options.current, options.cwd, read),
  );
  const bytes = (dataset: typeof reference) =>
    dataset.files.reduce((total, f) => total + f.size * EXPANSION(f.name), 0);
  return {
    reference: { names: reference.names },
    current: { names: current.names },
    bytes: bytes(reference) + bytes(current),
    close: () => Promise.all([reference.close(), current.close()]),
    /**
     * Tests the columns on both reader threads at once, each taking about half the values: the
     * tests then use both cores, as the reading did.
     */
    async test(names: string[], samples: Awaited<ReturnType<typeof this.collect>>, config: DriftConfig) {
      const [mine, theirs] = splitByCost(names, samples.reference, samples.current);
      const tested = await Promise.all([
        reference.test(mine, samples.reference, samples.current, config),
        current.test(theirs, samples.reference, samples.current, config),
      ]).finally(() => Promise.all([reference.close(), current.close()]));
      const byName = new Map(tested.flat().map((c) => [c.column, c]));
      return names.map((name) => byName.get(name)!);
    },
    /** Samples both datasets (in parallel) keeping the given columns. */
    async collect(wanted: Set<string>) {
      const [ref, cur] = await Promise.all([reference.collect(wanted), current.collect(wanted)]).catch(
        async (error: unknown) => {
          // One side failed: stop the other side's thread too, or it would keep the process alive.
          await Promise.all([reference.close(), current.close()]);
          throw error;
        },
      );
      return { reference: ref.samples, current: cur.samples, referenceRows: ref.rows, currentRows: cur.rows };
    },
  };
}

/** Opens both sides; when one fails, the other's thread is stopped before the error goes up. */
async function bothOrNeither<T extends { close(): Promise<void> }>(
  a: Promise<T>,
  b: Promise<T>,
): Promise<[T, T]> {
  const [first, second] = await Promise.allSettled([a, b]);
  if (first.status === 'fulfilled' && second.status === 'fulfilled') return [first.value, second.value];
  for (const side of [first, second]) if (side.status === 'fulfilled') await side.value.close();
  throw first.status === 'rejected' ? first.reason : (second as PromiseRejectedResult).reason;
}

/** Two lists of columns with about as many values to test each (numbers cost, categories hardly). */
function splitByCost(
  names: string[],
  reference: Map<string, ColumnSample>,
  current: Map<string, ColumnSample>,
): [string[], string[]] {
  const cost = (name: string) =>
    1 + (reference.get(name)?.numbers?.length ?? 0) + (current.get(name)?.numbers?.length ?? 0);
  const halves: [string[], string[]] = [[], []];
  const load: [number, number] = [0, 0];
  for (const name of [...names].sort((a, b) => cost(b) - cost(a))) {
    const side = load[0] <= load[1] ? 0 : 1;
    halves[side].push(name);
    load[side] += cost(name);
  }
  return halves;
}
