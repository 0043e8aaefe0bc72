import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** A JSON Schema node of GitHub's OpenAPI description (OpenAPI 3.0 flavour). */
export type Schema = Record<string, unknown>;

export interface Operation {
  operationId: string;
  method: string;
  /** Path template, e.g. `/repos/{owner}/{repo}/check-runs`. */
  path: string;
  /** Every {param} one path segment. */
  pattern: RegExp;
  /** The last {param} may span slashes (refs, content paths, tags), tried when nothing matches strictly. */
  greedyPattern: RegExp;
  params: string[];
  /** GitHub's grouping of the operation (`x-github.category`/`subcategory`), which decides the permission it needs. */
  category: string;
  subcategory: string;
  parameters: { name: string; in: string; required?: boolean; schema?: Schema }[];
  requestSchema?: Schema;
  responses: Record<string, { schema?: Schema; contentType?: string }>;
}

export interface OpenApiDocument {
  doc: { components: Record<string, Record<string, Schema>>; paths: Record<string, Record<string, Schema>> };
  operations: Operation[];
  byId: Map<string, Operation>;
  match(method: string, path: string): { operation: Operation; params: Record<string, string> } | undefined;
}

let cached: OpenApiDocument | undefined;

/** GitHub's official REST description, loaded once per process (only the 13 MB file, not the package index). */
export function githubOpenApi(): OpenApiDocument {
  if (cached) return cached;
  const path = createRequire(import.meta.url).resolve('@octokit/openapi/generated/api.github.com.json');
  const doc = JSON.parse(readFileSync(path, 'utf8')) as OpenApiDocument['doc'];
  const deref = <T>(node: T): T => {
    const ref = (node as { $ref?: string } | undefined)?.$ref;
    if (!ref) return node;
    const [, , group, name] = ref.split('/');
    return doc.components[group!]![name!] as T;
  };
  const operations: Operation[] = [];
  for (const [template, methods] of Object.entries(doc.paths)) {
    for (const [method, raw] of Object.entries(methods)) {
      const op = raw as {
        operationId?: string;
        parameters?: Schema[];
        requestBody?: Schema;
        responses?: Record<string, Schema>;
        'x-github'?: { category?: string; subcategory?: string };
      };
      if (!op.operationId) continue;
      const params: string[] = [];
      const source = template
        .replace(/[.*+?^$()|[\]\\]/g, '\\$&')
        .replace(/\{([^}]+)\}/g, (_m, name: string) => {
          params.push(name);
          return '\u0000';
        });
      const segments = source.split('\u0000');
      const build = (greedy: boolean) =>
        new RegExp(
          `^${segments.map((s, i) => (i === 0 ? s : `${greedy && i === segments.length - 1 ? '(.+)' : '([^/]+)'}${s}`)).join('')}$`,
        );
      const pattern = build(false);
      const greedyPattern = build(true);
      const body = deref(op.requestBody) as { content?: Record<string, { schema?: Schema }> } | undefined;
      const responses: Operation['responses'] = {};
      for (const [status, response] of Object.entries(op.responses ?? {})) {
        const content = (deref(response) as { content?: Record<string, { schema?: Schema }> }).content;
        // application/json is the default representation; others (vnd.github.object…) are opt-in.
        const entries = Object.entries(content ?? {});
        const [contentType, media] =
          entries.find(([type]) => type === 'application/json') ?? entries[0] ?? [];
        responses[status] = {
          ...(media?.schema ? { schema: media.schema } : {}),
          ...(contentType ? { contentType } : {}),
        };
      }
      operations.push({
        operationId: op.operationId,
        method: method.toUpperCase(),
        category: op['x-github']?.category ?? '',
        subcategory: op['x-github']?.subcategory ?? '',
        path: template,
        pattern,
        greedyPattern,
        params,
        parameters: (op.parameters ?? []).map((p) => deref(p) as Operation['parameters'][number]),
        ...(body?.content?.['application/json']?.schema
          ? { requestSchema: body.content['application/json'].schema }
          : {}),
        responses,
      });
    }
  }
  // Literal paths before templated ones, and more specific templates before catch-alls.
  operations.sort((a, b) => a.params.length - b.params.length || b.path.length - a.path.length);
  const byId = new Map(operations.map((o) => [o.operationId, o]));
  // A greedy last parameter should go to the most specific template: the longest first.
  const greedyOrder = [...operations].sort((a, b) => b.path.length - a.path.length);
  // Candidates by method and number of path segments (a strict parameter is one segment, so only
  // templates with as many segments can match), in the order above: a lookup tries a few dozen
  // patterns, not all 1,200.
  const segmentsOf = (path: string) => path.split('/').length;
  const strict = new Map<string, Operation[]>();
  const greedyByMethod = new Map<string, Operation[]>();
  for (const operation of operations) {
    const key = `${operation.method} ${segmentsOf(operation.path)}`;
    strict.set(key, [...(strict.get(key) ?? []), operation]);
  }
  for (const operation of greedyOrder)
    greedyByMethod.set(operation.method, [...(greedyByMethod.get(operation.method) ?? []), operation]);
  const params = (operation: Operation, m: RegExpExecArray) => {
    const found: Record<string, string> = {};
    operation.params.forEach((name, i) => (found[name] = decodeURIComponent(m[i + 1]!)));
    return { operation, params: found };
  };
  cached = {
    doc,
    operations,
    byId,
    match(method, path) {
      for (const operation of strict.get(`${method} ${segmentsOf(path)}`) ?? []) {
        const m = operation.pattern.exec(path);
        if (m) return params(operation, m);
      }
      for (const operation of greedyByMethod.get(method) ?? []) {
        const m = operation.greedyPattern.exec(path);
        if (m) return params(operation, m);
      }
      return undefined;
    },
  };
  return cached;
}
