import { gunzipSync } from 'node:zlib';
import type { DataFile } from '../../core/ports.js';

/**
 * A `DataFile` over bytes in memory, streamed in chunks of `chunkBytes` (1 makes every byte its own
 * chunk, the hardest case for a streaming parser). `.gz` names are gunzipped like real files.
 */
export function memoryFile(name: string, content: string | Uint8Array, chunkBytes = 1 << 16): DataFile {
  const stored = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  const bytes = name.endsWith('.gz') ? new Uint8Array(gunzipSync(stored)) : stored;
  return {
    name,
    size: stored.length,
    inWorkspace: true,
    async *stream() {
      for (let i = 0; i < bytes.length; i += chunkBytes) yield bytes.slice(i, i + chunkBytes);
    },
    read: async (start, end) => stored.slice(start, end),
  };
}
