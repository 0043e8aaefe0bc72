import { createHmac, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import AjvModule from 'ajv';
import addFormatsModule from 'ajv-formats';
import { githubEmailFormat } from '../github/github-email-format.js';
import examples from '@octokit/webhooks-examples';
import { fillFromSchema } from '../github/fill-from-schema.js';

const Ajv = AjvModule.default;
const addFormats = addFormatsModule.default;

export interface WebhookDelivery {
  event: string;
  id: string;
  payload: Record<string, unknown>;
  body: string;
  headers: Record<string, string>;
}

type Example = Record<string, unknown> & { action?: string };

/** A real example payload of `event` (and `action`) from @octokit/webhooks-examples, deep-copied. */
export function examplePayload(event: string, action?: string): Example {
  const group = (examples as unknown as { name: string; examples: Example[] }[]).find(
    (e) => e.name === event,
  );
  const example = group?.examples.find((e) => action === undefined || e.action === action);
  if (!example)
    throw new Error(`no @octokit/webhooks-examples payload for ${event}${action ? `.${action}` : ''}`);
  return structuredClone(example);
}

interface WebhooksDocument {
  webhooks: Record<
    string,
    { post: { requestBody: { content: { 'application/json': { schema: Record<string, unknown> } } } } }
  >;
  components: Record<string, Record<string, Record<string, unknown>>>;
}
let webhooksDoc: WebhooksDocument | undefined;
function webhooksDocument(): WebhooksDocument {
  if (!webhooksDoc) {
    const path = createRequire(import.meta.url).resolve(
      '@octokit/openapi-webhooks/generated/api.github.com.json',
    );
    webhooksDoc = JSON.parse(readFileSync(path, 'utf8')) as WebhooksDocument;
  }
  return webhooksDoc;
}

/**
 * Completes a payload to GitHub's webhook schema (the examples predate fields GitHub now always
 * sends, such as `reactions`), keeping every value already there.
 */
export function completePayload(
  key: string,
  payload: Record<string, unknown>,
  baseUrl = 'https://api.github.com',
): Record<string, unknown> {
  const doc = webhooksDocument();
  const schema = doc.webhooks[key]!.post.requestBody.content['application/json'].schema;
  return fillFromSchema(schema, payload, baseUrl, doc.components) as Record<string, unknown>;
}

let validators: Map<string, (payload: unknown) => string[]> | undefined;
let hooksAjv: InstanceType<typeof Ajv> | undefined;

// `$ref`s point into one registered copy of the components, so each event's schema compiles alone.
const rewriteRefs = (node: unknown): unknown =>
  Array.isArray(node)
    ? node.map(rewriteRefs)
    : node && typeof node === 'object'
      ? Object.fromEntries(
          Object.entries(node).map(([k, v]) => [
            k,
            k === '$ref' && typeof v === 'string' ? `hooks${v}` : rewriteRefs(v),
          ]),
        )
      : node;

/** Checks a payload against GitHub's webhook schema (`@octokit/openapi-webhooks`), e.g. `issue-comment-created`. */
export function webhookProblems(key: string, payload: unknown): string[] {
  validators ??= new Map();
  let validate = validators.get(key);
  if (!validate) {
    const doc = webhooksDocument();
    if (!hooksAjv) {
      // One validator instance for every event: the components (most of the 10 MB) compile once.
      hooksAjv = new Ajv({ strict: false, allErrors: true });
      addFormats(hooksAjv);
      hooksAjv.addFormat('repo.nwo', true);
      hooksAjv.addFormat('uri-template', true);
      hooksAjv.addFormat('email', githubEmailFormat);
      hooksAjv.addSchema({ $id: 'hooks', components: rewriteRefs(doc.components) } as object);
    }
    const compiled = hooksAjv.compile(
      rewriteRefs(doc.webhooks[key]!.post.requestBody.content['application/json'].schema) as object,
    );
    validate = (p) =>
      compiled(p) ? [] : (compiled.errors ?? []).slice(0, 5).map((e) => `${e.instancePath} ${e.message}`);
    validators.set(key, validate);
  }
  return validate(payload);
}

/** `sha256=<hex>` HMAC of the exact body, as GitHub signs deliveries (X-Hub-Signature-256). */
export function signature(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/**
 * A signed delivery as GitHub sends it. `payload` is typically an example payload with the test's
 * repository, installation and pull request filled in.
 */
export function webhookDelivery(
  event: string,
  payload: Record<string, unknown>,
  secret: string,
): WebhookDelivery {
  const body = JSON.stringify(payload);
  const id = randomUUID();
  return {
    event,
    id,
    payload,
    body,
    headers: {
      'content-type': 'application/json',
      'user-agent': 'GitHub-Hookshot/stand-in',
      'x-github-event': event,
      'x-github-delivery': id,
      'x-hub-signature-256': signature(secret, body),
    },
  };
}

/** Posts a delivery to a URL; returns the HTTP status and body. */
export async function sendWebhook(
  url: string,
  delivery: WebhookDelivery,
): Promise<{ status: number; body: string }> {
  const response = await fetch(url, { method: 'POST', headers: delivery.headers, body: delivery.body });
  return { status: response.status, body: await response.text() };
}

/**
 * A crafted `issue_comment.created` payload on a pull request, from an example payload: FOR NEGATIVE
 * TESTS ONLY (bad or missing signatures, malformed deliveries). Its `comment.id` does not exist in the
 * stand-in and its `author_association` is the example's ("OWNER") whatever the commenter's role. For
 * an app's behaviour, post the comment through the stand-in's API instead: the stand-in delivers it
 * to `gh.app.webhookUrl` with real ids and roles (test/support/github/webhooks/).
 */
export function pullRequestComment(options: {
  repository: { owner: string; name: string; id?: number };
  pullNumber: number;
  body: string;
  login: string;
  installationId: number;
}): Record<string, unknown> {
  const payload = examplePayload('issue_comment', 'created');
  const issue = payload.issue as Record<string, unknown>;
  const comment = payload.comment as Record<string, unknown>;
  const repo = payload.repository as Record<string, unknown>;
  const owner = repo.owner as Record<string, unknown>;
  const full = `${options.repository.owner}/${options.repository.name}`;
  Object.assign(owner, { login: options.repository.owner });
  Object.assign(repo, {
    name: options.repository.name,
    full_name: full,
    ...(options.repository.id ? { id: options.repository.id } : {}),
  });
  Object.assign(issue, {
    number: options.pullNumber,
    pull_request: {
      url: `https://api.github.com/repos/${full}/pulls/${options.pullNumber}`,
      html_url: `https://github.com/${full}/pull/${options.pullNumber}`,
      diff_url: `https://github.com/${full}/pull/${options.pullNumber}.diff`,
      patch_url: `https://github.com/${full}/pull/${options.pullNumber}.patch`,
      merged_at: null,
    },
  });
  Object.assign(comment, { body: options.body, user: { ...(comment.user as object), login: options.login } });
  Object.assign(payload.sender as object, { login: options.login });
  payload.installation = { id: options.installationId, node_id: `MDIz${options.installationId}` };
  return completePayload('issue-comment-created', payload);
}
