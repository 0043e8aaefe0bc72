import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import picomatch from 'picomatch';
import { UserError } from '../../core/errors.js';
import type {
  CommitRequest,
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

  /** A commit of `changes` on top of `parent`, built in a temporary index: nothing else is touched. */
  const buildCommit = async (parent: string, changes: FileChange[], message: string) => {
    const dir = await mkdtemp(join(tmpdir(), 'modelship-ops-index-'));
    try {
      const env = { GIT_INDEX_FILE: join(dir, 'index') };
      const blobs = await Promise.all(
        changes.map(async (c) => (await git(['hash-object', '-w', '--stdin'], { input: c.content })).trim()),
      );
      const modes = await fileModes(
        git,
        parent,
        changes.map((c) => c.path),
      );
      await git(['read-tree', parent], { env });
      const info = changes
        .map((c, i) => `${modes.get(c.path) ?? '100644'} ${blobs[i]}\t${c.path}`)
        .join('\n');
      await git(['update-index', '--index-info'], { env, input: `${info}\n` });
      const tree = (await git(['write-tree'], { env })).trim();
      try {
        return {
          tree,
          commit: (await git(['commit-tree', tree, '-p', parent, '-F', '-'], { input: message })).trim(),
        };
      } catch (error) {
        if (error instanceof GitFailure && /tell me who you are|empty ident|identity/i.test(error.stderr))
          throw new UserError(
            'input',
            `git has no identity to commit with in ${where.cwd}: set user.name and user.email (git config user.name "…"; git config user.email "…")`,
          );
        throw error;
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };

  /** `update-ref` with the old value: fails, and changes nothing, when the branch moved meanwhile. */
  const swap = async (branch: string, next: string, expected: string | undefined, reason: string) => {
    try {
      await git(['update-ref', '-m', reason, `refs/heads/${branch}`, next, expected ?? '0'.repeat(40)]);
      return true;
    } catch (error) {
      if (error instanceof GitFailure && (await headOf(branch)) !== expected) return false;
      throw error;
    }
  };

  return {
    name: where.cwd,
    dir: where.cwd,
    snapshot,
    async commit(request: CommitRequest) {
      const checkouts = await checkoutsOf(git, request.branch);
      for (const checkout of checkouts) {
        const dirty = await dirtyPaths(
          checkout,
          request.changes.map((c) => c.path),
        );
        if (dirty.length > 0)
          return {
            refused: `${dirty.join(', ')} ${dirty.length === 1 ? 'has' : 'have'} uncommitted changes in ${checkout}, which has branch ${request.branch} checked out: commit or discard them, or promote in a clean clone`,
          };
      }
      const { commit } = await buildCommit(request.expectedHead, request.changes, request.message);
      if (!(await swap(request.branch, commit, request.expectedHead, 'modelship promote')))
        return { stale: true };
      for (const checkout of checkouts)
        await runGit({ cwd: checkout }, ['read-tree', '-m', '-u', request.expectedHead, commit]);
      return { commit };
    },
    async openOrUpdatePullRequest(request: PullRequestRequest) {
      const current = await headOf(request.branch);
      const { tree, commit } = await buildCommit(request.baseCommit, request.changes, request.message);
      if (current !== undefined) {
        // Already exactly this change on top of this base (a re-run): leave the branch as it is.
        const [parents, currentTree] = (await git(['show', '-s', '--format=%P%n%T', current]))
          .trim()
          .split('\n');
        if (parents === request.baseCommit && currentTree === tree)
          return { branch: request.branch, commit: current, created: false, changed: false };
      }
      if (!(await swap(request.branch, commit, current, 'modelship promote (pull request branch)')))
        return { stale: true };
      return { branch: request.branch, commit, created: current === undefined, changed: true };
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
  const remote = await symbolic('refs/remotes/origin/HEAD');
  if (remote) {
    const name = remote.replace(/^refs\/remotes\/origin\//, '');
    try {
      await git(['rev-parse', '--verify', '--quiet', `refs/heads/${name}`]);
      return name;
    } catch {
      // The remote's default branch was never checked out here; fall back to HEAD.
    }
  }
  const head = await symbolic('HEAD');
  if (head?.startsWith('refs/heads/')) return head.slice('refs/heads/'.length);
  throw new UserError(
    'input',
    "cannot tell the ops repository's default branch: HEAD is detached; check out its default branch",
  );
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
