import { resolve } from 'node:path';
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
import { catFileSession, readCommitFiles, treeModes, type GitObject } from './git-cat-file-batch.js';

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
export function localOpsRepository(
  path: string,
  options: { writes?: boolean } = {},
): OpsRepository & { readonly dir: string } {
  const where: GitLocation = { cwd: resolve(path) };
  const git = async (args: string[], options: { input?: string; env?: Record<string, string> } = {}) => {
    try {
      return await runGit(where, args, options);
    } catch (error) {
      throw (error instanceof GitFailure && notARepository(where, error)) || error;
    }
  };
  // Heads, the config, the manifests and the trees above them all come through one process.
  const session = catFileSession(where);
  const objects = async (specs: readonly string[]) => {
    try {
      return await session.read(specs);
    } catch (error) {
      throw (error instanceof GitFailure && notARepository(where, error)) || error;
    }
  };

  // Facts every command needs (the default branch) and, when the command writes, what its commit
  // needs besides the plan (the checkouts of the branch, git's identity) are read at once: those git
  // processes then run while the model's registry is read and the plan is made, not one after
  // another after it. A prefetched answer serves the next write only; a failure surfaces when used.
  const early = <T>(read: () => Promise<T>) => {
    const promise = read();
    promise.catch(() => undefined);
    return promise;
  };
  const defaultBranch = early(() => readDefaultBranch(git));
  let prefetched = options.writes
    ? { checkouts: early(() => checkoutsOf(git)), identities: early(() => identities(git, where.cwd)) }
    : undefined;
  const writeFacts = () => {
    const facts = prefetched ?? { checkouts: checkoutsOf(git), identities: identities(git, where.cwd) };
    prefetched = undefined;
    return facts;
  };

  const headOf = async (branch: string) => (await objects([`refs/heads/${branch}^{commit}`]))[0]?.oid;

  const snapshot = async (branch?: string): Promise<OpsSnapshot> => {
    const base = await defaultBranch;
    const name = branch ?? base;
    const commit = await headOf(name);
    if (commit === undefined)
      throw new UserError(
        'not-found',
        `branch "${name}" does not exist in the ops repository ${where.cwd}${branch === undefined ? ' (its default branch)' : ''}`,
      );
    let files: Promise<string[]> | undefined;
    const readFiles = async (paths: readonly string[]) => {
      try {
        return await readCommitFiles(session, commit, paths);
      } catch (error) {
        throw (error instanceof GitFailure && notARepository(where, error)) || error;
      }
    };
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
        // Loaded here: only scanned targets list files, and most promotions name theirs.
        const { default: picomatch } = await import('picomatch');
        const matches = picomatch([...globs], { dot: true });
        return (await files).filter((f) => matches(f)).sort();
      },
    };
  };

  /**
   * A commit of `changes` on top of `parent`, written by ONE `git fast-import` (blobs, trees and the
   * commit in one process) under a temporary ref of its own; the branch is not touched here. The
   * objects stay in the pack fast-import writes (`fastimport.unpackLimit=0`): unpacking a handful of
   * objects into loose files costs another process (`unpack-objects`) and buys nothing.
   */
  const buildCommit = async (
    parent: string,
    changes: FileChange[],
    message: string,
    identity: Promise<{ author: string; committer: string }>,
  ) => {
    const [modes, { author, committer }] = await Promise.all([
      fileModes(
        objects,
        parent,
        changes.map((c) => c.path),
      ),
      identity,
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
      await git(['-c', 'fastimport.unpackLimit=0', 'fast-import', '--quiet', '--done', '--cat-blob-fd=1'], {
        input: stream,
      })
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
    // The checkouts' state is checked while the commit is built: both only read, so neither waits.
    const paths = request.changes.map((c) => c.path);
    const facts = writeFacts();
    const [dirtyCheck, building] = await Promise.allSettled([
      facts.checkouts.then((checkouts) => dirtyCheckouts(checkouts, request.branch, paths)),
      buildCommit(request.expectedHead, request.changes, request.message, facts.identities),
    ]);
    if (building.status === 'rejected') throw building.reason;
    const built = building.value;
    if (dirtyCheck.status === 'rejected') {
      await git(['update-ref', '-d', built.scratch]).catch(() => undefined);
      throw dirtyCheck.reason;
    }
    const { checkouts, dirty } = dirtyCheck.value;
    if (dirty) {
      await git(['update-ref', '-d', built.scratch]);
      // A branch another writer moved shows its files as changed until that writer's checkout
      // catches up: that is a lost race, not the user's edits.
      if ((await headOf(request.branch)) !== request.expectedHead) return { stale: true };
      return {
        refused: `${dirty.paths.join(', ')} ${dirty.paths.length === 1 ? 'has' : 'have'} uncommitted changes in ${dirty.checkout}, which has branch ${request.branch} checked out: commit or discard them, or promote in a clean clone`,
      };
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
        buildCommit(request.baseCommit, request.changes, request.message, writeFacts().identities),
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
 * otherwise what HEAD names (a bare repository's HEAD is its default branch). One `for-each-ref`
 * tells all three (ref names have no spaces); only a HEAD on no branch there is (an unborn branch,
 * or detached) asks `symbolic-ref` which.
 */
async function readDefaultBranch(git: (args: string[]) => Promise<string>): Promise<string> {
  const refs = await git([
    'for-each-ref',
    '--format=%(HEAD) %(refname) %(symref)',
    'refs/heads/',
    'refs/remotes/origin/HEAD',
  ]);
  const branches = new Set<string>();
  let remote: string | undefined;
  let head: string | undefined;
  for (const line of refs.split('\n')) {
    // `* NAME TARGET` for HEAD's branch, `  NAME TARGET` otherwise.
    const current = line.slice(0, 1);
    const [name, target] = line.slice(2).split(' ');
    if (name === 'refs/remotes/origin/HEAD') remote = target || undefined;
    else if (name?.startsWith('refs/heads/')) {
      branches.add(name.slice('refs/heads/'.length));
      if (current === '*') head = name;
    }
  }
  if (remote) {
    const name = remote.replace(/^refs\/remotes\/origin\//, '');
    // Unless the remote's default branch was never checked out here: then HEAD tells.
    if (branches.has(name)) return name;
  }
  head ??= await git(['symbolic-ref', '--quiet', 'HEAD']).then(
    (out) => out.trim(),
    (error: unknown) => {
      if (error instanceof GitFailure && error.code === 1) return undefined;
      throw error;
    },
  );
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

/**
 * Modes of existing files (an executable manifest stays executable), from the trees holding them:
 * one request to the cat-file session instead of an `ls-tree` process.
 */
async function fileModes(
  objects: (specs: readonly string[]) => Promise<(GitObject | undefined)[]>,
  commit: string,
  paths: string[],
) {
  const folderOf = (path: string) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '');
  const folders = [...new Set(paths.map(folderOf))];
  const trees = await objects(folders.map((f) => (f === '' ? `${commit}^{tree}` : `${commit}:${f}`)));
  const modes = new Map<string, string>();
  folders.forEach((folder, i) => {
    const tree = trees[i];
    if (tree?.type !== 'tree') return;
    const entries = treeModes(tree);
    for (const path of paths) {
      if (folderOf(path) !== folder) continue;
      const mode = entries.get(path.slice(path.lastIndexOf('/') + 1));
      if (mode !== undefined) modes.set(path, mode);
    }
  });
  return modes;
}

/** Worktrees (the main one and linked ones), each with the branch it has checked out. */
async function checkoutsOf(
  git: (args: string[]) => Promise<string>,
): Promise<{ path: string; branch: string | undefined }[]> {
  const out = await git(['worktree', 'list', '--porcelain', '-z']);
  const worktrees: { path: string; branch: string | undefined; bare: boolean }[] = [];
  for (const field of out.split('\0')) {
    if (field.startsWith('worktree '))
      worktrees.push({ path: field.slice('worktree '.length), branch: undefined, bare: false });
    else if (field === 'bare' && worktrees.length > 0) worktrees.at(-1)!.bare = true;
    else if (field.startsWith('branch refs/heads/') && worktrees.length > 0)
      worktrees.at(-1)!.branch = field.slice('branch refs/heads/'.length);
  }
  return worktrees.filter((w) => !w.bare).map(({ path, branch }) => ({ path, branch }));
}

/**
 * The checkouts that have the branch checked out, and the first of them with uncommitted changes to
 * the given paths (their `git status` runs side by side).
 */
async function dirtyCheckouts(
  worktrees: { path: string; branch: string | undefined }[],
  branch: string,
  paths: string[],
): Promise<{ checkouts: string[]; dirty: { checkout: string; paths: string[] } | undefined }> {
  const checkouts = worktrees.filter((w) => w.branch === branch).map((w) => w.path);
  const dirty = await Promise.all(checkouts.map((checkout) => dirtyPaths(checkout, paths)));
  const at = dirty.findIndex((d) => d.length > 0);
  return { checkouts, dirty: at < 0 ? undefined : { checkout: checkouts[at]!, paths: dirty[at]! } };
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
