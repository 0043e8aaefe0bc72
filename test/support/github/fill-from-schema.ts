import { githubOpenApi, type Schema } from './openapi.js';

const FIXED_TIME = '2026-01-01T00:00:00Z';

type Components = Record<string, Record<string, Schema>>;

function resolve(schema: Schema, components: Components): Schema {
  let node = schema;
  while (typeof node.$ref === 'string') {
    const [, , group, name] = node.$ref.split('/');
    node = components[group!]![name!]!;
  }
  return node;
}

/**
 * Completes `value` so it satisfies `schema`: every required property the stand-in does not model is
 * given the plainest valid value (null where allowed, the first enum member, 0, '', false, []).
 * Handlers set the fields that carry meaning (ids, shas, names, states, urls); this fills the rest, so
 * responses have GitHub's full shape and still pass the schema check.
 */
export function fillFromSchema(
  schema: Schema,
  value: unknown,
  baseUrl: string,
  components: Components = githubOpenApi().doc.components,
): unknown {
  const fill = (s: Schema, v: unknown) => fillFromSchema(s, v, baseUrl, components);
  const node = resolve(schema, components);
  if (Array.isArray(node.allOf)) {
    let result = value;
    for (const part of node.allOf as Schema[]) result = fill(part, result);
    return result;
  }
  const variants = (node.anyOf ?? node.oneOf) as Schema[] | undefined;
  if (variants) {
    if (value === null && variants.some((v) => resolve(v, components).type === 'null')) return null;
    // The variant of the value's own kind (a directory listing is the array variant, a file the object one).
    const kind = Array.isArray(value)
      ? 'array'
      : value === null || value === undefined
        ? undefined
        : typeof value;
    const matching = variants.find((v) => {
      const type = resolve(v, components).type;
      return kind === undefined
        ? type !== 'null'
        : type === kind || (kind === 'number' && type === 'integer');
    });
    return fill(
      matching ?? variants.find((v) => resolve(v, components).type !== 'null') ?? variants[0]!,
      value,
    );
  }
  if (value === null && node.nullable === true) return null;
  if (value === undefined) {
    if (node.nullable === true) return null;
    if (Array.isArray(node.enum)) return node.enum[0];
  }
  switch (node.type) {
    case 'object': {
      const object =
        value !== null && typeof value === 'object' ? { ...(value as Record<string, unknown>) } : {};
      const properties = (node.properties ?? {}) as Record<string, Schema>;
      for (const key of (node.required ?? []) as string[]) {
        if (properties[key]) object[key] = fill(properties[key], object[key]);
        else if (!(key in object)) object[key] = null;
      }
      for (const [key, property] of Object.entries(properties)) {
        if (
          key in object &&
          object[key] !== undefined &&
          !((node.required as string[] | undefined) ?? []).includes(key)
        ) {
          object[key] = fill(property, object[key]);
        }
      }
      return object;
    }
    case 'array': {
      if (!Array.isArray(value)) return [];
      return node.items ? value.map((item) => fill(node.items as Schema, item)) : value;
    }
    case 'string':
      if (value !== undefined && value !== null) return value;
      if (node.format === 'date-time') return FIXED_TIME;
      if (node.format === 'uri' || node.format === 'uri-template') return `${baseUrl}/stand-in`;
      if (node.format === 'email') return 'noreply@example.com';
      return '';
    case 'integer':
    case 'number':
      return value ?? 0;
    case 'boolean':
      return value ?? false;
    default:
      return value === undefined ? null : value;
  }
}
