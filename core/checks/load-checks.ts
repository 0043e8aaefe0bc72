import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { UserError, type ErrorLocation } from '../errors.js';
import { parseYamlWithSchema } from '../config/parse-yaml.js';
import { looksLikeData } from './looks-like-data.js';
import { checksFileSchema, type Check, type ChecksFile } from './check-schema.js';
import { defaultCheckName } from './check-name.js';

/** One check as written in the checks file, with where it was written. */
export interface LoadedCheck {
  check: Check;
  /** Unique within the file: the given or default name, with ` #2`, ` #3`… on repeats. */
  name: string;
  /** Position in the `checks:` list (0-based). */
  index: number;
  /** YAML line of the entry. */
  line: number;
  /** YAML line of each of the entry's keys (`column`, `pattern`…). */
  fieldLines: Record<string, number>;
}

export interface LoadedChecks {
  /** The checks file's name, as messages show it. */
  file: string;
  checks: LoadedCheck[];
  data?: ChecksFile['data'];
}

/**
 * Reads a checks file. Every schema problem is reported at once with its line; the lines of every
 * check and field are kept, so problems found later against the data (an unknown column, a mean on
 * text) can still say `checks.yml:14 (checks[3].column)`.
 */
export function loadChecks(text: string, file: string): LoadedChecks {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  if (doc.errors.length === 0 && doc.contents === null) {
    throw new UserError(
      'config',
      'the checks file is empty, so there is nothing to check: list the checks under a "checks:" key (`modelship validate --infer` writes a starter file from the data)',
      { file },
    );
  }
  const parsed = parseChecksFile(text, file, doc.contents);
  const items = doc.get('checks', true);
  const seen = new Map<string, number>();
  const checks = parsed.checks.map((check, index): LoadedCheck => {
    const node = isSeq(items) ? (items.items[index] as Node | undefined) : undefined;
    const line = lineOf(node, lineCounter) ?? 1;
    const fieldLines = Object.create(null) as Record<string, number>;
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = String((pair.key as { value?: unknown } | null)?.value ?? pair.key);
        fieldLines[key] = lineOf(pair.key as Node, lineCounter) ?? line;
      }
    }
    const base = check.name ?? defaultCheckName(check);
    const repeat = (seen.get(base) ?? 0) + 1;
    seen.set(base, repeat);
    return { check, name: repeat > 1 ? `${base} #${repeat}` : base, index, line, fieldLines };
  });
  return { file, checks, ...(parsed.data !== undefined ? { data: parsed.data } : {}) };
}

/** The checks file's content, or a UserError that says what is wrong with its shape, not just where. */
function parseChecksFile(text: string, file: string, root: unknown): ChecksFile {
  try {
    return parseYamlWithSchema(text, file, checksFileSchema);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    const data = looksLikeData(text, file);
    if (data !== undefined) {
      throw new UserError(
        'config',
        `this looks like data, not a checks file: ${data}. Were the data and the checks swapped (--data and --checks, or the action's data and checks inputs)? A checks file is YAML with a "checks:" list`,
        { file },
      );
    }
    if (
      isSeq(root) &&
      root.items.length > 0 &&
      root.items.every((item) => isMap(item) && item.has('check'))
    ) {
      throw new UserError('config', 'the list of checks must sit under a "checks:" key', { file, line: 1 });
    }
    throw error;
  }
}

/** Where a problem with one field of a loaded check sits: `checks.yml:14 (checks[3].column)`. */
export function checkLocation(checks: LoadedChecks, loaded: LoadedCheck, field?: string): ErrorLocation {
  const line = (field !== undefined ? loaded.fieldLines[field] : undefined) ?? loaded.line;
  return {
    file: checks.file,
    line,
    field: field !== undefined ? `checks[${loaded.index}].${field}` : `checks[${loaded.index}]`,
  };
}

function lineOf(node: Node | null | undefined, lines: LineCounter): number | undefined {
  const offset = node?.range?.[0];
  return offset === undefined ? undefined : lines.linePos(offset).line;
}
