import type { NewRegistryTag } from '../ports/registry-tags.js';

/** What every life-cycle write takes besides its target. */
export interface LifecycleRequest {
  /** Who asked (a login, `name <email>`): written into the tag message. */
  by?: string;
  /** Why (a pull request, a `/promote` comment): written into the tag message. */
  reason?: string;
  /** The tag's tagger; default the writer's identity (git's, or the token's). */
  tagger?: NewRegistryTag['tagger'];
}
