import { createHmac, randomUUID } from 'node:crypto';
import { completePayload, webhookProblems } from '../../webhooks/webhook-delivery.js';
import type { RepoEvent } from './events.js';

/** One attempt to deliver an event, as GitHub records it (`GET /app/hook/deliveries/{id}`). */
export interface HookDelivery {
  id: number;
  /** `X-GitHub-Delivery`: shared by a delivery and its redeliveries. */
  guid: string;
  event: string;
  action: string | null;
  installationId: number | null;
  repositoryId: number | null;
  payload: Record<string, unknown>;
  /** The exact bytes sent (what `X-Hub-Signature-256` signs). */
  body: string;
  requestHeaders: Record<string, string>;
  deliveredAt: string;
  redelivery: boolean;
  /** HTTP status of the receiver's answer; 0 when it never answered (refused, timed out). */
  statusCode: number;
  /** GitHub's wording: "OK", "Invalid HTTP Response: 500", "timed out", "failed to connect to host". */
  status: string;
  /** Seconds, as GitHub reports it. */
  duration: number;
  error?: string;
  responseHeaders: Record<string, string>;
  responseBody: string | null;
}

export interface HookSettings {
  id: number;
  hookId: number;
  webhookUrl?: string;
  webhookSecret: string;
  /** Events the app subscribes to; undefined: every event. */
  events?: string[];
}

/** The `@octokit/openapi-webhooks` key of an event, e.g. `issue-comment-created`, `push`. */
const schemaKey = (event: string, action?: string) =>
  [event, action].filter(Boolean).join('-').replaceAll('_', '-');

/**
 * Sends the app's webhook deliveries: signed like GitHub's, asynchronous (the API response never
 * waits for them), with a timeout, each attempt recorded and redeliverable. Every payload is checked
 * against GitHub's webhook schema first; a violation is a stand-in bug and is kept in `problems`.
 */
export class WebhookDeliveries {
  readonly list: HookDelivery[] = [];
  readonly problems: string[] = [];
  private readonly inflight = new Set<Promise<unknown>>();
  private nextId = 1;

  constructor(
    private readonly app: HookSettings,
    private readonly baseUrl: () => string,
    private readonly timeoutMs = 10_000,
  ) {}

  /** Whether an event would be delivered at all (lets the server skip snapshots nobody needs). */
  wanted(): boolean {
    return Boolean(this.app.webhookUrl);
  }

  /** Keeps a pending piece of work so `settled()` waits for it. */
  track<T>(work: Promise<T>): Promise<T> {
    this.inflight.add(work);
    void work.finally(() => this.inflight.delete(work)).catch(() => undefined);
    return work;
  }

  /** Delivers events in order to the app's URL, for one installation. */
  async deliver(events: RepoEvent[], installationId: number, repositoryId: number): Promise<void> {
    for (const { event, action, payload } of events) {
      if (this.app.events && !this.app.events.includes(event)) continue;
      const key = schemaKey(event, action);
      const full = completePayload(
        key,
        {
          ...payload,
          installation: {
            id: installationId,
            node_id: `MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9u${installationId}`,
          },
        },
        this.baseUrl(),
      );
      const problems = webhookProblems(key, full);
      if (problems.length > 0) this.problems.push(`${key}: ${problems.join('; ')}`);
      await this.send({
        guid: randomUUID(),
        event,
        action: action ?? null,
        installationId,
        repositoryId,
        payload: full,
        body: JSON.stringify(full),
        redelivery: false,
      });
    }
  }

  /** Sends a recorded delivery again: same GUID and body, a new delivery id, `redelivery: true`. */
  redeliver(id: number): Promise<HookDelivery> {
    const original = this.list.find((d) => d.id === id);
    if (!original) return Promise.reject(new Error(`no webhook delivery ${id}`));
    const { guid, event, action, installationId, repositoryId, payload, body } = original;
    return this.track(
      this.send({ guid, event, action, installationId, repositoryId, payload, body, redelivery: true }),
    );
  }

  /** Resolves once every delivery in flight (including ones queued while waiting) has finished. */
  async settled(): Promise<void> {
    while (this.inflight.size > 0) await Promise.allSettled([...this.inflight]);
  }

  private async send(
    d: Pick<
      HookDelivery,
      'guid' | 'event' | 'action' | 'installationId' | 'repositoryId' | 'payload' | 'body' | 'redelivery'
    >,
  ): Promise<HookDelivery> {
    const headers: Record<string, string> = {
      accept: '*/*',
      'content-type': 'application/json',
      'user-agent': 'GitHub-Hookshot/stand-in',
      'x-github-delivery': d.guid,
      'x-github-event': d.event,
      'x-github-hook-id': String(this.app.hookId),
      'x-github-hook-installation-target-id': String(this.app.id),
      'x-github-hook-installation-target-type': 'integration',
      'x-hub-signature': `sha1=${createHmac('sha1', this.app.webhookSecret).update(d.body).digest('hex')}`,
      'x-hub-signature-256': `sha256=${createHmac('sha256', this.app.webhookSecret).update(d.body).digest('hex')}`,
    };
    const record: HookDelivery = {
      ...d,
      id: this.nextId++,
      requestHeaders: headers,
      deliveredAt: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
      statusCode: 0,
      status: '',
      duration: 0,
      responseHeaders: {},
      responseBody: null,
    };
    const started = performance.now();
    try {
      if (!this.app.webhookUrl) throw new Error('the app has no webhook URL');
      const response = await fetch(this.app.webhookUrl, {
        method: 'POST',
        headers,
        body: d.body,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      record.responseBody = await response.text();
      record.statusCode = response.status;
      record.responseHeaders = Object.fromEntries(response.headers);
      record.status = response.ok ? 'OK' : `Invalid HTTP Response: ${response.status}`;
    } catch (error) {
      const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
      record.status = timedOut ? 'timed out' : 'failed to connect to host';
      record.error = timedOut
        ? `no answer within ${this.timeoutMs} ms`
        : String((error as Error).cause ?? error);
    }
    record.duration = Number(((performance.now() - started) / 1000).toFixed(3));
    this.list.push(record);
    return record;
  }

  /** A delivery as `apps/list-webhook-deliveries` lists it (no request or response). */
  item(d: HookDelivery) {
    return {
      id: d.id,
      guid: d.guid,
      delivered_at: d.deliveredAt,
      redelivery: d.redelivery,
      duration: d.duration,
      status: d.status,
      status_code: d.statusCode,
      event: d.event,
      action: d.action,
      installation_id: d.installationId,
      repository_id: d.repositoryId,
      throttled_at: null,
    };
  }

  /** A delivery as `apps/get-webhook-delivery` shows it. */
  detail(d: HookDelivery) {
    return {
      ...this.item(d),
      url: this.app.webhookUrl ?? '',
      request: { headers: d.requestHeaders, payload: d.payload },
      response: { headers: d.responseHeaders, payload: d.responseBody },
    };
  }
}
