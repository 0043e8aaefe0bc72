import { HttpError } from './http-error.js';

export interface RateWindow {
  limit: number;
  used: number;
  /** Unix seconds at which the window resets. */
  reset: number;
}

/**
 * GitHub's primary rate limit, per credential: a budget per hour. A request past the budget gets
 * GitHub's 403 with `x-ratelimit-remaining: 0` and the reset time, which Octokit's throttling plugin
 * waits on; a new window starts when the reset time passes.
 */
export class RateLimits {
  private readonly windows = new Map<string, RateWindow>();
  /** Budget of a credential not configured with `set` (GitHub: 5,000 an hour for tokens). */
  defaultLimit = 5000;

  /** Sets a credential's window, e.g. `{ limit: 10, used: 9 }` to exhaust it after one call. */
  set(credential: string, window: Partial<RateWindow>): void {
    this.windows.set(credential, { ...this.current(credential), ...window });
  }

  current(credential: string): RateWindow {
    const now = Math.floor(Date.now() / 1000);
    let window = this.windows.get(credential);
    if (!window || window.reset <= now) {
      window = { limit: window?.limit ?? this.defaultLimit, used: 0, reset: now + 3600 };
      this.windows.set(credential, window);
    }
    return window;
  }

  /** Counts one request against the credential; throws GitHub's refusal when the budget is spent. */
  spend(credential: string, who: string): Record<string, string> {
    const window = this.current(credential);
    if (window.used >= window.limit) {
      throw new HttpError(
        403,
        `API rate limit exceeded for ${who}. (But here's the good news: Authenticated requests get a higher rate limit. Check out the documentation for more details.)`,
        undefined,
        this.headers(window),
      );
    }
    window.used++;
    return this.headers(window);
  }

  headers(window: RateWindow): Record<string, string> {
    return {
      'x-ratelimit-limit': String(window.limit),
      'x-ratelimit-remaining': String(Math.max(0, window.limit - window.used)),
      'x-ratelimit-used': String(window.used),
      'x-ratelimit-reset': String(window.reset),
      'x-ratelimit-resource': 'core',
    };
  }
}
