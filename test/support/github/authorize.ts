import { HttpError, notFound } from './http-error.js';
import type { Operation } from './openapi.js';
import type { Permission, Repo, Token } from './state.js';

/** The permission of a GitHub App (or GITHUB_TOKEN) an operation needs, from GitHub's grouping of it. */
export function appPermissionOf(operation: Operation): string | undefined {
  const { category, subcategory } = operation;
  if (category === 'apps' || category === 'rate-limit') return undefined;
  // Deployment statuses are the deployments permission's (GitHub's docs); commit statuses are `statuses`.
  if (subcategory === 'statuses' && category !== 'deployments') return 'statuses';
  if (category === 'issues' || category === 'reactions') return 'issues';
  if (category === 'pulls') return 'pull_requests';
  if (category === 'checks') return 'checks';
  if (category === 'deployments') return 'deployments';
  if (category === 'actions') return 'actions';
  if (category === 'collaborators') return 'metadata';
  if (category === 'repos' && subcategory === 'repos' && operation.method === 'GET') return 'metadata';
  // git data, contents, releases, tags, branches, repository dispatches: the repository's contents.
  return 'contents';
}

const ROLE_ORDER: Permission[] = ['none', 'read', 'triage', 'write', 'maintain', 'admin'];
const atLeast = (role: Permission, needed: Permission) =>
  ROLE_ORDER.indexOf(role) >= ROLE_ORDER.indexOf(needed);

/** The role a person needs on a repository for an operation. */
function roleNeeded(operation: Operation, permission: string): Permission {
  const reading = operation.method === 'GET' || operation.method === 'HEAD';
  if (reading) return 'read';
  // Anyone who can read may open issues and pull requests, comment and react; labelling and
  // closing others' issues need triage; everything else writes to the repository.
  if (permission === 'issues') return operation.subcategory === 'labels' ? 'triage' : 'read';
  if (operation.operationId === 'pulls/create') return 'read';
  if (permission === 'pull_requests' && operation.operationId !== 'pulls/merge') return 'triage';
  return 'write';
}

/** A person's role: collaborators have theirs; anyone else may read a public repository. */
export function roleOf(repo: Repo, login: string): Permission {
  return repo.collaborators.get(login) ?? (repo.private ? 'none' : 'read');
}

/**
 * Refuses what GitHub refuses. A repository the caller may not see does not exist (404). An
 * installation token (an app, or a workflow's GITHUB_TOKEN) needs the operation's permission
 * (403 "Resource not accessible by integration"); a person needs a role — GitHub answers 404 to a
 * write by someone without push access, so as not to reveal more than they may know.
 */
export function authorize(operation: Operation, token: Token | undefined, repo: Repo): void {
  const key = repo.fullName.toLowerCase();
  if (token?.installationId === -1) return; // the app's own JWT, checked per operation by the server
  if (token?.repos && !token.repos.has(key)) throw notFound();
  const permission = appPermissionOf(operation);
  const reading = operation.method === 'GET' || operation.method === 'HEAD';
  if (!token) {
    if (repo.private) throw notFound();
    if (!reading) throw new HttpError(401, 'Requires authentication');
    return;
  }
  if (token.permissions) {
    if (!permission) return;
    const granted = permission === 'metadata' ? 'read' : token.permissions[permission];
    if (!granted) {
      if (reading && repo.private && !token.repos) throw notFound();
      throw new HttpError(403, 'Resource not accessible by integration');
    }
    if (!reading && granted !== 'write' && granted !== 'admin')
      throw new HttpError(403, 'Resource not accessible by integration');
    return;
  }
  if (operation.category === 'checks' && !reading) {
    // Check runs are written only by GitHub Apps (a workflow's GITHUB_TOKEN is one).
    throw new HttpError(403, 'You must authenticate via a GitHub App.');
  }
  const role = repo.owner.login === token.actor.login ? 'admin' : roleOf(repo, token.actor.login);
  if (role === 'none') throw notFound();
  if (!permission) return;
  const needed = roleNeeded(operation, permission);
  if (atLeast(role, needed)) return;
  if (needed === 'triage') throw new HttpError(403, 'Must have triage access to the repository.');
  throw notFound();
}
