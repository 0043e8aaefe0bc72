import type { VersionRecord } from '../../registry/version-record-schema.js';
import { formatNumber } from '../format-number.js';
import { formatBytes, mdCode, mdLink, mdRow, mdText } from './markdown-text.js';

export interface ModelCardOptions {
  /** `owner/name`: commits and the parent version become links. */
  repository?: string;
  /** Default https://github.com (GitHub Enterprise: its own). */
  serverUrl?: string;
  /** When the version was registered (ISO 8601), shown in the lineage. */
  registeredAt?: string;
}

/** Rows of the slice table; the rest are in model-card.json (a release body holds 125,000 characters). */
const MAX_SLICE_ROWS = 200;
/** Metric columns of the slice table: the gated metrics first. */
const SLICE_METRICS = 4;

/**
 * The model card, as the GitHub Release body of a version: headline, metrics, the gate's rules with
 * their intervals, slices, dataset, lineage and artifacts with their sha256. Everything from the
 * record is escaped; sections without data are left out.
 */
export function renderModelCard(record: VersionRecord, options: ModelCardOptions = {}): string {
  const sections = [
    headline(record),
    metrics(record),
    gate(record),
    slices(record),
    dataset(record),
    lineage(record, options),
    artifacts(record),
  ].filter((s) => s.length > 0);
  return `${sections.map((s) => s.join('\n')).join('\n\n')}\n`;
}

const value = (v: number | null | undefined) => (v === null || v === undefined ? '—' : formatNumber(v));
const signed = (n: number) => (n > 0 ? `+${formatNumber(n)}` : n < 0 ? `−${formatNumber(-n)}` : '0');

function headline(r: VersionRecord): string[] {
  const verdict = r.gate ? (r.gate.verdict === 'passed' ? '✅ gate passed' : '❌ gate failed') : 'no gate';
  const facts = [verdict];
  const gated = r.gate?.rules[0];
  if (gated && gated.value !== null) facts.push(`${mdText(gated.metric)} ${formatNumber(gated.value)}`);
  if (r.registeredBy) facts.push(`registered by ${mdText(r.registeredBy)}`);
  return [`## ${mdText(r.model)} ${mdText(r.version)}`, '', facts.join(' · ')];
}

function metrics(r: VersionRecord): string[] {
  const names = Object.keys(r.metrics);
  if (names.length === 0) return [];
  return [
    '### Metrics',
    '',
    mdRow(['Metric', 'Value']),
    mdRow(['---', '--:']),
    ...names.map((n) => mdRow([mdText(n), value(r.metrics[n])])),
  ];
}

function gate(r: VersionRecord): string[] {
  if (!r.gate || r.gate.rules.length === 0) return [];
  const rows = r.gate.rules.map((rule) => {
    const difference =
      rule.value !== null && rule.baseline !== undefined && rule.baseline !== null
        ? signed(rule.value - rule.baseline)
        : '—';
    const interval = rule.interval ? `${signed(rule.interval[0])} to ${signed(rule.interval[1])}` : '—';
    const result = rule.passed ? '✅ passed' : `❌ failed${rule.reason ? `: ${mdText(rule.reason)}` : ''}`;
    return mdRow([
      mdText(rule.metric),
      value(rule.value),
      value(rule.baseline),
      difference,
      interval,
      result,
    ]);
  });
  return [
    `### Gate: ${r.gate.verdict}`,
    '',
    mdRow(['Metric', 'Candidate', 'Baseline', 'Difference', 'Interval of the difference', 'Result']),
    mdRow(['---', '--:', '--:', '--:', '--:', '---']),
    ...rows,
  ];
}

function slices(r: VersionRecord): string[] {
  const list = r.slices ?? [];
  if (list.length === 0) return [];
  const all = [...new Set(list.flatMap((s) => Object.keys(s.metrics)))];
  const gated = (r.gate?.rules ?? []).map((g) => g.metric).filter((m) => all.includes(m));
  const shown = [...new Set([...gated, ...all])].slice(0, SLICE_METRICS);
  const rows = list
    .slice(0, MAX_SLICE_ROWS)
    .map((s) =>
      mdRow([
        mdText(s.column),
        mdText(s.value),
        formatNumber(s.rows),
        ...shown.map((m) => value(Object.hasOwn(s.metrics, m) ? s.metrics[m] : undefined)),
      ]),
    );
  const more = list.length - MAX_SLICE_ROWS;
  return [
    '### Slices',
    '',
    mdRow(['Column', 'Value', 'Rows', ...shown.map(mdText)]),
    mdRow(['---', '---', '--:', ...shown.map(() => '--:')]),
    ...rows,
    ...(more > 0 ? ['', `_${formatNumber(more)} more slices are in model-card.json._`] : []),
  ];
}

function dataset(r: VersionRecord): string[] {
  if (!r.dataset) return [];
  return [
    '### Dataset',
    '',
    `- Location: ${mdCode(r.dataset.location)}`,
    `- sha256: ${mdCode(r.dataset.sha256)}`,
  ];
}

function lineage(r: VersionRecord, o: ModelCardOptions): string[] {
  const server = (o.serverUrl ?? 'https://github.com').replace(/\/+$/, '');
  const repo =
    o.repository && /^[\w.-]+\/[\w.-]+$/.test(o.repository) ? `${server}/${o.repository}` : undefined;
  const items = [
    `- Commit: ${repo ? mdLink(r.commit.slice(0, 12), `${repo}/commit/${r.commit}`) : mdCode(r.commit)}`,
  ];
  if (r.run) {
    const id = /\/actions\/runs\/([0-9]+)/.exec(r.run)?.[1];
    items.push(`- Workflow run: ${mdLink(id ? `run ${id}` : 'workflow run', r.run)}`);
  }
  if (r.parent) {
    const tag = encodeURIComponent(`${r.model.replace(':', '=')}@${r.parent}`).replace(/%2F/g, '/');
    items.push(
      `- Parent version: ${repo ? mdLink(r.parent, `${repo}/releases/tag/${tag}`) : mdText(r.parent)}`,
    );
  }
  if (r.registeredBy) items.push(`- Registered by: ${mdText(r.registeredBy)}`);
  if (o.registeredAt) items.push(`- Registered at: ${mdText(o.registeredAt)}`);
  if (r.attestation) items.push(`- Attestation: ${mdLink('build provenance', r.attestation)}`);
  return ['### Lineage', '', ...items];
}

function artifacts(r: VersionRecord): string[] {
  const versioned = r.artifacts.some((a) => a.versionId !== undefined);
  return [
    '### Artifacts',
    '',
    mdRow(['File', 'Size', 'sha256', ...(versioned ? ['Version id'] : [])]),
    mdRow(['---', '--:', '---', ...(versioned ? ['---'] : [])]),
    ...r.artifacts.map((a) =>
      mdRow([
        /^https:\/\//.test(a.uri) ? mdLink(a.name, a.uri) : `${mdText(a.name)} (${mdCode(a.uri)})`,
        formatBytes(a.size),
        mdCode(a.sha256),
        ...(versioned ? [a.versionId === undefined ? '—' : mdCode(a.versionId)] : []),
      ]),
    ),
  ];
}
