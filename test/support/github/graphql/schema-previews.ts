import { GraphQLError, type ASTVisitor, type ValidationContext } from 'graphql';

/**
 * GitHub's schema previews: members that exist only for a request whose `Accept` header names the
 * preview's media type (`application/vnd.github.flash-preview+json`). Without it GitHub answers as
 * if the member did not exist — "Field 'createDeploymentStatus' doesn't exist on type 'Mutation'" —
 * although `@octokit/graphql-schema` lists it. From GitHub's "Schema previews" page.
 */
const PREVIEWS: Record<string, string[]> = {
  flash: ['DeploymentStatus.environment', 'Mutation.createDeploymentStatus', 'Mutation.createDeployment'],
  'merge-info': ['PullRequest.canBeRebased', 'PullRequest.mergeStateStatus'],
  'update-refs': ['Mutation.updateRefs'],
  'package-deletes': ['Mutation.deletePackageVersion'],
};

/** The previews an `Accept` header turns on (`application/vnd.github.NAME-preview+json`, several comma-separated). */
export function enabledPreviews(accept: string): Set<string> {
  const names = [...accept.matchAll(/application\/vnd\.github\.([a-z0-9-]+)-preview(?:\+json)?/gi)];
  return new Set(names.map((m) => m[1]!.toLowerCase()));
}

/**
 * A validation rule refusing the members of previews the request did not turn on, with graphql-js's
 * wording for an unknown field, which the endpoint turns into graphql-ruby's as for any other.
 */
export function previewRule(enabled: Set<string>) {
  const hidden = new Set(
    Object.entries(PREVIEWS)
      .filter(([name]) => !enabled.has(name))
      .flatMap(([, members]) => members),
  );
  return (context: ValidationContext): ASTVisitor => ({
    Field(node) {
      const parent = context.getParentType();
      if (!parent || !hidden.has(`${parent.name}.${node.name.value}`)) return;
      context.reportError(
        new GraphQLError(`Cannot query field "${node.name.value}" on type "${parent.name}".`, {
          nodes: node,
        }),
      );
    },
  });
}
