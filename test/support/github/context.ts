import type { IncomingMessage } from 'node:http';
import type { AssetHosts } from './asset-hosts.js';
import type { Operation } from './openapi.js';
import type { GitHubState, Repo, Token } from './state.js';
import type { WebhookDeliveries } from './webhooks/deliveries.js';

/** What a handler sees: the matched operation, parameters, body, the caller, and the state. */
export interface HandlerContext {
  operation: Operation;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  /** The body's bytes; empty for an asset upload, whose body is streamed from `request`. */
  rawBody: Buffer;
  /** The request itself, unread when the operation streams its body (asset uploads). */
  request: IncomingMessage;
  /** Which of the stand-in's hosts the request arrived on (GitHub takes uploads only on uploads.github.com). */
  host: 'api' | 'uploads';
  /** Release asset files, signed download URLs and the web host's download links. */
  assetHosts: AssetHosts;
  headers: Record<string, string | string[] | undefined>;
  token: Token | undefined;
  state: GitHubState;
  /** API and uploads base URLs of this stand-in. */
  baseUrl: string;
  uploadsUrl: string;
  /** The caller's credential's current rate-limit window (for `GET /rate_limit`). */
  rateLimit(): { limit: number; used: number; reset: number };
  /** The app's webhook deliveries (the `/app/hook/deliveries` endpoints). */
  webhooks: WebhookDeliveries;
  /** The repository named by {owner}/{repo}, checked to exist and be visible to the caller. */
  repo(): Repo;
}

export interface HandlerResult {
  status: number;
  body?: unknown;
  /** Raw bytes (asset downloads, blobs in raw form). */
  raw?: Buffer;
  headers?: Record<string, string>;
  /** Whole list for list endpoints; the server pages it and sets `Link`. */
  list?: unknown[];
  /** List endpoints that wrap items, e.g. `{ total_count, check_runs: [...] }`. */
  wrap?: (page: unknown[], total: number) => unknown;
  /**
   * The state change, applied only once the response has passed GitHub's schema: a response the
   * stand-in cannot send must not leave a change behind that a retrying client would duplicate.
   * A compare-and-swap lost here (HttpError) becomes the response instead.
   */
  commit?: () => void | Promise<void>;
  /** Undoes work done before the response (a received upload's file) when the response is not sent. */
  discard?: () => void | Promise<void>;
}

export type Handler = (ctx: HandlerContext) => HandlerResult | Promise<HandlerResult>;
