import { resolve } from 'node:path';
import picomatch from 'picomatch';
import { UserError } from '../../core/errors.js';
import type {
  CommitRequest,
  CommitResult,
  Refused,
  Stale,
  FileChange,
  OpsRepository,
  OpsSnapshot,
  PullRequestRequest,
} from '../../jobs/promote/promote-ports.js';
import { GitFailure, notARepository, runGit, type GitLocation } from '../registry/run-git.js';
import { catFileBatch } from './git-cat-file-batch.js';

/**
 * The ops repository as a local clone or checkout (bare or not), read and written with git's
 * plumbing: files come from the branch's commit (`git cat-file --batch`), never from the worktree, so
 * uncommitted edits are never promoted; a promotion is a commit built in a temporary index
 * (`hash-object`, `update-index`, `write-tree`, `commit-tree`) and published by
 * `update-ref BRANCH NEW OLD`, git's compare-and-swap. Pushing is left to the user (or their CI).
 *
 * A worktree that has the branch checked out follows the new commit (`read-tree -m -u OLD NEW`, what
 * a fast-forward does), so the checkout does not show the promotion reversed as local changes. If a
 * file the promotion changes has uncommitted edits there, the promotion is refused instead: writing
 * under them would leave the user's edit and ours interleaved, and their next commit would undo ours.
 */
export function localOpsRepository(path: string): OpsRepository & { readonly dir: string } {
  const where: GitLocation = { cwd: resolve(path) };
  let defaultBranch: Promise<string> | undefined;
  const git = async (args: string[], options: { input?: string; env?: Record<string, string> } = {}) => {
    try {
      return await runGit(where, args, options);
    } catch (error) {
      throw (error instanceof GitFailure && notARepository(where, error)) || error;
    }
  };

  const headOf = async (branch: string) => {
    try {
      return (await git(['rev-parse', '--verify', '--quiet', `refs/heads/${branch}^{commit}`])).trim();
    } catch (error) {
      if (error instanceof GitFailure && error.code === 1) return undefined;
      throw error;
    }
  };

  const snapshot = async (branch?: string): Promise<OpsSnapshot> => {
    defaultBranch ??= readDefaultBranch(git);
    const base = await defaultBranch;
    const name = branch ?? base;
    const commit = await headOf(name);
    if (commit === undefined)
      throw new UserError(
        'not-found',
        `branch "${name}" does not exist in the ops repository ${where.cwd}${branch === undefined ? ' (its default branch)' : ''}`,
      );
    let files: Promise<string[]> | undefined;
    const readFiles = (paths: readonly string[]) => catFileBatch(where, commit, paths);
    return {
      branch: name,
      defaultBranch: base,
      commit,
      readFiles,
      readFile: async (p) => (await readFiles([p])).get(p),
      listFiles: async (globs) => {
        files ??= git(['ls-tree', '-r', '-z', '--name-only', commit]).then((out) =>
          out.split('\0').filter(Boolean),
        );
        const matches = picomatch([...globs], { dot: true });
        return (await files).filter((f) => matches(f)).sort();
      },
    };
  };

  /**
   * A commit of `changes` on top of `parent`, written by ONE `git fast-import` (blobs, trees and the
   * commit in one process) under a temporary ref of its own; the branch is not touched here.
   */
  const buildCommit = async (parent: string, changes: FileChange[], message: string) => {
    const [modes, { author, committer }] = await Promise.all([
      fileModes(
        git,
        parent,
        changes.map((c) => c.path),
      ),
      identities(git, where.cwd),
    ]);
    const scratch = `refs/modelship/tmp/${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    const data = (text: string) => `data ${Buffer.byteLength(text, 'utf8')}\n${text}\n`;
    const stream = [
      `commit ${scratch}\nmark :1\nauthor ${author}\ncommitter ${committer}\n${data(message)}from ${parent}\n`,
      ...changes.map(
        (c) => `M ${modes.get(c.path) ?? '100644'} inline ${quotePath(c.path)}\n${data(c.content)}`,
      ),
      '\nget-mark :1\ndone\n',
    ].join('');
    const commit = (
      await git(['fast-import', '--quiet', '--done', '--cat-blob-fd=1'], { input: stream })
    ).trim();
    return { commit, scratch };
  };

  /**
   * One `update-ref --stdin` transaction: the branch moves from `expected` to `next` (git's
   * compare-and-swap; a missing branch is created only if still missing) and the scratch ref goes.
   * False, with nothing changed but the scratch ref dropped, when the branch moved meanwhile.
   */
  const swap = async (branch: string, next: string, expected: string | undefined, scratch: string) => {
    try {
      await git(['update-ref', '--stdin', '-m', 'modelship promote'], {
        input: `start\nupdate refs/heads/${branch} ${next} ${expected ?? '0'.repeat(40)}\ndelete ${scratch}\ncommit\n`,
      });
      return true;
    } catch (error) {
      await git(['update-ref', '-d', scratch]).catch(() => undefined);
      if (error instanceof GitFailure && (await headOf(branch)) !== expected) return false;
      throw error;
    }
  };

  const commit = async (request: CommitRequest): Promise<CommitResult | Stale | Refused> => {
    // The checkouts' state is checked while the commit is built: both only read.
    const paths = request.changes.map((c) => c.path);
    const [checkouts, built] = await Promise.all([
      checkoutsOf(git, request.branch),
      buildCommit(request.expectedHead, request.changes, request.message),
    ]);
    for (const checkout of checkouts) {
      const dirty = await dirtyPaths(checkout, paths);
      if (dirty.length > 0) {
        await git(['update-ref', '-d', built.scratch]);
        // A branch another writer moved shows its files as changed until that writer's checkout
        // catches up: that is a lost race, not the user's edits.
        if ((await headOf(request.branch)) !== request.expectedHead) return { stale: true };
        return {
          refused: `${dirty.join(', ')} ${dirty.length === 1 ? 'has' : 'have'} uncommitted changes in ${checkout}, which has branch ${request.branch} checked out: commit or discard them, or promote in a clean clone`,
        };
      }
    }
    if (!(await swap(request.branch, built.commit, request.expectedHead, built.scratch)))
      return { stale: true };
    // Only the promoted files differ between the old head and the new: checking them out from the
    // new head brings the index and the worktree along without rereading the whole tree.
    for (const checkout of checkouts)
      await runGit({ cwd: checkout }, ['checkout', built.commit, '--', ...paths]);
    return { commit: built.commit };
  };
  let writes: Promise<unknown> = Promise.resolve();

  return {
    name: where.cwd,
    dir: where.cwd,
    snapshot,
    commit: (request: CommitRequest) => {
      // Writes of this process take turns: a write is done only when its checkouts caught up, so
      // the next one does not read a worktree half-way through as uncommitted edits.
      const turn = writes.then(() => commit(request));
      writes = turn.catch(() => undefined);
      return turn;
    },

    async openOrUpdatePullRequest(request: PullRequestRequest) {
      const [current, built] = await Promise.all([
        headOf(request.branch),
        buildCommit(request.baseCommit, request.changes, request.message),
      ]);
      if (current !== undefined) {
        // Already exactly this change on top of this base (a re-run): leave the branch as it is.
        // Built within the same second as the branch's commit, it IS that commit (same tree, parent,
        // message and time); otherwise two commits, two lines each: parents, tree.
        const [parents, tree, , newTree] = (
          await git(['show', '-s', '--format=%P%n%T', current, built.commit])
        ).split('\n');
        if (built.commit === current || (parents === request.baseCommit && tree === newTree)) {
          await git(['update-ref', '-d', built.scratch]);
          return { branch: request.branch, commit: current, created: false, changed: false };
        }
      }
      if (!(await swap(request.branch, built.commit, current, built.scratch))) return { stale: true };
      return { branch: request.branch, commit: built.commit, created: current === undefined, changed: true };
    },
  };
}

/**
 * The default branch of a clone is the remote's (`origin/HEAD`) when that branch exists here too;
 * otherwise what HEAD names (a bare repository's HEAD is its default branch).
 */
async function readDefaultBranch(git: (args: string[]) => Promise<string>): Promise<string> {
  const symbolic = async (ref: string) => {
    try {
      return (await git(['symbolic-ref', '--quiet', ref])).trim();
    } catch (error) {
      if (error instanceof GitFailure && error.code === 1) return undefined;
      throw error;
    }
  };
  const [remote, head] = await Promise.all([symbolic('refs/remotes/origin/HEAD'), symbolic('HEAD')]);
  if (remote) {
    const name = remote.replace(/^refs\/remotes\/origin\//, '');
    try {
      await git(['rev-parse', '--verify', '--quiet', `refs/heads/${name}`]);
      return name;
    } catch {
      // The remote's default branch was never checked out here; fall back to HEAD.
    }
  }
  if (head?.startsWith('refs/heads/')) return head.slice('refs/heads/'.length);
  throw new UserError(
    'input',
    "cannot tell the ops repository's default branch: HEAD is detached; check out its default branch",
  );
}

/**
 * `Name <email> time zone` of the author and committer as git would commit with them, from one
 * `git var -l`; no identity is the user's to set.
 */
async function identities(git: (args: string[]) => Promise<string>, dir: string) {
  const lines = await git(['var', '-l']).catch((error: unknown) => {
    if (error instanceof GitFailure) return '';
    throw error;
  });
  const read = (name: string) =>
    /^GIT_\w+_IDENT=(.*)$/m.exec(
      lines
        .split('\n')
        .filter((l) => l.startsWith(`${name}=`))
        .join('\n'),
    )?.[1];
  const author = read('GIT_AUTHOR_IDENT');
  const committer = read('GIT_COMMITTER_IDENT');
  if (!author || !committer)
    throw new UserError(
      'input',
      `git has no identity to commit with in ${dir}: set user.name and user.email (git config user.name "…"; git config user.email "…")`,
    );
  return { author, committer };
}

/** A path as fast-import reads it: quoted C-style when it has a quote, a backslash, a newline or starts with one. */
function quotePath(path: string): string {
  if (!/["\\\n]/.test(path) && !path.startsWith('"')) return path;
  return `"${path.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

/** Modes of existing files (an executable manifest stays executable). */
async function fileModes(git: (args: string[]) => Promise<string>, commit: string, paths: string[]) {
  const out = await git(['ls-tree', '-z', commit, '--', ...paths]);
  const modes = new Map<string, string>();
  for (const entry of out.split('\0').filter(Boolean)) {
    const tab = entry.indexOf('\t');
    modes.set(entry.slice(tab + 1), entry.slice(0, entry.indexOf(' ')));
  }
  return modes;
}

/** Worktrees (the main one and linked ones) that have the branch checked out. */
async function checkoutsOf(git: (args: string[]) => Promise<string>, branch: string): Promise<string[]> {
  const out = await git(['worktree', 'list', '--porcelain', '-z']);
  const paths: string[] = [];
  let worktree: string | undefined;
  let bare = false;
  for (const field of out.split('\0')) {
    if (field.startsWith('worktree ')) {
      worktree = field.slice('worktree '.length);
      bare = false;
    } else if (field === 'bare') bare = true;
    else if (field === `branch refs/heads/${branch}` && worktree && !bare) paths.push(worktree);
  }
  return paths;
}

/** The given paths that differ from HEAD in the index or the worktree of a checkout. */
async function dirtyPaths(checkout: string, paths: string[]): Promise<string[]> {
  const out = await runGit({ cwd: checkout }, [
    'status',
    '--porcelain',
    '-z',
    '--untracked-files=no',
    '--',
    ...paths,
  ]);
  return out
    .split('\0')
    .filter(Boolean)
    .map((entry) => entry.slice(3));
}
