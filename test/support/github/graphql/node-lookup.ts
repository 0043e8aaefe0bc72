import type { Repo } from '../state.js';
import {
  deploymentNode,
  deploymentStatusNode,
  issueCommentNode,
  issueNode,
  pullRequestNode,
} from './content-nodes.js';
import { GraphqlProblem, type GraphqlContext } from './graphql-context.js';
import { refNode, repositoryNode, type Node } from './graphql-nodes.js';
import { parseNodeId } from './node-ids.js';

type Stored = Record<string, unknown>;

/** What a node id names, found in the stand-in's state, in a repository the caller can see. */
export type Located =
  | { kind: 'Repository'; repo: Repo }
  | { kind: 'Ref'; repo: Repo; qualified: string; oid: string; type: string }
  | { kind: 'IssueComment'; repo: Repo; comment: Stored & { issue_number: number } }
  | { kind: 'Issue'; repo: Repo; number: number; issue: Stored }
  | { kind: 'PullRequest'; repo: Repo; pull: Stored }
  | { kind: 'Deployment'; repo: Repo; deployment: Stored }
  | { kind: 'DeploymentStatus'; repo: Repo; deployment: Stored; status: Stored };

export const unresolvable = (id: string) =>
  new GraphqlProblem('NOT_FOUND', `Could not resolve to a node with the global id of '${id}'`);

function find(ctx: GraphqlContext, id: string): Promise<Located | undefined> | Located | undefined {
  const parsed = parseNodeId(id);
  if (!parsed) return undefined;
  const repos = [...ctx.state.repos.values()];
  if (parsed.kind === 'REF') {
    const repo = repos.find((r) => r.id === parsed.repoId);
    if (!repo) return undefined;
    return repo.git.refs(parsed.qualified).then((refs) => {
      const found = refs.find((r) => r.ref === parsed.qualified);
      return found
        ? { kind: 'Ref' as const, repo, qualified: parsed.qualified, oid: found.sha, type: found.type }
        : undefined;
    });
  }
  const n = parsed.id;
  for (const repo of repos) {
    switch (parsed.kind) {
      case 'R':
        if (repo.id === n) return { kind: 'Repository', repo };
        break;
      case 'IC': {
        const comment = repo.comments.get(n);
        if (comment) return { kind: 'IssueComment', repo, comment };
        break;
      }
      case 'PR':
        for (const pull of repo.pulls.values()) if (pull.id === n) return { kind: 'PullRequest', repo, pull };
        break;
      case 'I':
        // A pull request's issue side has the pull request's id (REST's issue view of it).
        for (const issue of repo.issues.values())
          if (issue.id === n) return { kind: 'Issue', repo, number: issue.number, issue: { ...issue } };
        for (const pull of repo.pulls.values())
          if (pull.id === n) return { kind: 'Issue', repo, number: pull.number as number, issue: pull };
        break;
      case 'DE': {
        const deployment = repo.deployments.get(n);
        if (deployment) return { kind: 'Deployment', repo, deployment };
        break;
      }
      case 'DES':
        for (const [deploymentId, statuses] of repo.deploymentStatuses) {
          const status = statuses.find((s) => s.id === n);
          const deployment = repo.deployments.get(deploymentId);
          if (status && deployment) return { kind: 'DeploymentStatus', repo, deployment, status };
        }
        break;
    }
  }
  return undefined;
}

/**
 * The object a node id names, in a repository the caller may see; anything else — an id the
 * stand-in never made, a deleted object, another's private repository — is GitHub's NOT_FOUND
 * "Could not resolve to a node with the global id of '…'".
 */
export async function locate(ctx: GraphqlContext, id: string): Promise<Located> {
  const found = await find(ctx, id);
  if (!found) throw unresolvable(id);
  try {
    ctx.visibleRepo(found.repo.fullName);
  } catch (error) {
    if (error instanceof GraphqlProblem) throw unresolvable(id);
    throw error;
  }
  return found;
}

/** The REST read each kind of node corresponds to: `node(id:)` needs its permission. */
const READ_OPERATION: Record<Located['kind'], string> = {
  Repository: 'repos/get',
  Ref: 'git/get-ref',
  IssueComment: 'issues/get-comment',
  Issue: 'issues/get',
  PullRequest: 'pulls/get',
  Deployment: 'repos/get-deployment',
  DeploymentStatus: 'repos/get-deployment-status',
};

/** The GraphQL node of a located object. */
export function nodeOf(ctx: GraphqlContext, found: Located): Node {
  switch (found.kind) {
    case 'Repository':
      return repositoryNode(ctx, found.repo);
    case 'Ref':
      return refNode(ctx, found.repo, found.qualified, found.oid, undefined, found.type);
    case 'IssueComment':
      return issueCommentNode(ctx, found.repo, found.comment);
    case 'Issue':
      return issueNode(ctx, found.repo, found.issue);
    case 'PullRequest':
      return pullRequestNode(ctx, found.repo, found.pull);
    case 'Deployment':
      return deploymentNode(ctx, found.repo, found.deployment);
    case 'DeploymentStatus':
      return deploymentStatusNode(ctx, found.repo, found.deployment, found.status);
  }
}

/** `node(id:)`: the object, if the caller may read it (an installation needs the permission REST needs). */
export async function nodeById(ctx: GraphqlContext, id: string): Promise<Node> {
  const found = await locate(ctx, id);
  ctx.mayDo(found.repo, READ_OPERATION[found.kind]);
  return nodeOf(ctx, found);
}
