import { versionRecordSchema, type VersionRecord } from '../../registry/version-record-schema.js';

/**
 * The `model-card.json` release asset: the version record itself (the same contract as the tag
 * message's block), validated, indented, with a final newline — the same bytes on every re-run,
 * so a completed release compares equal to the first attempt's.
 */
export function modelCardJson(record: VersionRecord): string {
  return `${JSON.stringify(versionRecordSchema.parse(record), null, 2)}\n`;
}
