import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertValidSchema, buildSchema, type GraphQLSchema } from 'graphql';

let cached: { schema: GraphQLSchema; buildMs: number } | undefined;

/**
 * GitHub's public GraphQL schema (`@octokit/graphql-schema`), built once per process on first use:
 * 1.2 MB of SDL takes a few hundred milliseconds, which a test file that never sends a GraphQL call
 * should not pay. GitHub's published SDL defines two `EnterpriseOwnerInfo` fields twice, which
 * graphql-js's SDL check refuses; `assumeValidSDL` skips that check (the later definition wins, they
 * are identical) and `assertValidSchema` still checks the resulting type system.
 */
export function githubGraphqlSchema(): { schema: GraphQLSchema; buildMs: number } {
  if (cached) return cached;
  const started = performance.now();
  // The package exports only its index (ESM): schema.graphql sits next to it.
  const packageDir = dirname(fileURLToPath(import.meta.resolve('@octokit/graphql-schema')));
  const sdl = readFileSync(join(packageDir, 'schema.graphql'), 'utf8');
  const schema = buildSchema(sdl, { assumeValidSDL: true });
  assertValidSchema(schema);
  cached = { schema, buildMs: performance.now() - started };
  return cached;
}
