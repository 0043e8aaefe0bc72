import type { Repo } from '../state.js';

/**
 * The node ids the stand-in hands out, one scheme for REST's `node_id` and GraphQL's `id`, so an id
 * read from either API names the same object in the other: `R_<id>` a repository, `IC_<id>` an issue
 * comment, `I_<id>` an issue (or a pull request's issue side), `PR_<id>` a pull request, `DE_<id>` a
 * deployment, `DES_<id>` a deployment status (numbers from `state.id()`, unique across the stand-in),
 * and `REF_<base64url("repoId:refs/…")>` a ref, which has no number of its own. GitHub's real ids
 * are opaque too (`R_kgDO…`); code must never take one apart, and the stand-in's differ on purpose.
 */
export const repositoryId = (repo: Repo) => `R_${repo.id}`;

export const refId = (repo: Repo, qualified: string) =>
  `REF_${Buffer.from(`${repo.id}:${qualified}`).toString('base64url')}`;

/** What an id names: its kind and the numbers or names inside it; undefined for an id the stand-in never made. */
export type ParsedId =
  | { kind: 'R' | 'IC' | 'I' | 'PR' | 'DE' | 'DES'; id: number }
  | { kind: 'REF'; repoId: number; qualified: string };

export function parseNodeId(id: string): ParsedId | undefined {
  const numbered = /^(R|IC|I|PR|DE|DES)_(\d{1,15})$/.exec(id);
  if (numbered) return { kind: numbered[1] as 'R', id: Number(numbered[2]) };
  const ref = /^REF_([A-Za-z0-9_-]+)$/.exec(id);
  if (!ref) return undefined;
  const text = Buffer.from(ref[1]!, 'base64url').toString('utf8');
  const colon = text.indexOf(':');
  const repoId = text.slice(0, colon);
  const qualified = text.slice(colon + 1);
  if (colon === -1 || !/^\d+$/.test(repoId) || !qualified.startsWith('refs/')) return undefined;
  // base64url has one spelling per text: anything else was not made here.
  if (Buffer.from(text).toString('base64url') !== ref[1]) return undefined;
  return { kind: 'REF', repoId: Number(repoId), qualified };
}
