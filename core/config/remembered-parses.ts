/**
 * Parsed configs, remembered by their exact text and schema. The promotion app parses the same ops
 * config (dozens of environments) on every command, often twice, and YAML plus zod was about half of
 * its CPU per command. The same text and schema always give the same value, so a success is kept and
 * handed out as a fresh copy each time (a caller that changes its copy changes no one else's).
 * Failures are not kept: they are rare, and parsing again gives the same error with its lines.
 * Only an optimisation within one process: bounded, keyed by content, never shared across processes.
 */

/** Texts per schema kept (least recently used dropped first): one per config file in use, with room. */
const ENTRIES_PER_SCHEMA = 16;
/** Larger texts are parsed every time, so the memory held stays small. */
const MAX_TEXT_LENGTH = 256 * 1024;

const bySchema = new WeakMap<object, Map<string, unknown>>();

/** A copy of the value parsed from `text` with `schema` before, or undefined. */
export function recallParse(schema: object, text: string): { value: unknown } | undefined {
  const entries = bySchema.get(schema);
  if (!entries?.has(text)) return undefined;
  const value = entries.get(text);
  // Most recently used last, so the first key is the one to drop.
  entries.delete(text);
  entries.set(text, value);
  return { value: copyOf(value) };
}

/** Keeps a copy of a successfully parsed value, when it is plain data that copies exactly. */
export function rememberParse(schema: object, text: string, value: unknown): void {
  if (text.length > MAX_TEXT_LENGTH || !isPlainData(value, 0)) return;
  let entries = bySchema.get(schema);
  if (!entries) bySchema.set(schema, (entries = new Map()));
  entries.delete(text);
  entries.set(text, copyOf(value));
  while (entries.size > ENTRIES_PER_SCHEMA) entries.delete(entries.keys().next().value!);
}

/**
 * Primitives, arrays, Maps and plain objects with only enumerable string keys: what YAML and the
 * schemas' transforms produce, and what `copyOf` copies without losing anything. Anything else (a
 * class instance, a function, a getter) is not remembered, so it cannot be handed out changed.
 */
function isPlainData(value: unknown, depth: number): boolean {
  if (depth > 64) return false;
  if (value === null || typeof value !== 'object')
    return typeof value !== 'function' && typeof value !== 'symbol';
  if (Array.isArray(value))
    return (
      Object.getPrototypeOf(value) === Array.prototype &&
      Reflect.ownKeys(value).length === value.length + 1 &&
      value.every((item) => isPlainData(item, depth + 1))
    );
  if (value instanceof Map)
    return (
      Object.getPrototypeOf(value) === Map.prototype &&
      [...value].every(([k, v]) => isPlainData(k, depth + 1) && isPlainData(v, depth + 1))
    );
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;
  return Reflect.ownKeys(value).every((key) => {
    const property = typeof key === 'string' ? Object.getOwnPropertyDescriptor(value, key) : undefined;
    return property?.enumerable === true && 'value' in property && isPlainData(property.value, depth + 1);
  });
}

function copyOf(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(copyOf);
  if (value instanceof Map) return new Map([...value].map(([k, v]) => [copyOf(k), copyOf(v)]));
  // fromEntries defines each key, so a key named `__proto__` stays a key, as in the original.
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, copyOf(item)]));
}
