import type { Repo, User } from '../state.js';

export type AuthorAssociation = 'OWNER' | 'MEMBER' | 'COLLABORATOR' | 'CONTRIBUTOR' | 'NONE';

/**
 * The commenter's relation to the repository, as GitHub computes `author_association`: the owner,
 * then a collaborator (any role given with `setPermission`), then someone whose pull request was
 * merged there, else NONE. The stand-in has no organisations, so MEMBER never occurs, and it does
 * not tell FIRST_TIMER / FIRST_TIME_CONTRIBUTOR apart from NONE.
 */
export function authorAssociation(repo: Repo, user: User): AuthorAssociation {
  if (user.login.toLowerCase() === repo.owner.login.toLowerCase()) return 'OWNER';
  const role = repo.collaborators.get(user.login);
  if (role && role !== 'none') return 'COLLABORATOR';
  const merged = [...repo.pulls.values()].some(
    (p) => p.merged === true && (p.user as { login?: string } | undefined)?.login === user.login,
  );
  return merged ? 'CONTRIBUTOR' : 'NONE';
}
