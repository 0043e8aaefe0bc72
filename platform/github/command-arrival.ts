import { UserError } from '../../core/errors.js';
import type { ArrivalReads } from '../../jobs/promote-command/command-ports.js';
import {
  type DefaultBranchAnswer,
  type GitHubOpsRepository,
  defaultBranchSelection,
} from '../ops/github-ops-repository.js';
import {
  REGISTRY_REFS_PAGE,
  type RegistryRefsPage,
  githubReadError,
  listRegistryTags,
} from '../registry/github-registry-tags.js';
import type { GitHubClient } from './client.js';
import type { CommandNodeIds } from './command-thread.js';

interface ArrivalAnswer {
  model: {
    pullRequest: {
      id: string;
      state: 'OPEN' | 'CLOSED' | 'MERGED';
      isCrossRepository: boolean;
      headRepository: { nameWithOwner: string } | null;
    } | null;
    refs: RegistryRefsPage | null;
  } | null;
  ops: DefaultBranchAnswer;
}

/**
 * A command's arrival in ONE GraphQL query naming both repositories: the pull request (fork or not,
 * open or not, and its node id for the reply's addComment), the first page of the registry's tags,
 * and the ops repository's default branch with the config file of that very commit. Where three
 * requests were (pulls/get, the tags, the ops head with its config), one is; only a registry of more
 * than 100 tags reads its further pages afterwards.
 */
export function githubCommandArrival(
  octokit: Pick<GitHubClient, 'graphql'>,
  where: {
    model: { owner: string; repo: string };
    ops: GitHubOpsRepository;
    ids: CommandNodeIds;
  },
): ArrivalReads {
  const { owner, repo } = where.model;
  const fullName = `${owner}/${repo}`;
  return {
    async read({ pullRequest, opsFiles }) {
      const files = [...new Set(opsFiles)];
      const [opsOwner, opsName] = where.ops.name.split('/') as [string, string];
      const query = `query Arrival($owner: String!, $name: String!, $number: Int!, $opsOwner: String!, $opsName: String!${files.map((_, i) => `, $opsFile${i}: String!`).join('')}) {
  model: repository(owner: $owner, name: $name) {
    pullRequest(number: $number) { id state isCrossRepository headRepository { nameWithOwner } }
    refs(refPrefix: "refs/tags/", first: 100) {
      ${REGISTRY_REFS_PAGE}
    }
  }
  ops: repository(owner: $opsOwner, name: $opsName) {
    ${defaultBranchSelection(files, (i) => `opsFile${i}`)}
  }
}`;
      const variables: Record<string, unknown> = {
        owner,
        name: repo,
        number: pullRequest,
        opsOwner,
        opsName,
      };
      files.forEach((path, i) => (variables[`opsFile${i}`] = path));
      const answer = await octokit.graphql<ArrivalAnswer>(query, variables).catch((error: unknown) => {
        throw arrivalError(error, fullName, where.ops.name, pullRequest);
      });
      if (!answer.model) throw githubReadError({ errors: [{ type: 'NOT_FOUND' }] }, fullName);
      const pr = answer.model.pullRequest;
      if (!pr) throw pullRequestNotFound(fullName, pullRequest);
      where.ids.pullRequest = pr.id;
      const head = pr.headRepository?.nameWithOwner;
      const tags = await listRegistryTags(octokit, fullName, { first: answer.model.refs ?? undefined });
      return {
        pullRequest: {
          fromFork:
            pr.isCrossRepository || head === undefined || head.toLowerCase() !== fullName.toLowerCase(),
          open: pr.state === 'OPEN',
        },
        tags,
        ops: where.ops.defaultBranchSnapshot(answer.ops, files),
      };
    },
  };
}

const pullRequestNotFound = (fullName: string, number: number) =>
  new UserError('not-found', `pull request #${number} of ${fullName} was not found`);

/** Which part of the query GitHub refused, as the error the separate reads would have given. */
function arrivalError(error: unknown, fullName: string, opsName: string, number: number): unknown {
  const errors = (error as { errors?: { type?: string; path?: (string | number)[] }[] }).errors ?? [];
  const missing = errors.filter((e) => e.type === 'NOT_FOUND').map((e) => e.path?.join('.'));
  if (missing.includes('ops'))
    return new UserError(
      'not-found',
      `the ops repository ${opsName} does not exist, or the token cannot read it`,
    );
  if (missing.includes('model.pullRequest')) return pullRequestNotFound(fullName, number);
  return githubReadError(error, fullName);
}
