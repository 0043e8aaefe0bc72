import picomatch from 'picomatch';
import { UserError } from '../../core/errors.js';
import type {
  CommitRequest,
  OpsRepository,
  OpsSnapshot,
  PullRequestRequest,
} from '../../jobs/promote/promote-ports.js';
import type { GitHubClient } from '../github/client.js';
import type { MutationBatch } from '../github/mutation-batch.js';

const BLOB_FIELDS = '__typename ... on Blob { text isBinary byteSize oid }';

/**
 * The heads query; with `files`, those files of the snapshot's commit come in the same answer
 * (`Commit.file(path:)`, so they are of exactly that commit): one call where head then files were two.
 */
const headsQuery = (files: number, onRef: boolean) => {
  const paths = Array.from({ length: files }, (_, i) => `$p${i}: String!`);
  const fields = Array.from(
    { length: files },
    (_, i) => `f${i}: file(path: $p${i}) { object { ${BLOB_FIELDS} } }`,
  ).join(' ');
  const target = (withFiles: boolean) =>
    withFiles && files > 0 ? `target { oid ... on Commit { ${fields} } }` : 'target { oid }';
  return `query($owner: String!, $name: String!, $ref: String!, $withRef: Boolean!${paths.map((p) => `, ${p}`).join('')}) {
  repository(owner: $owner, name: $name) {
    defaultBranchRef { name ${target(!onRef)} }
    ref(qualifiedName: $ref) @include(if: $withRef) { name ${target(onRef)} }
  }
}`;
};

const COMMIT = `mutation($input: CreateCommitOnBranchInput!) {
  createCommitOnBranch(input: $input) { commit { oid url } }
}`;

type HeadTarget = { oid: string } & Record<string, { object: BlobAnswer } | null | string>;

interface Heads {
  repository: {
    defaultBranchRef: { name: string; target: HeadTarget } | null;
    ref?: { name: string; target: HeadTarget } | null;
  } | null;
}

type BlobAnswer = {
  __typename: string;
  text?: string | null;
  isBinary?: boolean | null;
  byteSize?: number;
  oid?: string;
} | null;

/**
 * The selection of the default branch's head with `files` of its commit, for a query of another's
 * (the app's arrival query) to embed under `repository(…) { … }`; `variable(i)` names the path's
 * variable (declared `String!` by that query). Its answer, passed to `defaultBranchSnapshot`, is the
 * snapshot `snapshot(undefined, files)` would have read.
 */
export function defaultBranchSelection(files: readonly string[], variable: (i: number) => string): string {
  const fields = files
    .map((_, i) => `f${i}: file(path: $${variable(i)}) { object { ${BLOB_FIELDS} } }`)
    .join(' ');
  return `defaultBranchRef { name target { oid${files.length > 0 ? ` ... on Commit { ${fields} }` : ''} } }`;
}

/** The answer of `defaultBranchSelection` (the `repository` object it was embedded in). */
export type DefaultBranchAnswer = Heads['repository'];

export interface GitHubOpsRepository extends OpsRepository {
  defaultBranchSnapshot(answer: DefaultBranchAnswer, files: readonly string[]): OpsSnapshot;
}

/**
 * The ops repository on GitHub, through the one Octokit. Reads are GraphQL: one query for the
 * branch heads, then each batch of files in ONE query of `object(expression: "OID:path")` aliases at
 * the snapshot's commit (so every file of a plan comes from the same commit); globs list the tree
 * once through REST. A promotion is ONE `createCommitOnBranch` with `expectedHeadOid`: GitHub creates
 * the blobs, tree and commit and moves the branch atomically, or refuses because the branch moved —
 * the compare-and-swap, with no blob, tree or ref calls. Pull requests go through REST.
 */
export function githubOpsRepository(
  octokit: GitHubClient,
  repository: { owner: string; repo: string },
  options: {
    /**
     * The command's mutation batch: the commit goes out through it, so the writes queued for the
     * command's next write (the deployment's in_progress status) ride ahead of it in one request.
     */
    mutations?: MutationBatch;
  } = {},
): GitHubOpsRepository {
  const { owner, repo } = repository;
  const fullName = `${owner}/${repo}`;

  const heads = async (branch?: string, files: readonly string[] = []) => {
    const variables: Record<string, unknown> = {
      owner,
      name: repo,
      ref: `refs/heads/${branch ?? ''}`,
      withRef: branch !== undefined,
    };
    files.forEach((path, i) => (variables[`p${i}`] = path));
    const answer = await octokit.graphql<Heads>(headsQuery(files.length, branch !== undefined), variables);
    return headsOf(answer.repository, branch, files);
  };

  const headsOf = (repository: Heads['repository'], branch: string | undefined, files: readonly string[]) => {
    const answer = { repository };
    if (!answer.repository)
      throw new UserError(
        'not-found',
        `the ops repository ${fullName} does not exist, or the token cannot read it`,
      );
    const base = answer.repository.defaultBranchRef;
    if (!base)
      throw new UserError('not-found', `the ops repository ${fullName} is empty (it has no default branch)`);
    const target = branch === undefined ? base.target : answer.repository.ref?.target;
    const prefetched = new Map<string, BlobAnswer>();
    if (target) for (const [i, path] of files.entries()) prefetched.set(path, blobOf(target[`f${i}`]));
    return {
      defaultBranch: base.name,
      defaultHead: base.target.oid,
      ref: answer.repository.ref ?? undefined,
      prefetched,
    };
  };

  const blobOf = (entry: { object: BlobAnswer } | null | string | undefined): BlobAnswer =>
    entry && typeof entry === 'object' ? entry.object : null;

  /** A blob's text exactly as stored (a blob GraphQL cannot give as text comes through REST). */
  const textOf = async (blob: BlobAnswer): Promise<string | undefined> => {
    if (!blob || blob.__typename !== 'Blob') return undefined;
    const text = blob.text;
    // GraphQL answers null text for binary or very large blobs; a byte count that does not match
    // the text means it was not stored as UTF-8 as read. Both are read as the exact bytes.
    if (typeof text === 'string' && !blob.isBinary && Buffer.byteLength(text, 'utf8') === blob.byteSize)
      return text;
    const { data } = await octokit.rest.git.getBlob({ owner, repo, file_sha: blob.oid! });
    return Buffer.from(data.content, 'base64').toString('utf8');
  };

  /** Files at one commit in one query; text exactly as stored (a blob GraphQL cannot give as text comes through REST). */
  const readAt = async (commit: string, paths: readonly string[]) => {
    const result = new Map<string, string | undefined>();
    if (paths.length === 0) return result;
    const variables: Record<string, string> = { owner, name: repo };
    const fields = paths.map((path, i) => {
      variables[`e${i}`] = `${commit}:${path}`;
      return `f${i}: object(expression: $e${i}) { __typename ... on Blob { text isBinary byteSize oid } }`;
    });
    const query = `query($owner: String!, $name: String!, ${paths.map((_, i) => `$e${i}: String!`).join(', ')}) {
  repository(owner: $owner, name: $name) { ${fields.join('\n    ')} }
}`;
    const answer = await octokit.graphql<{ repository: Record<string, BlobAnswer> | null }>(query, variables);
    for (const [i, path] of paths.entries())
      result.set(path, await textOf(answer.repository?.[`f${i}`] ?? null));
    return result;
  };

  const snapshot = async (branch?: string, prefetch: readonly string[] = []): Promise<OpsSnapshot> =>
    snapshotOf(await heads(branch, [...new Set(prefetch)]), branch);

  const snapshotOf = (found: ReturnType<typeof headsOf>, branch: string | undefined): OpsSnapshot => {
    const name = branch ?? found.defaultBranch;
    const commit = branch === undefined ? found.defaultHead : found.ref?.target.oid;
    if (commit === undefined)
      throw new UserError('not-found', `branch "${name}" does not exist in the ops repository ${fullName}`);
    const cache = new Map<string, Promise<string | undefined>>();
    for (const [path, blob] of found.prefetched) cache.set(path, textOf(blob));
    let files: Promise<string[]> | undefined;
    const readFiles = async (paths: readonly string[]) => {
      const missing = [...new Set(paths)].filter((p) => !cache.has(p));
      if (missing.length > 0) {
        const batch = readAt(commit, missing);
        for (const p of missing)
          cache.set(
            p,
            batch.then((m) => m.get(p)),
          );
      }
      return new Map(await Promise.all(paths.map(async (p) => [p, await cache.get(p)!] as const)));
    };
    return {
      branch: name,
      defaultBranch: found.defaultBranch,
      commit,
      readFiles,
      readFile: async (p) => (await readFiles([p])).get(p),
      listFiles: async (globs) => {
        files ??= octokit.rest.git
          .getTree({ owner, repo, tree_sha: commit, recursive: '1' })
          .then(({ data }) => {
            if (data.truncated)
              throw new UserError(
                'input',
                `the tree of ${fullName} at ${commit.slice(0, 7)} is too large for GitHub to list at once: name the manifests under targets instead of scanning files: globs`,
              );
            return data.tree.flatMap((e) => (e.type === 'blob' && e.path ? [e.path] : []));
          });
        const matches = picomatch([...globs], { dot: true });
        return (await files).filter((f) => matches(f)).sort();
      },
    };
  };

  /** One commit on `branch` with `expectedHeadOid`, or stale when the branch is no longer there. */
  const commitOnBranch = async (
    branch: string,
    expectedHead: string,
    changes: CommitRequest['changes'],
    message: string,
  ) => {
    const split = message.indexOf('\n\n');
    const headline = split < 0 ? message.trim() : message.slice(0, split);
    const body = split < 0 ? '' : message.slice(split + 2).trimEnd();
    const input = {
      branch: { repositoryNameWithOwner: fullName, branchName: branch },
      expectedHeadOid: expectedHead,
      message: { headline, ...(body ? { body } : {}) },
      fileChanges: {
        additions: changes.map((c) => ({
          path: c.path,
          contents: Buffer.from(c.content, 'utf8').toString('base64'),
        })),
      },
    };
    try {
      if (options.mutations) {
        const [sent] = await options.mutations.send([
          {
            field: 'createCommitOnBranch(input: $input) { commit { oid url } }',
            inputType: 'CreateCommitOnBranchInput!',
            input,
            // Sent again after a lost answer it finds the branch moved: the re-plan below sees that.
            idempotent: true,
          },
        ]);
        if (!sent!.ok) throw sent!.error;
        return (sent!.data as { commit: { oid: string; url: string } }).commit;
      }
      const answer = await octokit.graphql<{
        createCommitOnBranch: { commit: { oid: string; url: string } };
      }>(COMMIT, { input });
      return answer.createCommitOnBranch.commit;
    } catch (error) {
      // Whatever GitHub's wording, a branch that no longer points at the expected head lost the race.
      const now = await heads(branch).catch(() => undefined);
      if (now && now.ref?.target.oid !== expectedHead) return undefined;
      throw error;
    }
  };

  return {
    name: fullName,
    snapshot,
    defaultBranchSnapshot: (answer, files) => snapshotOf(headsOf(answer, undefined, [...files]), undefined),
    async commit(request) {
      const commit = await commitOnBranch(
        request.branch,
        request.expectedHead,
        request.changes,
        request.message,
      );
      return commit ? { commit: commit.oid, url: commit.url } : { stale: true };
    },
    async openOrUpdatePullRequest(request: PullRequestRequest) {
      const ref = `heads/${request.branch}`;
      const existing = await octokit.rest.git
        .getRef({ owner, repo, ref })
        .then(({ data }) => data.object.sha)
        .catch((error: { status?: number }) => {
          if (error.status === 404) return undefined;
          throw error;
        });
      let commit = existing;
      let changed = true;
      if (existing !== undefined) {
        // Already exactly these files on top of this base (a re-run): the branch stays as it is.
        const { data } = await octokit.rest.git.getCommit({ owner, repo, commit_sha: existing });
        if (data.parents.length === 1 && data.parents[0]!.sha === request.baseCommit) {
          const now = await readAt(
            existing,
            request.changes.map((c) => c.path),
          );
          changed = request.changes.some((c) => now.get(c.path) !== c.content);
        }
      }
      if (changed) {
        // The stable branch is Modelship's own: it is reset onto the base and gets one commit.
        if (existing === undefined)
          await octokit.rest.git.createRef({ owner, repo, ref: `refs/${ref}`, sha: request.baseCommit });
        else if (existing !== request.baseCommit)
          await octokit.rest.git.updateRef({ owner, repo, ref, sha: request.baseCommit, force: true });
        const made = await commitOnBranch(
          request.branch,
          request.baseCommit,
          request.changes,
          request.message,
        );
        if (!made) return { stale: true };
        commit = made.oid;
      }
      const { data: open } = await octokit.rest.pulls.list({
        owner,
        repo,
        head: `${owner}:${request.branch}`,
        base: request.base,
        state: 'open',
      });
      const pull = open[0];
      if (pull) {
        if (pull.title !== request.title || (pull.body ?? '') !== request.body)
          await octokit.rest.pulls.update({
            owner,
            repo,
            pull_number: pull.number,
            title: request.title,
            body: request.body,
          });
        return {
          branch: request.branch,
          commit: commit!,
          number: pull.number,
          url: pull.html_url,
          created: false,
          changed,
        };
      }
      const { data: created } = await octokit.rest.pulls.create({
        owner,
        repo,
        head: request.branch,
        base: request.base,
        title: request.title,
        body: request.body,
      });
      return {
        branch: request.branch,
        commit: commit!,
        number: created.number,
        url: created.html_url,
        created: true,
        changed: true,
      };
    },
  };
}
