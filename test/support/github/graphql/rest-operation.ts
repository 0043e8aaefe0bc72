import type { Handler, HandlerContext, HandlerResult } from '../context.js';
import { HttpError } from '../http-error.js';
import type { Repo } from '../state.js';
import { observe } from '../webhooks/observer.js';
import { GraphqlProblem, type GraphqlContext } from './graphql-context.js';

/** GitHub's GraphQL error type for what REST answers with a status. */
const TYPES: Record<number, string> = {
  401: 'FORBIDDEN',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'UNPROCESSABLE',
  422: 'UNPROCESSABLE',
};

/** Rewords a REST refusal GitHub's GraphQL API reports differently; undefined keeps REST's message. */
export type Reword = (error: HttpError) => GraphqlProblem | undefined;

/** REST's refusal as GraphQL's error (its message, GraphQL's type), unless `reword` says otherwise. */
export function asProblem(error: unknown, reword: Reword = () => undefined) {
  if (!(error instanceof HttpError)) return error;
  return reword(error) ?? new GraphqlProblem(TYPES[error.status] ?? 'UNPROCESSABLE', error.message);
}

/**
 * A mutation that does what a REST operation does, by running that operation's own handler: the
 * same stored objects, the same `commit()` (so the same webhooks, through the same observer, sent
 * by the caller), the same compare-and-swaps. The caller must already have checked that it may see
 * `repo` and may do `operationId` (`ctx.mayDo`), as the REST server checks before its handlers run.
 * Returns the REST answer (status and body) once the change is applied.
 */
export async function runRestOperation(
  ctx: GraphqlContext,
  repo: Repo,
  operationId: string,
  handler: Handler,
  params: Record<string, string>,
  body: unknown,
  reword?: Reword,
): Promise<HandlerResult> {
  const operation = ctx.operation(operationId);
  const handlerContext = {
    operation,
    params: { owner: repo.owner.login, repo: repo.name, ...params },
    query: new URLSearchParams(),
    body,
    rawBody: Buffer.from(JSON.stringify(body ?? {})),
    host: 'api',
    headers: {},
    token: ctx.token,
    state: ctx.state,
    baseUrl: ctx.baseUrl,
    uploadsUrl: '',
    rateLimit: ctx.rateLimit,
    webhooks: ctx.webhooks,
    repo: () => repo,
  } as unknown as HandlerContext; // no upload streams or asset hosts: none of these handlers reads them
  let result: HandlerResult;
  try {
    result = await observe(handlerContext, ctx.webhooks, () => handler(handlerContext));
  } catch (error) {
    throw asProblem(error, reword);
  }
  try {
    await result.commit?.();
  } catch (error) {
    await result.discard?.();
    throw asProblem(error, reword);
  }
  return result;
}
