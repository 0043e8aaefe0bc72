import type { ModelVersion } from '../../registry/registry-types.js';
import type { RegistryShowOutcome } from './registry-outcomes.js';
import { formatCount } from '../../checks/describe.js';
import { formatNumber } from '../format-number.js';
import { shortTime, textTable } from './text-table.js';

/** `modelship registry show`: a model's versions and stages, or one version's record. */
export function renderRegistryShow(outcome: RegistryShowOutcome): string {
  if (outcome.kind === 'version') return renderVersion(outcome.version);
  const lines = [
    `${outcome.model}${outcome.deprecated ? ' (deprecated)' : ''}: ${formatCount(outcome.versions.length)} version${outcome.versions.length === 1 ? '' : 's'}`,
    '',
    ...textTable(
      ['version', 'status', 'stages', 'registered', 'by', 'commit'],
      outcome.versions.map((v) => [
        v.version,
        v.status,
        v.stages.join(', ') || '-',
        shortTime(v.registeredAt),
        v.registeredBy,
        v.commit.slice(0, 12),
      ]),
    ),
  ];
  return `${lines.join('\n')}\n`;
}

function renderVersion(v: ModelVersion): string {
  const lines = [
    `${v.model} ${v.version} (${v.status})`,
    `  tag         ${v.tag}`,
    `  commit      ${v.commit}`,
    `  registered  ${shortTime(v.registeredAt)} by ${v.registeredBy || 'unknown'}`,
    `  stages      ${v.stages.join(', ') || '-'}`,
  ];
  const record = v.record;
  if (!record) {
    lines.push(
      '',
      'No version record in its tag (registered by GTO or by hand): no metrics, gate or artifacts.',
    );
    return `${lines.join('\n')}\n`;
  }
  const metrics = Object.entries(record.metrics);
  if (metrics.length > 0)
    lines.push(
      '',
      'Metrics',
      ...textTable(
        ['metric', 'value'],
        metrics.map(([name, value]) => [name, value === null ? 'n/a' : formatNumber(value)]),
      ).map((l) => `  ${l}`),
    );
  if (record.gate) {
    lines.push('', `Gate: ${record.gate.verdict}`);
    if (record.gate.rules.length > 0)
      lines.push(
        ...textTable(
          ['metric', 'value', 'baseline', 'interval', 'result'],
          record.gate.rules.map((r) => [
            r.metric,
            r.value === null ? 'n/a' : formatNumber(r.value),
            r.baseline === undefined || r.baseline === null ? '-' : formatNumber(r.baseline),
            r.interval ? `[${formatNumber(r.interval[0])}, ${formatNumber(r.interval[1])}]` : '-',
            r.passed ? 'pass' : `FAIL${r.reason ? `: ${r.reason}` : ''}`,
          ]),
        ).map((l) => `  ${l}`),
      );
  }
  lines.push(
    '',
    'Artifacts',
    ...textTable(
      ['name', 'size', 'sha256', 'uri'],
      record.artifacts.map((a) => [
        a.name,
        formatCount(a.size),
        a.sha256.slice(0, 16),
        a.versionId ? `${a.uri} (version ${a.versionId})` : a.uri,
      ]),
    ).map((l) => `  ${l}`),
  );
  const lineage = [
    ...(record.dataset
      ? [['dataset', `${record.dataset.location} (sha256 ${record.dataset.sha256.slice(0, 16)})`]]
      : []),
    ...(record.parent ? [['parent', record.parent]] : []),
    ...(record.run ? [['run', record.run]] : []),
    ...(record.registeredBy ? [['by', record.registeredBy]] : []),
    ...(record.attestation ? [['attestation', record.attestation]] : []),
  ];
  if (lineage.length > 0) {
    const width = Math.max(...lineage.map(([k]) => k!.length));
    lines.push('', 'Lineage', ...lineage.map(([k, val]) => `  ${k!.padEnd(width)}  ${val}`));
  }
  return `${lines.join('\n')}\n`;
}
