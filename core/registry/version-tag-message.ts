import { UserError } from '../errors.js';
import { formatNumber } from '../report/format-number.js';
import { versionRecordSchema, type VersionRecord } from './version-record-schema.js';

/**
 * A version tag's message: one line for people (what `git tag -n`, GitHub's tag page and GTO show),
 * a blank line, then the VersionRecord as indented JSON inside a fence:
 *
 *   Register fraud v1.2.0: gate passed, roc_auc 0.912
 *
 *   ```modelship-record
 *   {
 *     "schema": "modelship/version@1",
 *     …
 *   }
 *   ```
 *
 * Why this shape: git's default cleanup of `git tag -a -m/-F` (`strip`) drops lines starting with
 * `#`, trailing spaces and repeated blank lines; indented JSON has none of them, and neither has the
 * fence. The closing fence keeps the block findable when git appends a signature (signed tags).
 * GitHub renders the fence as a code block on the tag's page.
 */
/** The line that opens the record block (a cheap test for whether a message has one). */
export const VERSION_RECORD_FENCE = '```modelship-record';
const OPEN = VERSION_RECORD_FENCE;
const CLOSE = '```';

/** `Register fraud v1.2.0: gate passed, roc_auc 0.912` — the verdict and the first gated metric. */
export function versionTagHeadline(record: VersionRecord): string {
  const parts: string[] = [];
  if (record.gate) parts.push(`gate ${record.gate.verdict}`);
  const metric = record.gate?.rules.find((r) => r.value !== null)?.metric ?? Object.keys(record.metrics)[0];
  const value =
    metric === undefined
      ? undefined
      : ((Object.hasOwn(record.metrics, metric) ? record.metrics[metric] : undefined) ??
        record.gate?.rules.find((r) => r.metric === metric)?.value);
  if (metric !== undefined && value !== undefined && value !== null)
    parts.push(`${metric} ${formatNumber(value)}`);
  return `Register ${record.model} ${record.version}${parts.length > 0 ? `: ${parts.join(', ')}` : ''}`;
}

/** One line git keeps as written: no line breaks, no leading `#`, no surrounding spaces. */
function oneLine(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/^[\s#]+/, '')
    .trim();
}

export function formatVersionTagMessage(
  record: VersionRecord,
  headline = versionTagHeadline(record),
): string {
  const valid = versionRecordSchema.parse(record);
  const line = oneLine(headline) || versionTagHeadline(valid);
  return `${line}\n\n${OPEN}\n${JSON.stringify(valid, null, 2)}\n${CLOSE}\n`;
}

/**
 * The record in a tag message; undefined when there is none (tags made by GTO, by hand, or for
 * stages). A block that is there but broken (cut, not JSON, not a record) is a UserError of kind
 * `data`: `modelship registry doctor` reports it, and the version is read without its record.
 */
export function readVersionRecord(message: string): VersionRecord | undefined {
  const lines = message.split(/\r?\n/);
  const start = lines.findIndex((l) => l.trimEnd() === OPEN);
  if (start < 0) return undefined;
  const end = lines.findIndex((l, i) => i > start && l.trimEnd() === CLOSE);
  if (end < 0)
    throw new UserError('data', 'the modelship-record block in the tag message has no closing ``` line', {
      field: 'message',
    });
  let json: unknown;
  try {
    json = JSON.parse(lines.slice(start + 1, end).join('\n'));
  } catch (error) {
    throw new UserError(
      'data',
      `the modelship-record block in the tag message is not JSON: ${error instanceof Error ? error.message : String(error)}`,
      {
        field: 'message',
      },
    );
  }
  const result = versionRecordSchema.safeParse(json);
  if (!result.success) {
    const issues = result.error.issues.map((i) => `${i.path.join('.') || '(record)'}: ${i.message}`);
    throw new UserError(
      'data',
      'the modelship-record block in the tag message is not a valid version record',
      { field: 'message' },
      issues,
    );
  }
  return result.data;
}
