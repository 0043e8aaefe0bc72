import { fieldLine } from '../../core/config/field-line.js';
import type { ColumnSample } from '../../core/drift/column-sample.js';
import { columnOrder, datasetDrift } from '../../core/drift/detect-drift.js';
import type { DriftConfig } from '../../core/config/drift-config-schema.js';
import type { ColumnDrift, DriftReport } from '../../core/drift/drift-result.js';
import { isUserError, UserError } from '../../core/errors.js';
import { driftJson } from '../../core/report/drift/drift-json.js';
import { renderDriftHtml } from '../../core/report/drift/drift-html.js';
import { renderDriftCheckOutput } from '../../core/report/drift/drift-markdown.js';
import type { SampledDataset } from '../ports/sample-source.js';
import { publishBestEffort, type CheckRunResult } from './publish-best-effort.js';
import type { DriftPorts } from './drift-ports.js';
import type { DriftSettings } from './drift-settings.js';

export interface DriftOutcome {
  report: DriftReport;
  /** Absolute paths of the reports written. */
  reportPath?: string;
  htmlPath?: string;
  checkRun: CheckRunResult;
}

/** Bytes of column values held at once; bigger data is tested in column groups. */
const MEMORY_BUDGET = 768 << 20;
/** Smaller batches than validation's: two readers' batches in flight at once, and memory is the constraint. */
const BATCH_ROWS = 16_384;
/** Bytes in memory per stored byte: ~8-byte doubles for ~7-character CSV values; more when compressed. */
const EXPANSION = (name: string) => (/\.(gz|parquet)$/i.test(name) ? 4 : 1.3);

/**
 * One drift run, shared by the CLI and the action: samples both datasets at once, tests every column,
 * writes the reports, then posts the check run — best-effort, so a missing permission never loses
 * the verdict or the reports. When the values would not fit the memory budget, columns are tested in
 * groups, one read of both files per group.
 */
export async function runDrift(
  settings: DriftSettings,
  ports: DriftPorts,
  options: { memoryBudget?: number } = {},
): Promise<DriftOutcome> {
  const started = ports.clock.now().getTime();
  let report: DriftReport;
  try {
    const columns = await testColumns(settings, ports, options.memoryBudget ?? MEMORY_BUDGET);
    report = { ...columns, durationMs: ports.clock.now().getTime() - started };
  } catch (error) {
    throw await withConfigFile(error, settings.configFile, ports);
  }
  const sources = { reference: settings.reference, current: settings.current };
  const outcome: DriftOutcome = { report, checkRun: { status: 'skipped' } };
  if (settings.report !== undefined)
    outcome.reportPath = await ports.reports.write(
      settings.report,
      `${JSON.stringify(driftJson(report), null, 2)}\n`,
    );
  if (settings.html !== undefined)
    outcome.htmlPath = await ports.reports.write(settings.html, renderDriftHtml(report, sources));
  if (ports.checkRuns) {
    const { publisher, headSha, detailsUrl, fromFork } = ports.checkRuns;
    outcome.checkRun = await publishBestEffort(
      publisher,
      {
        headSha,
        name: settings.config['check-name'],
        conclusion: conclusionOf(report.dataset, settings.config['conclusion-on-drift']),
        output: renderDriftCheckOutput(report, sources),
        ...(detailsUrl !== undefined ? { detailsUrl } : {}),
      },
      fromFork,
    );
  }
  return outcome;
}

/**
 * A comparison that could not be made (nothing tested, reference columns missing) fails the check
 * run even when drift itself is only `neutral`: a gate that compared nothing must not look passed.
 */
function conclusionOf(dataset: DriftReport['dataset'], onDrift: 'failure' | 'neutral') {
  if (dataset.columns === 0 || dataset.missingShare > dataset.maxMissingShare) return 'failure';
  return dataset.drift ? onDrift : 'success';
}

async function testColumns(settings: DriftSettings, ports: DriftPorts, budget: number) {
  const { config } = settings;
  let pass = await readBoth(settings, ports, undefined);
  try {
    const outputs = [settings.report, settings.html].filter((p): p is string => p !== undefined);
    const inputs = [settings.configFile, ...pass.files];
    for (const output of outputs) await ports.reports.check(output, inputs);
    const names = columnOrder(pass.reference.names, pass.current.names, config);
    const groups = Math.max(1, Math.ceil(pass.bytes / budget));
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
        pass = await readBoth(settings, ports, group);
      }
      const samples = await pass.collect(new Set(group));
      rows = { reference: samples.referenceRows, current: samples.currentRows };
      columns.push(...(await pass.test(group, samples, config)));
    }
    return datasetDrift(columns, rows.reference, rows.current, config);
  } finally {
    await pass.close();
  }
}

async function readBoth(settings: DriftSettings, ports: DriftPorts, columns: string[] | undefined) {
  const read = { batchRows: BATCH_ROWS, ...(columns ? { columns } : {}) };
  const [reference, current] = await bothOrNeither(
    ports.samples.sample(settings.reference, read),
    ports.samples.sample(settings.current, read),
  );
  const bytes = (dataset: SampledDataset) =>
    dataset.files.reduce((total, f) => total + f.size * EXPANSION(f.name), 0);
  const close = async () => void (await Promise.all([reference.close(), current.close()]));
  return {
    reference,
    current,
    files: [...reference.files, ...current.files].map((f) => f.name),
    bytes: bytes(reference) + bytes(current),
    close,
    /** Samples both datasets in parallel, keeping the given columns. */
    async collect(wanted: Set<string>) {
      const [ref, cur] = await Promise.all([reference.collect(wanted), current.collect(wanted)]);
      return { reference: ref.samples, current: cur.samples, referenceRows: ref.rows, currentRows: cur.rows };
    },
    /** Tests on both readers at once, each taking about half the values: the tests use both cores, as the reading did. */
    async test(
      names: string[],
      samples: { reference: Map<string, ColumnSample>; current: Map<string, ColumnSample> },
      config: DriftConfig,
    ) {
      const [mine, theirs] = splitByCost(names, samples.reference, samples.current);
      const tested = await Promise.all([
        reference.test(mine, samples.reference, samples.current, config),
        current.test(theirs, samples.reference, samples.current, config),
      ]);
      const byName = new Map(tested.flat().map((c) => [c.column, c]));
      return names.map((name) => byName.get(name)!);
    },
  };
}

/** Opens both sides; when one fails, the other is closed before the error goes up. */
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

/**
 * The engine finds some configuration mistakes only against the data (a text column set to
 * numerical, a column no data set has); it knows the setting's path, the job knows the file and
 * finds the setting's line in it.
 */
async function withConfigFile(error: unknown, configFile: string, ports: DriftPorts): Promise<unknown> {
  if (!isUserError(error) || error.kind !== 'config' || error.location.file) return error;
  const field = error.location.field;
  const text =
    field === undefined
      ? undefined
      : await ports.files.read(configFile, 'configuration file').catch(() => undefined);
  const line = text === undefined ? undefined : fieldLine(text, field!);
  const location = { ...error.location, file: configFile, ...(line !== undefined ? { line } : {}) };
  return new UserError('config', error.message, location, error.details);
}
