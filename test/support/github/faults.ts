/** A failure to inject into the next matching calls. */
export type Fault =
  | { kind: 'status'; status: number; times?: number; operationId?: string }
  | { kind: 'secondary-rate-limit'; retryAfter?: number; times?: number; operationId?: string }
  | { kind: 'reset'; times?: number; operationId?: string }
  | { kind: 'latency'; ms: number; times?: number; operationId?: string }
  /**
   * The stand-in's own guarantee, tested: the handler runs, its response is made to break GitHub's
   * schema, and the change it would have made must not happen (500, recorded in responseProblems).
   */
  | { kind: 'break-response'; times?: number; operationId?: string }
  /**
   * What a client cannot tell from a reset: the handler runs and its change is kept, then the
   * connection drops before the answer (GitHub did it; the client must find out, not redo it blindly).
   */
  | { kind: 'lose-response'; times?: number; operationId?: string };

/** What a random fault may be: a status (`status-502`, `status-500`, …), a secondary rate limit, a reset. */
export type RandomFaultKind = `status-${number}` | 'secondary-rate-limit' | 'reset';

export interface RandomFaults {
  /** Share of calls that fail, 0 to 1. */
  rate: number;
  /** Default: `status-502`, `secondary-rate-limit` and `reset`, equally likely. */
  kinds?: RandomFaultKind[];
  /** Same seed, same calls fail (in arrival order); default: a fixed seed. */
  seed?: number;
  /** Only these operations (`graphql` for GraphQL calls); default: every API call. */
  operationIds?: string[];
}

/** mulberry32: a small seeded generator, so a failing fault test fails again with the same seed. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Faults queued by a test; each applies to `times` matching calls (default 1), then is used up.
 * `randomly` adds a failure rate on top, for fault-tolerance tests; queued faults come first.
 * Faults only touch API calls: the seeding helpers (`gh.createRepo`, …) never go through them.
 */
export class Faults {
  private readonly queue: (Fault & { left: number })[] = [];
  private random:
    { rate: number; kinds: RandomFaultKind[]; next: () => number; only?: Set<string> } | undefined;

  add(fault: Fault): void {
    this.queue.push({ ...fault, left: fault.times ?? 1 });
  }

  clear(): void {
    this.queue.length = 0;
  }

  /** Fails a share of calls at random (deterministic for a seed); `randomly(undefined)` stops it. */
  randomly(options: RandomFaults | undefined): void {
    if (!options) {
      this.random = undefined;
      return;
    }
    if (!(options.rate >= 0 && options.rate <= 1))
      throw new Error(`fault rate ${options.rate} is not in [0, 1]`);
    const kinds = options.kinds ?? ['status-502', 'secondary-rate-limit', 'reset'];
    for (const kind of kinds)
      if (!/^status-[45]\d\d$/.test(kind) && kind !== 'secondary-rate-limit' && kind !== 'reset')
        throw new Error(`unknown random fault kind ${kind}`);
    this.random = {
      rate: options.rate,
      kinds,
      next: seeded(options.seed ?? 0x5eed),
      ...(options.operationIds ? { only: new Set(options.operationIds) } : {}),
    };
  }

  take(operationId: string | undefined): Fault | undefined {
    const index = this.queue.findIndex(
      (f) => f.left > 0 && (!f.operationId || f.operationId === operationId),
    );
    if (index === -1) return this.takeRandom(operationId);
    const fault = this.queue[index]!;
    if (--fault.left === 0) this.queue.splice(index, 1);
    return fault;
  }

  private takeRandom(operationId: string | undefined): Fault | undefined {
    const random = this.random;
    if (!random || (random.only && !random.only.has(operationId ?? ''))) return undefined;
    // Two draws per call whatever happens, so one call's outcome never shifts the next's.
    const hit = random.next() < random.rate;
    const kind = random.kinds[Math.floor(random.next() * random.kinds.length)]!;
    if (!hit) return undefined;
    if (kind === 'reset') return { kind: 'reset' };
    if (kind === 'secondary-rate-limit') return { kind: 'secondary-rate-limit', retryAfter: 1 };
    return { kind: 'status', status: Number(kind.slice('status-'.length)) };
  }
}
