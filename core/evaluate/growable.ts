type Typed = Float64Array | Int32Array | Uint8Array;

/** A typed array that doubles as rows arrive: a million predictions cost megabytes, never objects. */
export class Growable<T extends Typed> {
  private data: T;
  length = 0;

  constructor(private readonly make: (size: number) => T) {
    this.data = make(1024);
  }

  /** Room for `count` more values; returns the array to write at `length`…`length + count`. */
  reserve(count: number): T {
    if (this.length + count > this.data.length) {
      const bigger = this.make(Math.max(this.data.length * 2, this.length + count));
      (bigger as Typed).set(this.data.subarray(0, this.length) as never);
      this.data = bigger;
    }
    return this.data;
  }

  /** The values so far, trimmed to size (a copy, so the doubling slack is freed). */
  finish(): T {
    return this.data.slice(0, this.length) as T;
  }
}
