import {
  defaultFieldResolver,
  execute,
  GraphQLError,
  Kind,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type FragmentDefinitionNode,
  type SelectionNode,
  type GraphQLFieldResolver,
  type OperationDefinitionNode,
} from 'graphql';
import { createCommitOnBranch, type CreateCommitOnBranchInput } from './create-commit-on-branch.js';
import { GraphqlProblem, type GraphqlContext } from './graphql-context.js';
import { repositoryNode, type Node } from './graphql-nodes.js';
import { mutations } from './mutations.js';
import { nodeById } from './node-lookup.js';
import { enabledPreviews, previewRule } from './schema-previews.js';
import { githubGraphqlSchema } from './github-graphql-schema.js';

/** What the call log keeps about a GraphQL call, for tests to count and filter. */
export interface GraphqlCallInfo {
  operationName: string | undefined;
  operation: 'query' | 'mutation' | 'subscription' | undefined;
  /** The first field of the operation (`repository`, `createCommitOnBranch`, …). */
  rootField: string | undefined;
  /**
   * Every root field, in document order (field names, not aliases): `['addReaction', 'addComment']`
   * for a request of two mutations, `['repository', 'repository']` for two aliased repositories.
   */
  fields?: string[];
}

/** Errors in GitHub's shape: `type` beside `message` for its own errors, graphql-ruby's wording for validation. */
type GithubGraphqlError = {
  type?: string;
  path?: readonly (string | number)[];
  locations?: readonly { line: number; column: number }[];
  message: string;
  extensions?: Record<string, unknown>;
};

/** GitHub runs graphql-ruby: its validation messages read differently from graphql-js's. */
function githubValidationError(error: GraphQLError): GithubGraphqlError {
  const locations = error.locations;
  let m = /^Cannot query field "(.+?)" on type "(.+?)"\./.exec(error.message);
  if (m)
    return {
      path: undefined,
      locations,
      message: `Field '${m[1]}' doesn't exist on type '${m[2]}'`,
      extensions: { code: 'undefinedField', typeName: m[2], fieldName: m[1] },
    };
  m = /^Unknown argument "(.+?)" on field "(.+?)\.(.+?)"\./.exec(error.message);
  if (m)
    return {
      locations,
      message: `Field '${m[3]}' doesn't accept argument '${m[1]}'`,
      extensions: { code: 'argumentNotAccepted', name: m[3], typeName: 'Field', argumentName: m[1] },
    };
  m = /^Field "(.+?)" argument "(.+?)" of type ".+?" is required, but it was not provided\./.exec(
    error.message,
  );
  if (m)
    return {
      locations,
      message: `Field '${m[1]}' is missing required arguments: ${m[2]}`,
      extensions: { code: 'missingRequiredArguments', className: 'Field', name: m[1], arguments: m[2] },
    };
  return { locations, message: error.message };
}

/** The root fields of an operation, in document order, through fragments. */
function rootFields(document: DocumentNode, selections: readonly SelectionNode[]): string[] {
  return selections.flatMap((s) => {
    if (s.kind === Kind.FIELD) return [s.name.value];
    if (s.kind === Kind.INLINE_FRAGMENT) return rootFields(document, s.selectionSet.selections);
    const fragment = document.definitions.find(
      (d): d is FragmentDefinitionNode =>
        d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === s.name.value,
    );
    return fragment ? rootFields(document, fragment.selectionSet.selections) : [];
  });
}

function operationOf(document: DocumentNode, name: string | undefined): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  return name ? operations.find((o) => o.name?.value === name) : operations[0];
}

/**
 * Resolves what the stand-in implements and refuses, by name, what it does not: a query must never
 * get a quiet null for a field GitHub would have answered.
 */
const fieldResolver: GraphQLFieldResolver<unknown, GraphqlContext> = (source, args, context, info) => {
  if (source && typeof source === 'object' && !(info.fieldName in source))
    throw new GraphqlProblem(
      'NOT_IMPLEMENTED',
      `not implemented by the stand-in: ${info.parentType.name}.${info.fieldName}`,
    );
  return defaultFieldResolver(source, args, context, info);
};

function rootValue(ctx: GraphqlContext) {
  return {
    repository: ({ owner, name }: { owner: string; name: string }) =>
      repositoryNode(ctx, ctx.visibleRepo(`${owner}/${name}`)),
    viewer: (): Node => ({ __typename: 'User', login: ctx.token.actor.login }),
    rateLimit: (): Node => {
      const window = ctx.rateLimit();
      return {
        __typename: 'RateLimit',
        cost: 1,
        limit: window.limit,
        used: window.used,
        remaining: Math.max(0, window.limit - window.used),
        resetAt: new Date(window.reset * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
        nodeCount: 0,
      };
    },
    node: ({ id }: { id: string }) => nodeById(ctx, id),
    // `nodes(ids:)`: an id that does not resolve is a null in the list and an error naming its index.
    nodes: ({ ids }: { ids: string[] }) => ids.map((id) => nodeById(ctx, id)),
    createCommitOnBranch: ({ input }: { input: CreateCommitOnBranchInput }) =>
      createCommitOnBranch(ctx, input),
    ...mutations(ctx),
  };
}

/**
 * One `POST /graphql`: parsed and validated against GitHub's schema (errors as GitHub reports them,
 * with HTTP 200), then executed over the stand-in's state and git. `problems` receives errors that
 * are bugs in the stand-in (anything not a GraphqlProblem), so `gh.close()` fails on them.
 */
export async function runGraphql(
  ctx: GraphqlContext,
  body: unknown,
  info: GraphqlCallInfo,
  problems: string[],
): Promise<{ data?: unknown; errors?: GithubGraphqlError[] }> {
  const request = (body ?? {}) as { query?: unknown; variables?: unknown; operationName?: unknown };
  if (typeof request.query !== 'string')
    return { errors: [{ message: 'A query attribute must be specified and must be a string.' }] };
  const operationName = typeof request.operationName === 'string' ? request.operationName : undefined;
  let document: DocumentNode;
  try {
    document = parse(request.query);
  } catch (error) {
    if (error instanceof GraphQLError)
      return { errors: [{ locations: error.locations, message: error.message }] };
    throw error;
  }
  const operation = operationOf(document, operationName);
  const fields = operation ? rootFields(document, operation.selectionSet.selections) : [];
  Object.assign(info, {
    operationName: operationName ?? operation?.name?.value,
    operation: operation?.operation,
    rootField: fields[0],
    fields,
  });
  const { schema } = githubGraphqlSchema();
  const invalid = validate(schema, document, [...specifiedRules, previewRule(enabledPreviews(ctx.accept))]);
  if (invalid.length > 0) return { errors: invalid.map(githubValidationError) };
  const variables = request.variables ?? undefined;
  if (variables !== undefined && variables !== null && typeof variables !== 'object')
    return { errors: [{ message: 'Variables are invalid JSON.' }] };
  const result = await execute({
    schema,
    document,
    rootValue: rootValue(ctx),
    contextValue: ctx,
    variableValues: (variables ?? undefined) as Record<string, unknown> | undefined,
    operationName,
    fieldResolver,
    typeResolver: (value) => (value as Node).__typename,
  });
  const errors = result.errors?.map((error): GithubGraphqlError => {
    const original = error.originalError;
    if (original instanceof GraphqlProblem)
      return { type: original.type, path: error.path, locations: error.locations, message: original.message };
    if (original) problems.push(`graphql ${info.rootField ?? ''}: ${original.stack ?? String(original)}`);
    return {
      ...(error.path ? { path: error.path } : {}),
      locations: error.locations,
      message: error.message,
      ...(error.extensions && Object.keys(error.extensions).length ? { extensions: error.extensions } : {}),
    };
  });
  return { ...(result.data !== undefined ? { data: result.data } : {}), ...(errors ? { errors } : {}) };
}
