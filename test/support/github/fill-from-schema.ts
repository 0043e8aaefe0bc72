import { githubOpenApi, type Schema } from './openapi.js';
import { userJson } from './representations.js';

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

/** Where a URL is being invented: the property's name and the nearest enclosing object with a `url`. */
interface UrlContext {
  key: string;
  holder?: Record<string, unknown>;
  /** A link object's `href` (`_links.comments.href`): `key` is the link's name. */
  link?: boolean;
}

/** Whether GitHub has an operation on exactly this path (the router lets a parameter span segments). */
function isRoute(path: string): boolean {
  let known = routes.get(path);
  if (known === undefined) {
    const segments = path.split('/').length;
    known = METHODS.some(
      (method) => githubOpenApi().match(method, path)?.operation.path.split('/').length === segments,
    );
    if (routes.size >= 10_000) routes.clear();
    routes.set(path, known);
  }
  return known;
}

/** Paths already looked up: a response's URLs repeat (each item of a list has the same kinds). */
const routes = new Map<string, boolean>();

const METHODS = ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'];

/**
 * A URL GitHub would give for `key` that the handler did not set, derived from the enclosing object as
 * GitHub derives its own (a user's URLs from its login, `html_url` from the API `url`, `X_url` from
 * `url` + `/X` when GitHub has such a route, a link's `href` from the holder's `X_url`). Never a
 * made-up path: with nothing to derive from, the holder's own `url`, or the API root.
 */
function inventUrl({ key, holder = {} }: UrlContext, baseUrl: string): string {
  const own = typeof holder.url === 'string' && holder.url.startsWith(baseUrl) ? holder.url : undefined;
  if (typeof holder.login === 'string') {
    const user = userJson(
      { login: holder.login, id: Number(holder.id ?? 0), type: holder.type === 'Bot' ? 'Bot' : 'User' },
      baseUrl,
    ) as Record<string, unknown>;
    if (typeof user[key] === 'string') return user[key] as string;
  }
  const html =
    typeof holder.html_url === 'string'
      ? holder.html_url
      : typeof holder.slug === 'string'
        ? `https://github.com/apps/${holder.slug}`
        : own?.replace(`${baseUrl}/repos/`, 'https://github.com/').replace(/\/pulls\/(\d+)/, '/pull/$1');
  if ((key === 'html_url' || key === 'html' || key === 'external_url') && html) return html;
  if ((key === 'diff_url' || key === 'patch_url') && html) return `${html}.${key.slice(0, -4)}`;
  if (key === 'self' && own) return own;
  const sibling = holder[`${key}_url`];
  if (typeof sibling === 'string' && sibling) return sibling;
  if (own) {
    const name = key.replace(/_url$/, '');
    const path = new URL(`${own}/${name}`).pathname;
    if (isRoute(path)) return `${own}/${name}`;
    return own;
  }
  return `${baseUrl}/`;
}

/** GitHub shows a user that no longer exists (or was never given) as `ghost`. */
const GHOST = { login: 'ghost', id: 10137, type: 'User' as const };

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
  context: UrlContext = { key: '' },
): unknown {
  const fill = (s: Schema, v: unknown, c: UrlContext = context) =>
    fillFromSchema(s, v, baseUrl, components, c);
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
      const required = (node.required ?? []) as string[];
      const properties = (node.properties ?? {}) as Record<string, Schema>;
      const invented = value === null || value === undefined;
      const object: Record<string, unknown> =
        !invented && typeof value === 'object'
          ? { ...(value as Record<string, unknown>) }
          : required.includes('login') && required.includes('avatar_url')
            ? userJson(GHOST, baseUrl)
            : {};
      // Objects nested in this one (`_links`, a link's `href`) derive their URLs from this one's fields.
      const holder =
        typeof object.url === 'string' || typeof object.login === 'string' ? object : context.holder;
      const isObject = (key: string) => resolve(properties[key]!, components).type === 'object';
      const order = [
        ...required.filter((k) => !properties[k] || !isObject(k)),
        ...required.filter((k) => properties[k] && isObject(k)),
      ];
      for (const key of order) {
        const nested = key === 'href' ? { key: context.key, holder, link: true } : { key, holder };
        if (properties[key]) object[key] = fill(properties[key], object[key], nested);
        else if (!(key in object)) object[key] = null;
      }
      for (const [key, property] of Object.entries(properties)) {
        if (key in object && object[key] !== undefined && !required.includes(key)) {
          object[key] = fill(property, object[key], { key, holder });
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
      if (node.format === 'uri' || node.format === 'uri-template') return inventUrl(context, baseUrl);
      // A URL field without a format in the schema (GitHub's templates such as `following_url`).
      if (context.link || context.key === 'url' || context.key.endsWith('_url'))
        return inventUrl(context, baseUrl);
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
