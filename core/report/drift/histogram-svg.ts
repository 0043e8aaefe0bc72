import type { DriftHistogram } from '../../drift/drift-result.js';
import { escapeHtml } from './escape-html.js';
import { formatNumber, formatPercent } from '../format-number.js';

const WIDTH = 520;
const HEIGHT = 200;
const MARGIN = { top: 12, right: 12, bottom: 46, left: 44 };
export const REFERENCE_COLOR = '#5b7db1';
export const CURRENT_COLOR = '#e07b39';

/** Shares, so sides of different sizes compare. */
const shares = (counts: number[]) => {
  const total = counts.reduce((a, b) => a + b, 0) || 1;
  return counts.map((c) => c / total);
};

/**
 * An inline SVG chart of both sides' distributions: overlaid bars per bin for numbers, grouped bars per
 * category, as shares of each side, with axis labels and a legend. No script, no external resource.
 */
export function histogramSvg(histogram: DriftHistogram, title: string): string {
  const ref = shares(histogram.reference);
  const cur = shares(histogram.current);
  const bins = ref.length;
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const top = Math.max(...ref, ...cur, 1e-9);
  const y = (share: number) => MARGIN.top + plotH - (share / top) * plotH;
  const slot = plotW / Math.max(bins, 1);
  const bars: string[] = [];
  for (let i = 0; i < bins; i++) {
    const x = MARGIN.left + i * slot;
    if (histogram.axis === 'bins') {
      bars.push(
        rect(x + 1, y(ref[i]!), slot - 2, ref[i]!, REFERENCE_COLOR, 0.55, `reference ${pct(ref[i]!)}`),
      );
      bars.push(rect(x + 1, y(cur[i]!), slot - 2, cur[i]!, CURRENT_COLOR, 0.55, `current ${pct(cur[i]!)}`));
    } else {
      const w = (slot - 2) / 2;
      bars.push(
        rect(
          x + 1,
          y(ref[i]!),
          w,
          ref[i]!,
          REFERENCE_COLOR,
          0.9,
          `${histogram.labels![i]}: reference ${pct(ref[i]!)}`,
        ),
      );
      bars.push(
        rect(
          x + 1 + w,
          y(cur[i]!),
          w,
          cur[i]!,
          CURRENT_COLOR,
          0.9,
          `${histogram.labels![i]}: current ${pct(cur[i]!)}`,
        ),
      );
    }
  }
  const base = MARGIN.top + plotH;
  const ticks =
    histogram.axis === 'bins'
      ? ([0, Math.floor(bins / 2), bins] as const).map((i, k) =>
          tick(
            MARGIN.left + i * slot,
            base,
            formatNumber(histogram.edges![i]!),
            (['start', 'middle', 'end'] as const)[k]!,
          ),
        )
      : histogram.labels!.map((label, i) =>
          tick(
            MARGIN.left + (i + 0.5) * slot,
            base,
            label.length > 12 ? `${label.slice(0, 11)}…` : label,
            bins > 8 ? 'end' : 'middle',
            bins > 8,
          ),
        );
  return `<svg class="chart" role="img" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" xmlns="http://www.w3.org/2000/svg">
<title>${escapeHtml(title)}</title>
<line x1="${MARGIN.left}" y1="${base}" x2="${WIDTH - MARGIN.right}" y2="${base}" stroke="#888"/>
<line x1="${MARGIN.left}" y1="${MARGIN.top}" x2="${MARGIN.left}" y2="${base}" stroke="#888"/>
<text x="${MARGIN.left - 6}" y="${MARGIN.top + 8}" text-anchor="end" class="axis">${pct(top)}</text>
<text x="${MARGIN.left - 6}" y="${base}" text-anchor="end" class="axis">0%</text>
${bars.join('\n')}
${ticks.join('\n')}
<rect x="${WIDTH - 170}" y="4" width="10" height="10" fill="${REFERENCE_COLOR}"/><text x="${WIDTH - 156}" y="13" class="legend">reference</text>
<rect x="${WIDTH - 90}" y="4" width="10" height="10" fill="${CURRENT_COLOR}"/><text x="${WIDTH - 76}" y="13" class="legend">current</text>
</svg>`;
}

const pct = (share: number) => formatPercent(share * 100);

function rect(
  x: number,
  y: number,
  w: number,
  share: number,
  color: string,
  opacity: number,
  label: string,
): string {
  const height = Math.max(0, HEIGHT - MARGIN.bottom - y);
  return `<rect class="bar" x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${Math.max(w, 0.5).toFixed(1)}" height="${height.toFixed(1)}" fill="${color}" fill-opacity="${opacity}"><title>${escapeHtml(label)}</title></rect>`;
  void share;
}

function tick(
  x: number,
  y: number,
  label: string,
  anchor: 'start' | 'middle' | 'end',
  rotate = false,
): string {
  const transform = rotate ? ` transform="rotate(-35 ${x.toFixed(1)} ${y + 14})"` : '';
  return `<text x="${x.toFixed(1)}" y="${y + 14}" text-anchor="${anchor}" class="axis"${transform}>${escapeHtml(label)}</text>`;
}
