export interface RecordedCall {
  method: string;
  path: string;
  operationId: string | undefined;
  route: string | undefined;
  params: Record<string, string>;
  query: Record<string, string>;
  body: unknown;
  status: number;
  /** When the request arrived (ms since the epoch). */
  at: number;
  /** The fault injected into this call (`status-502`, `reset`, `secondary-rate-limit`, …), if any. */
  fault?: string;
  /** For `POST /graphql` (operationId `graphql`): the operation's name, kind and first root field. */
  graphql?: {
    operationName: string | undefined;
    operation: 'query' | 'mutation' | 'subscription' | undefined;
    rootField: string | undefined;
    /** Every root field in document order (`['addReaction', 'addComment']`), aliases resolved to names. */
    fields?: string[];
  };
}

/**
 * The calls a test can assert on: the most recent `limit` of them. A long concurrency or load test
 * would otherwise grow the log without bound; dropping the oldest half at once keeps pushes O(1)
 * amortised.
 */
export class CallLog extends Array<RecordedCall> {
  static override get [Symbol.species]() {
    return Array;
  }

  constructor(private readonly limit = 10_000) {
    super();
  }

  record(call: RecordedCall): void {
    this.push(call);
    if (this.length > 2 * this.limit) this.splice(0, this.length - this.limit);
  }
}
