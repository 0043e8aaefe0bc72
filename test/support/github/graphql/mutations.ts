import { deploymentHandlers } from '../handlers/deployments.js';
import { gitHandlers } from '../handlers/git.js';
import { issueHandlers } from '../handlers/issues.js';
import { reactionHandlers } from '../handlers/reactions.js';
import {
  deploymentNode,
  deploymentStatusNode,
  issueCommentNode,
  reactionNode,
  REACTION_CONTENT,
} from './content-nodes.js';
import { GraphqlProblem, type GraphqlContext } from './graphql-context.js';
import { refNode, type Node } from './graphql-nodes.js';
import { locate, nodeOf, unresolvable, type Located } from './node-lookup.js';
import { runRestOperation } from './rest-operation.js';

/**
 * GitHub's GraphQL mutations that have a REST twin, each done by the twin's own handler (see
 * `runRestOperation`), so a comment added here is the comment REST lists, with the same
 * `issue_comment` webhook, and a ref created here is one `git/get-ref` reads. graphql-js runs a
 * request's mutations one after another in document order, as GitHub does; one that fails is null
 * with its error, and the ones after it still run.
 */
type Stored = Record<string, unknown>;
type Input<T> = { input: T & { clientMutationId?: string | null } };

const REST_CONTENT = Object.fromEntries(Object.entries(REACTION_CONTENT).map(([rest, gql]) => [gql, rest]));

/** The located object if it is one of `kinds`; GitHub cannot load an id of another type for the argument. */
async function locateAs<K extends Located['kind']>(
  ctx: GraphqlContext,
  id: string,
  kinds: K[],
): Promise<Extract<Located, { kind: K }>> {
  const found = await locate(ctx, id);
  if (!(kinds as string[]).includes(found.kind)) throw unresolvable(id);
  return found as Extract<Located, { kind: K }>;
}

/** An edge's cursor: opaque, as GitHub's are. */
const cursor = (id: unknown) => Buffer.from(`cursor:${String(id)}`).toString('base64');

export function mutations(ctx: GraphqlContext) {
  return {
    addReaction: async ({ input }: Input<{ subjectId: string; content: string }>): Promise<Node> => {
      const found = await locateAs(ctx, input.subjectId, ['IssueComment', 'Issue', 'PullRequest']);
      const { repo } = found;
      const content = REST_CONTENT[input.content]!;
      const onComment = found.kind === 'IssueComment';
      const operationId = onComment ? 'reactions/create-for-issue-comment' : 'reactions/create-for-issue';
      ctx.mayDo(repo, operationId, 'AddReaction');
      const number =
        found.kind === 'Issue' ? found.number : found.kind === 'PullRequest' ? found.pull.number : 0;
      const result = await runRestOperation(
        ctx,
        repo,
        operationId,
        onComment ? issueHandlers[operationId]! : reactionHandlers[operationId]!,
        onComment ? { comment_id: String(found.comment.id) } : { issue_number: String(number) },
        { content },
      );
      // The subject as it is now, its new reaction included.
      const subject = (): Node =>
        onComment
          ? issueCommentNode(ctx, repo, repo.comments.get(found.comment.id as number) ?? found.comment)
          : nodeOf(ctx, found);
      return {
        __typename: 'AddReactionPayload',
        clientMutationId: input.clientMutationId ?? null,
        reaction: reactionNode(result.body as Stored, subject),
        subject,
        reactionGroups: () => (subject().reactionGroups as () => Node[])(),
      };
    },

    addComment: async ({ input }: Input<{ subjectId: string; body: string }>): Promise<Node> => {
      const found = await locateAs(ctx, input.subjectId, ['Issue', 'PullRequest']);
      const { repo } = found;
      ctx.mayDo(repo, 'issues/create-comment', 'AddComment');
      if (input.body.trim() === '') throw new GraphqlProblem('UNPROCESSABLE', "Body can't be blank");
      const number = found.kind === 'Issue' ? found.number : (found.pull.number as number);
      const result = await runRestOperation(
        ctx,
        repo,
        'issues/create-comment',
        issueHandlers['issues/create-comment']!,
        { issue_number: String(number) },
        { body: input.body },
      );
      const stored = result.body as Stored & { issue_number: number };
      const comment = issueCommentNode(ctx, repo, repo.comments.get(stored.id as number) ?? stored);
      const edge = (typename: string) => ({ __typename: typename, cursor: cursor(stored.id), node: comment });
      return {
        __typename: 'AddCommentPayload',
        clientMutationId: input.clientMutationId ?? null,
        commentEdge: edge('IssueCommentEdge'),
        timelineEdge: edge('IssueTimelineItemEdge'),
        subject: () => nodeOf(ctx, found),
      };
    },

    createRef: async ({
      input,
    }: Input<{ repositoryId: string; name: string; oid: string }>): Promise<Node> => {
      const { repo } = await locateAs(ctx, input.repositoryId, ['Repository']);
      ctx.mayDo(repo, 'git/create-ref', 'CreateRef');
      // GitHub documents `oid` as "Must point to a commit": an annotated tag's ref is made through
      // REST (`git/create-tag`, then `git/create-ref`). The stand-in holds callers to the documented rule.
      const type = await repo.git.typeOf(input.oid);
      if (type && type !== 'commit')
        throw new GraphqlProblem('UNPROCESSABLE', `The oid ${input.oid} does not point to a commit.`);
      const exists = new GraphqlProblem(
        'UNPROCESSABLE',
        `A ref named "${input.name}" already exists in the repository.`,
      );
      await runRestOperation(
        ctx,
        repo,
        'git/create-ref',
        gitHandlers['git/create-ref']!,
        {},
        { ref: input.name, sha: input.oid },
        (error) => (error.message === 'Reference already exists' ? exists : undefined),
      );
      return {
        __typename: 'CreateRefPayload',
        clientMutationId: input.clientMutationId ?? null,
        ref: refNode(ctx, repo, input.name, input.oid, undefined, 'commit'),
      };
    },

    deleteRef: async ({ input }: Input<{ refId: string }>): Promise<Node> => {
      const found = await locateAs(ctx, input.refId, ['Ref']);
      ctx.mayDo(found.repo, 'git/delete-ref', 'DeleteRef');
      await runRestOperation(
        ctx,
        found.repo,
        'git/delete-ref',
        gitHandlers['git/delete-ref']!,
        { ref: found.qualified.slice('refs/'.length) },
        undefined,
        // Deleted meanwhile (or moved, which a delete by id does not mind on GitHub, but REST's
        // compare-and-swap does): the ref the id named is gone.
        (error) => (error.status === 422 ? unresolvable(input.refId) : undefined),
      );
      return { __typename: 'DeleteRefPayload', clientMutationId: input.clientMutationId ?? null };
    },

    updateRef: async ({
      input,
    }: Input<{ refId: string; oid: string; force?: boolean | null }>): Promise<Node> => {
      const found = await locateAs(ctx, input.refId, ['Ref']);
      ctx.mayDo(found.repo, 'git/update-ref', 'UpdateRef');
      const result = await runRestOperation(
        ctx,
        found.repo,
        'git/update-ref',
        gitHandlers['git/update-ref']!,
        { ref: found.qualified.slice('refs/'.length) },
        { sha: input.oid, force: input.force ?? false },
      );
      const type = (result.body as { object: { type: string } }).object.type;
      return {
        __typename: 'UpdateRefPayload',
        clientMutationId: input.clientMutationId ?? null,
        ref: refNode(ctx, found.repo, found.qualified, input.oid, undefined, type),
      };
    },

    createDeployment: async ({
      input,
    }: Input<{
      repositoryId: string;
      refId: string;
      autoMerge?: boolean | null;
      description?: string | null;
      environment?: string | null;
      payload?: string | null;
      requiredContexts?: string[] | null;
      task?: string | null;
    }>): Promise<Node> => {
      const { repo } = await locateAs(ctx, input.repositoryId, ['Repository']);
      const ref = await locateAs(ctx, input.refId, ['Ref']);
      if (ref.repo !== repo) throw unresolvable(input.refId);
      ctx.mayDo(repo, 'repos/create-deployment', 'CreateDeployment');
      let payload: unknown;
      try {
        payload = JSON.parse(input.payload ?? '{}');
      } catch {
        throw new GraphqlProblem('UNPROCESSABLE', 'Payload is not valid JSON.');
      }
      const result = await runRestOperation(
        ctx,
        repo,
        'repos/create-deployment',
        deploymentHandlers['repos/create-deployment']!,
        {},
        {
          // REST takes a branch or tag by its short name (and merges into a branch that is behind).
          ref: ref.qualified.replace(/^refs\/(heads|tags)\//, ''),
          auto_merge: input.autoMerge ?? true,
          ...(input.description ? { description: input.description } : {}),
          environment: input.environment ?? 'production',
          payload,
          ...(input.requiredContexts ? { required_contexts: input.requiredContexts } : {}),
          task: input.task ?? 'deploy',
        },
      );
      const created =
        result.status === 201 ? repo.deployments.get((result.body as Stored).id as number) : undefined;
      return {
        __typename: 'CreateDeploymentPayload',
        clientMutationId: input.clientMutationId ?? null,
        autoMerged: result.status === 202,
        deployment: created ? deploymentNode(ctx, repo, created) : null,
      };
    },

    createDeploymentStatus: async ({
      input,
    }: Input<{
      deploymentId: string;
      state: string;
      description?: string | null;
      environment?: string | null;
      environmentUrl?: string | null;
      logUrl?: string | null;
      autoInactive?: boolean | null;
    }>): Promise<Node> => {
      const found = await locateAs(ctx, input.deploymentId, ['Deployment']);
      const { repo, deployment } = found;
      ctx.mayDo(repo, 'repos/create-deployment-status', 'CreateDeploymentStatus');
      // REST has no `waiting` state to set: GitHub sets it itself for environments with reviewers.
      if (input.state === 'WAITING')
        throw new GraphqlProblem('UNPROCESSABLE', 'State is not included in the list');
      const result = await runRestOperation(
        ctx,
        repo,
        'repos/create-deployment-status',
        deploymentHandlers['repos/create-deployment-status']!,
        { deployment_id: String(deployment.id) },
        {
          state: input.state.toLowerCase(),
          description: input.description ?? '',
          ...(input.environment ? { environment: input.environment } : {}),
          ...(input.environmentUrl ? { environment_url: input.environmentUrl } : {}),
          ...(input.logUrl ? { log_url: input.logUrl } : {}),
          auto_inactive: input.autoInactive ?? true,
        },
      );
      const id = (result.body as Stored).id;
      const status = (repo.deploymentStatuses.get(deployment.id as number) ?? []).find((s) => s.id === id);
      return {
        __typename: 'CreateDeploymentStatusPayload',
        clientMutationId: input.clientMutationId ?? null,
        deploymentStatus: deploymentStatusNode(ctx, repo, deployment, status ?? (result.body as Stored)),
      };
    },
  };
}
