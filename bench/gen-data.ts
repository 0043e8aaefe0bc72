// Deterministic benchmark data: the same seed always writes the same bytes.
//   npx tsx bench/gen-data.ts --rows 1000000 --out bench/out/validate.csv [--kind validate|drift] [--shift]
// validate: id (unique integer), event_time (ISO timestamp), 13 numeric columns (integers and 4-decimal
//   floats, three with ~1% missing), 5 categorical columns (3–50 values).
// drift: 15 numeric + 5 categorical columns; --shift moves a few of them so drift has something to find.
import { createWriteStream } from 'node:fs';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    out: { type: 'string' },
    kind: { type: 'string', default: 'validate' },
    shift: { type: 'boolean', default: false },
    seed: { type: 'string', default: '42' },
  },
});
if (!values.out) throw new Error('--out <file> is required');
const rows = Number(values.rows);
const shift = values.shift === true;

/** mulberry32: small, fast, good enough to make realistic-looking data reproducibly. */
let state = Number(values.seed) >>> 0;
function random(): number {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
function normal(): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

type Column = { name: string; value: (row: number) => string };
const CATEGORY_SIZES = [3, 5, 12, 24, 50];
const categories = CATEGORY_SIZES.map((size, c) => Array.from({ length: size }, (_, i) => `c${c}_v${i}`));
const pick = (list: string[], skew: number) =>
  list[Math.min(list.length - 1, Math.floor(random() ** skew * list.length))]!;

function numericColumns(count: number, withMissing: boolean): Column[] {
  return Array.from({ length: count }, (_, i) => {
    const moved = shift && i % 5 === 0; // every fifth numeric column drifts
    const mean = 100 * (i + 1) + (moved ? 60 * (i + 1) : 0);
    const sd = 10 * (i + 1);
    const missing = withMissing && i % 5 === 2 ? 0.01 : 0;
    const integer = i % 3 === 0;
    return {
      name: `num_${String(i + 1).padStart(2, '0')}`,
      value: () => {
        if (missing && random() < missing) return '';
        const x = mean + sd * normal();
        return integer ? String(Math.round(x)) : x.toFixed(4);
      },
    };
  });
}

function categoricalColumns(): Column[] {
  return categories.map((list, c) => ({
    name: `cat_${c + 1}`,
    value: () => pick(list, shift && c === 1 ? 0.5 : 1.5),
  }));
}

const start = Date.UTC(2026, 0, 1);
const columns: Column[] =
  values.kind === 'drift'
    ? [...numericColumns(15, false), ...categoricalColumns()]
    : [
        { name: 'id', value: (row) => String(row + 1) },
        {
          name: 'event_time',
          value: (row) => new Date(start + row * 1000 + Math.floor(random() * 1000)).toISOString(),
        },
        ...numericColumns(13, true),
        ...categoricalColumns(),
      ];

const out = createWriteStream(values.out, { highWaterMark: 4 << 20 });
const write = (text: string) =>
  out.write(text) ? Promise.resolve() : new Promise<void>((ok) => out.once('drain', () => ok()));
await write(columns.map((c) => c.name).join(',') + '\n');
let chunk = '';
for (let row = 0; row < rows; row++) {
  chunk += columns.map((c) => c.value(row)).join(',') + '\n';
  if (chunk.length > 1 << 20) {
    await write(chunk);
    chunk = '';
  }
}
await write(chunk);
await new Promise<void>((ok) => out.end(() => ok()));
