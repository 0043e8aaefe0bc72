// Reads a data file through the data layer and reports throughput and peak memory.
//   npx tsx bench/parse.ts <file> [--columns a,b]
import { statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { openDataset } from '../core/data/open-dataset.js';
import { LocalFileResolver } from '../platform/files/local-file-resolver.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { columns: { type: 'string' } },
});
const path = positionals[0];
if (!path) throw new Error('usage: bench/parse.ts <file> [--columns a,b]');
const started = performance.now();
const files = await new LocalFileResolver({ cwd: process.cwd() }).resolve(path);
const stream = await openDataset(files, values.columns ? { columns: values.columns.split(',') } : {});
let rows = 0;
const types = new Map<string, string>();
for await (const batch of stream.batches()) {
  rows += batch.length;
  batch.columns.forEach((chunk, c) => types.set(stream.schema.names[c]!, chunk.type));
}
const seconds = (performance.now() - started) / 1000;
const mb = statSync(path).size / 1e6;
console.log(
  `${rows.toLocaleString('en-US')} rows, ${mb.toFixed(0)} MB in ${seconds.toFixed(2)} s = ${(mb / seconds).toFixed(0)} MB/s; ` +
    `peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
);
console.log([...types].map(([n, t]) => `${n}:${t}`).join(' '));
