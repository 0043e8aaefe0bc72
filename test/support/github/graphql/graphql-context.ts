import type { HandlerContext } from '../context.js';
import { authorize } from '../authorize.js';
import { HttpError } from '../http-error.js';
import type { Operation } from '../openapi.js';
import type { RateWindow } from '../rate-limits.js';
import type { GitHubState, Repo, Token } from '../state.js';
import type { WebhookDeliveries } from '../webhooks/deliveries.js';
import { ObjectLoader } from './object-loader.js';

/**
 * An error GitHub's GraphQL API reports with a `type` (NOT_FOUND, FORBIDDEN, STALE_DATA, …): the
 * field resolves to null and the error names its path.
 */
export class GraphqlProblem extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

/** What every resolver of one GraphQL request sees. */
export class GraphqlContext {
  private readonly loaders = new Map<number, ObjectLoader>();

  constructor(
    readonly state: GitHubState,
    readonly token: Token,
    /** REST operations whose authorization rules GraphQL fields share (`repos/get`, `git/get-ref`, `git/create-commit`). */
    private readonly operations: Map<string, Operation>,
    readonly baseUrl: string,
    readonly rateLimit: () => RateWindow,
    readonly webhooks: WebhookDeliveries,
    /** The request's `Accept` header: schema previews (`application/vnd.github.flash-preview+json`). */
    readonly accept: string = '',
  ) {}

  /** A REST operation, for the authorization rules and handlers GraphQL shares with it. */
  operation(operationId: string): Operation {
    const found = this.operations.get(operationId);
    if (!found) throw new Error(`no REST operation ${operationId}`);
    return found;
  }

  /**
   * Whether the caller may do what REST's `operationId` does on `repo` (a repository it can see):
   * an installation without the permission gets FORBIDDEN "Resource not accessible by integration",
   * a person without the role FORBIDDEN naming the mutation, as GitHub words them.
   */
  mayDo(repo: Repo, operationId: string, mutation?: string): void {
    this.check(
      repo,
      operationId,
      this.token.permissions || !mutation
        ? 'Resource not accessible by integration'
        : `${this.token.actor.login} does not have the correct permissions to execute \`${mutation}\``,
    );
  }

  objects(repo: Repo): ObjectLoader {
    let loader = this.loaders.get(repo.id);
    if (!loader) this.loaders.set(repo.id, (loader = new ObjectLoader(repo.git)));
    return loader;
  }

  /** The repository if the caller may see it (REST's `repos/get` rules), else GitHub's NOT_FOUND. */
  visibleRepo(nameWithOwner: string): Repo {
    const [owner = '', name = ''] = nameWithOwner.split('/');
    const repo = this.state.repo(owner, name);
    const missing = new GraphqlProblem(
      'NOT_FOUND',
      `Could not resolve to a Repository with the name '${nameWithOwner}'.`,
    );
    if (!repo) throw missing;
    try {
      authorize(this.operations.get('repos/get')!, this.token, repo);
    } catch (error) {
      if (error instanceof HttpError) throw missing;
      throw error;
    }
    return repo;
  }

  /** Reading git data needs `contents: read` from an installation, a role that can read from a person. */
  mayRead(repo: Repo): void {
    this.check(repo, 'git/get-ref', 'Resource not accessible by integration');
  }

  /** Writing commits needs `contents: write` from an installation, push access from a person. */
  mayWrite(repo: Repo, mutation: string): void {
    this.check(
      repo,
      'git/create-commit',
      this.token.permissions
        ? 'Resource not accessible by integration'
        : `${this.token.actor.login} does not have the correct permissions to execute \`${mutation}\``,
    );
  }

  private check(repo: Repo, operationId: string, message: string) {
    try {
      authorize(this.operations.get(operationId)!, this.token, repo);
    } catch (error) {
      if (error instanceof HttpError) throw new GraphqlProblem('FORBIDDEN', message);
      throw error;
    }
  }

  /** What webhooks/observe needs to turn this request's state change into events. */
  handlerContext(repo: Repo): HandlerContext {
    return {
      operation: { ...this.operations.get('git/create-commit')!, operationId: 'graphql', method: 'POST' },
      params: { owner: repo.owner.login, repo: repo.name },
      token: this.token,
      state: this.state,
      baseUrl: this.baseUrl,
      repo: () => repo,
    } as unknown as HandlerContext;
  }
}
