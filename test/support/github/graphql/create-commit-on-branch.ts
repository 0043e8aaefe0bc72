import { GitCommandError } from '../git-repo.js';
import type { Repo } from '../state.js';
import { observe } from '../webhooks/observer.js';
import { GraphqlProblem, type GraphqlContext } from './graphql-context.js';
import { objectById, refNode, type Node } from './graphql-nodes.js';
import { parseNodeId } from './node-ids.js';
import { unresolvable } from './node-lookup.js';

export interface CreateCommitOnBranchInput {
  branch: { repositoryNameWithOwner?: string; branchName?: string; id?: string };
  message: { headline: string; body?: string | null };
  fileChanges?: { additions?: { path: string; contents: string }[]; deletions?: { path: string }[] } | null;
  expectedHeadOid: string;
  clientMutationId?: string | null;
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** The branch a CommittableBranch names: by repository and branch name, or by the ref's node id. */
function target(
  ctx: GraphqlContext,
  branch: CreateCommitOnBranchInput['branch'],
): { repo: Repo; ref: string } {
  if (branch.id) {
    const parsed = parseNodeId(branch.id);
    const ref = parsed?.kind === 'REF' ? parsed : undefined;
    const repo = ref && [...ctx.state.repos.values()].find((r) => r.id === ref.repoId);
    if (!repo || !ref?.qualified.startsWith('refs/heads/')) throw unresolvable(branch.id);
    try {
      return { repo: ctx.visibleRepo(repo.fullName), ref: ref.qualified };
    } catch (error) {
      // Another's private repository: its refs' ids resolve to nothing.
      if (error instanceof GraphqlProblem) throw unresolvable(branch.id);
      throw error;
    }
  }
  if (!branch.repositoryNameWithOwner || !branch.branchName)
    throw new GraphqlProblem(
      'UNPROCESSABLE',
      'A branch must be given by `id`, or by `repositoryNameWithOwner` and `branchName`.',
    );
  const repo = ctx.visibleRepo(branch.repositoryNameWithOwner);
  return { repo, ref: `refs/heads/${branch.branchName.replace(/^refs\/heads\//, '')}` };
}

/** A path GitHub would take: relative, no empty, `.` or `..` segments, no `.git`. */
function checkPath(path: string) {
  const parts = path.split('/');
  if (path === '' || parts.some((p) => p === '' || p === '.' || p === '..' || p.toLowerCase() === '.git'))
    throw new GraphqlProblem('UNPROCESSABLE', `The path '${path}' is not a valid file path.`);
}

/**
 * GitHub's `createCommitOnBranch`: the files changed on top of the branch's head as real git
 * objects, a commit authored by the caller (committed by GitHub, as GitHub does), and the branch
 * moved only if it still points at `expectedHeadOid` — a compare-and-swap in `git update-ref`, so
 * of many clients racing from one head exactly one wins and the rest get STALE_DATA. The ref moves
 * inside the same observed commit as a REST ref update, so it sends the same `push` webhook.
 */
export async function createCommitOnBranch(
  ctx: GraphqlContext,
  input: CreateCommitOnBranchInput,
): Promise<Node> {
  const { repo, ref } = target(ctx, input.branch);
  ctx.mayWrite(repo, 'CreateCommitOnBranch');
  const git = repo.git;
  const head = (await git.refs(ref)).find((r) => r.ref === ref)?.sha;
  if (!head) throw new GraphqlProblem('NOT_FOUND', `Could not resolve to a Ref with the name '${ref}'.`);
  const stale = new GraphqlProblem(
    'STALE_DATA',
    `Expected branch to point to "${input.expectedHeadOid}" but it did not. Pull and try again.`,
  );
  if (head !== input.expectedHeadOid) throw stale;

  // ls-tree takes the commit itself: its tree's listing without reading the commit first.
  const listing = (await git.tree(head, true)) ?? [];
  const files = new Map(listing.filter((e) => e.type !== 'tree').map((e) => [e.path, e]));
  const isDirectory = (path: string) => [...files.keys()].some((p) => p.startsWith(`${path}/`));
  const entries: { path: string; mode: string; sha: string | null }[] = [];
  for (const { path } of input.fileChanges?.deletions ?? []) {
    checkPath(path);
    if (!files.has(path))
      throw new GraphqlProblem(
        'UNPROCESSABLE',
        `A path was requested for deletion which does not exist as of commit oid \`${head}\``,
      );
    entries.push({ path, mode: '100644', sha: null });
  }
  for (const { path, contents } of input.fileChanges?.additions ?? []) {
    checkPath(path);
    if (!BASE64.test(contents))
      throw new GraphqlProblem('UNPROCESSABLE', `The contents of '${path}' are not valid Base64.`);
    const parts = path.split('/');
    const fileOnTheWay = parts.slice(0, -1).some((_, i) => files.has(parts.slice(0, i + 1).join('/')));
    if (isDirectory(path) || fileOnTheWay)
      throw new GraphqlProblem(
        'UNPROCESSABLE',
        `The path '${path}' conflicts with an existing file or directory.`,
      );
    // An existing file keeps its mode (an executable stays executable).
    const mode = files.get(path)?.mode ?? '100644';
    entries.push({ path, mode, sha: await git.writeBlob(Buffer.from(contents, 'base64')) });
  }
  const tree = await git.makeTree(entries, head, listing);
  const message = input.message.body
    ? `${input.message.headline}\n\n${input.message.body}`
    : input.message.headline;
  const actor = ctx.token.actor;
  const author = { name: actor.login, email: `${actor.id}+${actor.login}@users.noreply.github.com` };
  const oid = await git.commit(tree, [head], message, author, undefined, {
    name: 'GitHub',
    email: 'noreply@github.com',
  });

  const observed = await observe(ctx.handlerContext(repo), ctx.webhooks, () => ({
    status: 200,
    commit: async () => {
      try {
        await git.updateRef(ref, oid, head);
      } catch (error) {
        if (error instanceof GitCommandError) throw stale;
        throw error;
      }
    },
  }));
  await observed.commit?.();
  return {
    __typename: 'CreateCommitOnBranchPayload',
    clientMutationId: input.clientMutationId ?? null,
    commit: () => objectById(ctx, repo, oid),
    ref: refNode(ctx, repo, ref, oid, 'refs/heads/'),
  };
}
