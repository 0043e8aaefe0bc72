import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { z } from 'zod';
import { UserError } from '../errors.js';

/**
 * Parses YAML text and validates it against a zod schema. Every problem (syntax or schema) is
 * reported at once with its YAML path and line, because fixing a config one error per run is misery.
 */
export function parseYamlWithSchema<S extends z.ZodType>(text: string, file: string, schema: S): z.output<S> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const problems = doc.errors.map((e) => {
      const pos = lineCounter.linePos(e.pos[0]);
      return `line ${pos.line}, column ${pos.col}: ${firstLine(e.message)}`;
    });
    const first = lineCounter.linePos(doc.errors[0]!.pos[0]);
    throw new UserError(
      'config',
      `invalid YAML: ${problems[0]!.replace(/^line \d+, column \d+: /, '')}`,
      {
        file,
        line: first.line,
        column: first.col,
      },
      problems.slice(1),
    );
  }
  const result = schema.safeParse(doc.toJS({ maxAliasCount: 100 }) ?? {});
  if (result.success) return result.data;

  const problems = result.error.issues.map((issue) => {
    const path = issue.path.map(String);
    const line = lineOf(doc.contents, issue.path, lineCounter);
    return { path, line, text: `${line ? `line ${line}, ` : ''}${formatPath(path)}: ${issue.message}` };
  });
  const first = problems[0]!;
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  throw new UserError(
    'config',
    `${count} in the configuration`,
    { file, ...(first.line ? { line: first.line } : {}), field: formatPath(first.path) },
    problems.map((p) => p.text),
  );
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}

/** `checks[2].column`, or `(top level)` for an empty path. */
export function formatPath(path: readonly string[]): string {
  if (path.length === 0) return '(top level)';
  return path.reduce((acc, key) => (/^\d+$/.test(key) ? `${acc}[${key}]` : acc ? `${acc}.${key}` : key), '');
}

/** Line of the deepest node that exists along `path` (a missing key points at its parent map). */
function lineOf(root: unknown, path: readonly PropertyKey[], lines: LineCounter): number | undefined {
  let node = root as Node | null | undefined;
  let found = node;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find(
        (p) => String((p.key as { value?: unknown })?.value ?? p.key) === String(key),
      );
      if (!pair) break;
      node = (pair.value ?? pair.key) as Node;
    } else if (isSeq(node)) {
      node = node.items[Number(key)] as Node | undefined;
    } else break;
    if (!node) break;
    found = node;
  }
  const offset = found?.range?.[0];
  return offset === undefined ? undefined : lines.linePos(offset).line;
}
