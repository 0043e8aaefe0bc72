import type { VersionRecord } from '../../registry/version-record-schema.js';

// PROVISIONAL (fix/registry-write): a minimal model card so the register job runs before
// fix/registry-core's renderer lands; on merge, fix/registry-core's file replaces this one.
export function renderModelCard(record: VersionRecord): string {
  const lines = [`# ${record.model} ${record.version}`, ''];
  if (record.gate) lines.push(`Gate: **${record.gate.verdict}**`, '');
  const metrics = Object.entries(record.metrics);
  if (metrics.length > 0) {
    lines.push('| Metric | Value |', '|---|---|');
    for (const [name, value] of metrics) lines.push(`| ${name} | ${value ?? 'n/a'} |`);
    lines.push('');
  }
  lines.push('| Artifact | sha256 | Bytes |', '|---|---|---|');
  for (const a of record.artifacts) lines.push(`| ${a.name} | \`${a.sha256}\` | ${a.size} |`);
  lines.push('', `Commit: ${record.commit}`);
  if (record.dataset) lines.push(`Dataset: ${record.dataset.location} (sha256 ${record.dataset.sha256})`);
  if (record.run) lines.push(`Run: ${record.run}`);
  if (record.parent) lines.push(`Parent: ${record.parent}`);
  if (record.attestation) lines.push(`Attestation: ${record.attestation}`);
  return `${lines.join('\n')}\n`;
}
