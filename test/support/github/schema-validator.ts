import AjvModule, { type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { githubEmailFormat } from './github-email-format.js';
import { githubOpenApi, type Operation, type Schema } from './openapi.js';

/**
 * OpenAPI 3.0 schemas as JSON Schema for ajv: `$ref`s point into one registered copy of the
 * components, `nullable: true` without a `type` (which ajv cannot express) becomes
 * `anyOf [schema, null]`, and a nullable `enum` admits null. Each operation's validators compile on first use: start-up stays fast.
 */
function rewrite(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rewrite);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'example' || key === 'examples') continue;
    out[key] = key === '$ref' && typeof value === 'string' ? `github${value}` : rewrite(value);
  }
  // OpenAPI 3.0 lets `nullable` admit null even past an `enum` that does not list it.
  if (out.nullable === true && Array.isArray(out.enum) && !out.enum.includes(null))
    out.enum = [...out.enum, null];
  if (out.nullable === true && out.type === undefined) {
    delete out.nullable;
    return { anyOf: [out, { type: 'null' }] };
  }
  return out;
}

// CommonJS packages seen through nodenext: the classes sit on `.default`.
const Ajv = AjvModule.default;
const addFormats = addFormatsModule.default;

export class SchemaValidator {
  private readonly ajv: InstanceType<typeof Ajv>;
  private readonly cache = new Map<string, ValidateFunction>();

  constructor() {
    this.ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
    addFormats(this.ajv);
    this.ajv.addFormat('repo.nwo', /^[^/]+\/[^/]+$/);
    this.ajv.addFormat('timestamp', true);
    this.ajv.addFormat('email', githubEmailFormat);
    this.ajv.addSchema({ $id: 'github', components: rewrite(githubOpenApi().doc.components) } as Schema);
  }

  private compiled(key: string, schema: Schema): ValidateFunction {
    let validate = this.cache.get(key);
    if (!validate) {
      validate = this.ajv.compile(rewrite(schema) as Schema);
      this.cache.set(key, validate);
    }
    return validate;
  }

  /** Problems with a request body, as GitHub words a 422 ("… is not a member of …"), or [] when valid. */
  request(operation: Operation, body: unknown): string[] {
    if (!operation.requestSchema) return [];
    const validate = this.compiled(`${operation.operationId} request`, operation.requestSchema);
    return validate(body)
      ? []
      : (validate.errors ?? []).map((e) => `${e.instancePath || 'body'} ${e.message ?? 'is invalid'}`);
  }

  /** Problems with a response the stand-in is about to send, or [] when it matches GitHub's schema. */
  response(operation: Operation, status: number, body: unknown): string[] {
    const schema = operation.responses[String(status)]?.schema;
    if (!schema) return [];
    const validate = this.compiled(`${operation.operationId} ${status}`, schema);
    return validate(body)
      ? []
      : (validate.errors ?? [])
          .slice(0, 5)
          .map((e) => `${e.instancePath || 'body'} ${e.message ?? 'is invalid'}`);
  }
}
