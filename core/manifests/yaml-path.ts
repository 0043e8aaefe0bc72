import { UserError } from '../errors.js';

/** One step of a path: a mapping key or a sequence index. */
export type YamlPathStep = { key: string } | { index: number };

/**
 * Parses `a.b.c`, `list[0].x`, `key["with.dots"]` (or `['with.dots']`). A bare key runs up to the
 * next `.` or `[`; a quoted key takes JSON escapes in double quotes and `''` in single quotes.
 */
export function parseYamlPath(path: string, file?: string): YamlPathStep[] {
  const steps: YamlPathStep[] = [];
  const bad = (why: string): never => {
    throw new UserError(
      'config',
      `malformed yaml path ${JSON.stringify(path)}: ${why}; write it like a.b.c, list[0].x or key["with.dots"]`,
      { ...(file === undefined ? {} : { file }), field: 'path' },
    );
  };
  let i = 0;
  let expectKey = true;
  while (i < path.length) {
    const c = path[i]!;
    if (c === '[') {
      const close = findClose(path, i + 1) ?? bad(`"[" at ${i + 1} is not closed`);
      const inner = path.slice(i + 1, close);
      if (/^\d+$/.test(inner)) steps.push({ index: Number(inner) });
      else if (/^"(?:[^"\\]|\\.)*"$/.test(inner)) {
        try {
          steps.push({ key: JSON.parse(inner) as string });
        } catch {
          bad(`${inner} is not a valid double-quoted key`);
        }
      } else if (/^'(?:[^']|'')*'$/.test(inner))
        steps.push({ key: inner.slice(1, -1).replaceAll("''", "'") });
      else bad(`[${inner}] is neither an index nor a quoted key`);
      i = close + 1;
      expectKey = false;
      if (i < path.length && path[i] !== '.' && path[i] !== '[')
        bad(`unexpected ${JSON.stringify(path[i])} after ]`);
      if (path[i] === '.') {
        i++;
        expectKey = true;
        if (i === path.length) bad('it ends with "."');
      }
    } else {
      if (!expectKey) bad(`unexpected ${JSON.stringify(c)} at ${i + 1}`);
      let end = i;
      while (end < path.length && path[end] !== '.' && path[end] !== '[') {
        if (path[end] === ']') bad(`unexpected "]" at ${end + 1}`);
        end++;
      }
      if (end === i) bad(`an empty key at ${i + 1}`);
      steps.push({ key: path.slice(i, end) });
      i = end;
      expectKey = false;
      if (path[i] === '.') {
        i++;
        expectKey = true;
        if (i === path.length) bad('it ends with "."');
      }
    }
  }
  if (steps.length === 0) bad('it is empty');
  return steps;
}

/** The `]` closing a bracket opened just before `from`, skipping over a quoted key. */
function findClose(path: string, from: number): number | undefined {
  const quote = path[from];
  if (quote === '"' || quote === "'") {
    for (let i = from + 1; i < path.length; i++) {
      if (quote === '"' && path[i] === '\\') i++;
      else if (path[i] === quote) {
        if (quote === "'" && path[i + 1] === "'") i++;
        else return path[i + 1] === ']' ? i + 1 : undefined;
      }
    }
    return undefined;
  }
  const close = path.indexOf(']', from);
  return close === -1 ? undefined : close;
}
