/**
 * A window over a byte stream for parsers that work on whole records: `fill()` keeps the unread tail
 * and appends chunks until at least `target` bytes are buffered (or the stream ends), growing when a
 * single record is larger than the window.
 */
export class ByteBuffer {
  bytes: Uint8Array;
  pos = 0;
  end = 0;
  eof = false;
  private readonly chunks: AsyncIterator<Uint8Array>;
  private pending: Uint8Array | undefined;

  constructor(
    source: AsyncIterable<Uint8Array>,
    private readonly target = 8 << 20,
  ) {
    this.chunks = source[Symbol.asyncIterator]();
    this.bytes = new Uint8Array(target + (1 << 20));
  }

  /** Moves the unread bytes to the front and reads more. Offsets into `bytes` are invalid afterwards. */
  async fill(): Promise<void> {
    const unread = this.end - this.pos;
    const wanted = Math.max(this.target, unread * 2);
    if (unread + wanted > this.bytes.length) {
      const grown = new Uint8Array(unread + wanted + (1 << 20));
      grown.set(this.bytes.subarray(this.pos, this.end));
      this.bytes = grown;
    } else if (this.pos > 0) this.bytes.copyWithin(0, this.pos, this.end);
    this.pos = 0;
    this.end = unread;
    while (!this.eof && this.end - unread < wanted) {
      const chunk = this.pending ?? (await this.next());
      this.pending = undefined;
      if (chunk === undefined) break;
      const room = this.bytes.length - this.end;
      if (chunk.length > room) {
        this.bytes.set(chunk.subarray(0, room), this.end);
        this.end += room;
        this.pending = chunk.subarray(room);
        break;
      }
      this.bytes.set(chunk, this.end);
      this.end += chunk.length;
    }
  }

  private async next(): Promise<Uint8Array | undefined> {
    const { value, done } = await this.chunks.next();
    if (done) {
      this.eof = true;
      return undefined;
    }
    return value;
  }

  /** Stops the underlying stream early (e.g. an error in the middle of a file). */
  async close(): Promise<void> {
    await this.chunks.return?.();
  }
}
