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
  | { kind: 'break-response'; times?: number; operationId?: string };

/** Faults queued by a test; each applies to `times` matching calls (default 1), then is used up. */
export class Faults {
  private readonly queue: (Fault & { left: number })[] = [];

  add(fault: Fault): void {
    this.queue.push({ ...fault, left: fault.times ?? 1 });
  }

  clear(): void {
    this.queue.length = 0;
  }

  take(operationId: string | undefined): Fault | undefined {
    const index = this.queue.findIndex(
      (f) => f.left > 0 && (!f.operationId || f.operationId === operationId),
    );
    if (index === -1) return undefined;
    const fault = this.queue[index]!;
    if (--fault.left === 0) this.queue.splice(index, 1);
    return fault;
  }
}
