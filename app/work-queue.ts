/**
 * Work handed over by a webhook handler, run after the webhook was answered. @octokit/webhooks'
 * middleware awaits the handlers before it responds, so a handler that did the work itself would keep
 * GitHub waiting (and time out at 10 s); handlers only start a task here and return. The queue keeps
 * every task in flight so that shutdown (SIGTERM) and tests can wait for them.
 */
export class WorkQueue {
  readonly #inFlight = new Set<Promise<void>>();
  #closed = false;

  constructor(private readonly onError: (error: unknown, name: string) => void) {}

  /** Starts `task` now without waiting for it; false (not started) once the queue is draining. */
  start(name: string, task: () => Promise<void>): boolean {
    if (this.#closed) return false;
    const running = Promise.resolve()
      .then(task)
      .catch((error: unknown) => this.onError(error, name))
      .finally(() => this.#inFlight.delete(running));
    this.#inFlight.add(running);
    return true;
  }

  get size(): number {
    return this.#inFlight.size;
  }

  /** Resolves when nothing is in flight (tasks started meanwhile are waited for too). */
  async settled(): Promise<void> {
    while (this.#inFlight.size > 0) await Promise.allSettled([...this.#inFlight]);
  }

  /** Refuses new tasks and waits for the running ones. */
  async drain(): Promise<void> {
    this.#closed = true;
    await this.settled();
  }
}
