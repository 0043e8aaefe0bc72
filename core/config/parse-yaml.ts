import { isMap, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { UserError } from '../errors.js';
import { closestName } from '../checks/closest-name.js';
import { recallParse, rememberParse } from './remembered-parses.js';

/** How far aliases may expand a document (yaml's own default, stated so it cannot silently change). */
const MAX_ALIAS_COUNT = 100;

/**
 * Parses YAML text and validates it against a zod schema. Every problem (syntax or schema) is
 * reported at once with its YAML path and line, because fixing a config one error per run is misery.
 */
export function parseYamlWithSchema<S extends z.ZodType>(text: string, file: string, schema: S): z.output<S> {
  // `file` only names the file in errors, so a success depends on the text and schema alone.
  const recalled = recallParse(schema, text);
  if (recalled) return recalled.value as z.output<S>;
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
  const value = toJS(doc, file) ?? {};
  const result = schema.safeParse(value);
  if (result.success) {
    rememberParse(schema, text, result.data);
    return result.data;
  }

  const problems = result.error.issues.flatMap((issue) => {
    // zod reports every unknown key of a mapping as one issue at the mapping; each key gets its own
    // problem at its own line, since that is the line to fix.
    const located =
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((key) => ({
            path: [...issue.path, key],
            line: lineOf(doc.contents, [...issue.path, key], lineCounter, 'key'),
            message: unknownKeyMessage(key, knownKeys(schema, value, issue.path)),
          }))
        : [
            {
              path: issue.path,
              line: lineOf(doc.contents, issue.path, lineCounter, atKey(issue) ? 'key' : 'value'),
              message: issue.message,
            },
          ];
    return located.map(({ path: keys, line, message }) => {
      const path = keys.map(String);
      return { path, line, text: `${line ? `line ${line}, ` : ''}${formatPath(path)}: ${message}` };
    });
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

/**
 * The document as plain data. Aliases that expand without bound (a "billion laughs" file) are refused
 * by yaml's alias budget; that is the user's file at fault, so it is named, not a crash.
 */
function toJS(doc: Document, file: string): unknown {
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    if (!(error instanceof ReferenceError) || !/alias/i.test(error.message)) throw error;
    throw new UserError(
      'config',
      'too many YAML aliases: its anchors (&) and aliases (*) expand too far (a "billion laughs" document); write the values out or use fewer aliases',
      { file },
    );
  }
}

/**
 * A schema's own check about a key itself (an unknown metric name under `gate.metrics`) says so with
 * `params: { at: 'key' }`: the line to fix is the key's, not its value's.
 */
function atKey(issue: z.core.$ZodIssue): boolean {
  return issue.code === 'custom' && (issue.params as { at?: unknown } | undefined)?.at === 'key';
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}

/** `checks[2].column`, or `(top level)` for an empty path. */
export function formatPath(path: readonly string[]): string {
  if (path.length === 0) return '(top level)';
  return path.reduce((acc, key) => (/^\d+$/.test(key) ? `${acc}[${key}]` : acc ? `${acc}.${key}` : key), '');
}

/**
 * Line of the deepest node that exists along `path` (a missing key points at its parent map). With
 * `at: 'key'`, the last step's key rather than its value (a key whose value starts on a later line).
 */
function lineOf(
  root: unknown,
  path: readonly PropertyKey[],
  lines: LineCounter,
  at: 'value' | 'key' = 'value',
): number | undefined {
  let node = root as Node | null | undefined;
  let found = node;
  for (const [step, key] of path.entries()) {
    if (isMap(node)) {
      const pair = node.items.find(
        (p) => String((p.key as { value?: unknown })?.value ?? p.key) === String(key),
      );
      if (!pair) break;
      const last = step === path.length - 1;
      node = (last && at === 'key' ? pair.key : (pair.value ?? pair.key)) as Node;
    } else if (isSeq(node)) {
      node = node.items[Number(key)] as Node | undefined;
    } else break;
    if (!node) break;
    found = node;
  }
  const offset = found?.range?.[0];
  return offset === undefined ? undefined : lines.linePos(offset).line;
}

function unknownKeyMessage(key: string, known: readonly string[] | undefined): string {
  const head = `unknown key ${JSON.stringify(key)}`;
  if (known === undefined) return head;
  const near = closestName(key, known);
  return near ? `${head} (did you mean "${near}"?)` : `${head}; the keys here are: ${known.join(', ')}`;
}

/** The parts of a zod schema's definition that lead to the keys an object allows. */
interface SchemaNode {
  _zod: {
    def: {
      type: string;
      innerType?: SchemaNode;
      in?: SchemaNode;
      shape?: Record<string, SchemaNode>;
      element?: SchemaNode;
      valueType?: SchemaNode;
      options?: SchemaNode[];
      discriminator?: string;
      values?: unknown[];
    };
  };
}

/**
 * The keys the schema allows for the object at `path` in `value` (a check's keys depend on its
 * `check:`), to suggest the key meant; undefined where the schema's shape there is not plain.
 */
function knownKeys(schema: z.ZodType, value: unknown, path: readonly PropertyKey[]): string[] | undefined {
  let node = schema as unknown as SchemaNode;
  let at: unknown = value;
  let step = 0;
  const child = (key: PropertyKey) =>
    at !== null && typeof at === 'object' && Object.hasOwn(at, key)
      ? (at as Record<PropertyKey, unknown>)[key]
      : undefined;
  for (let guard = 0; guard < 100; guard++) {
    const def = node._zod.def;
    let next: SchemaNode | undefined;
    if (def.innerType) next = def.innerType;
    else if (def.type === 'pipe') next = def.in;
    else if (def.type === 'union' && def.discriminator !== undefined) {
      const tag = child(def.discriminator);
      next = def.options?.find((o) => {
        const shape = o._zod.def.shape;
        return (
          shape &&
          Object.hasOwn(shape, def.discriminator!) &&
          shape[def.discriminator!]!._zod.def.values?.includes(tag)
        );
      });
    } else if (def.type === 'object' && def.shape) {
      if (step === path.length) return Object.keys(def.shape);
      const key = String(path[step]);
      next = Object.hasOwn(def.shape, key) ? def.shape[key] : undefined;
      at = child(key);
      step++;
    } else if ((def.type === 'array' || def.type === 'record') && step < path.length) {
      next = def.element ?? def.valueType;
      at = child(path[step]!);
      step++;
    }
    if (!next) return undefined;
    node = next;
  }
  return undefined;
}
