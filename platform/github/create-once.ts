/** A failure after which the write may or may not have happened: no answer, a reset, a 5xx. */
export function mayHaveHappened(error: unknown): boolean {
  const status = (error as { status?: number }).status;
  return status === undefined || status >= 500;
}

/**
 * A create that must not be repeated blindly (a comment, a deployment): GitHub may have done it and
 * the answer been lost, so after such a failure the thing is looked for before trying again. The
 * client's own retries are off for `create` (pass `request: { retries: 0 }`); rate limits are still
 * waited for by the throttling plugin, since GitHub did nothing then.
 */
export async function createOnce<T>(
  create: () => Promise<T>,
  find: () => Promise<T | undefined>,
  attempts = 4,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await create();
    } catch (error) {
      if (attempt >= attempts || !mayHaveHappened(error)) throw error;
      const found = await find().catch(() => undefined);
      if (found !== undefined) return found;
      await new Promise((ok) => setTimeout(ok, 100 * 2 ** attempt));
    }
  }
}
