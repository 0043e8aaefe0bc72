import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { treeObject, writeLooseObject } from './loose-objects.js';

export interface TreeEntry {
  path: string;
  mode: string;
  type: 'blob' | 'tree' | 'commit';
  sha: string;
  size?: number;
}

/** A git object as `cat-file --batch` gives it. */
export interface RawObject {
  oid: string;
  type: string;
  size: number;
  content: Buffer;
}

const IDENTITY = { name: 'GitHub', email: 'noreply@github.com' };

export class GitCommandError extends Error {
  constructor(
    readonly args: string[],
    readonly code: number | null,
    readonly stderr: string,
    readonly stdout = '',
  ) {
    super(`git ${args.join(' ')} exited with ${code}: ${stderr.trim()}`);
  }
}

/** Runs git without blocking the event loop: twenty clients at once must not queue behind one git call. */
function runGit(cwd: string, args: string[], input?: string | Buffer, env: Record<string, string> = {}) {
  return new Promise<Buffer>((resolve, reject) => {
    const child = spawn('git', args, {
      cwd,
      env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.once('error', reject);
    child.once('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out));
      else
        reject(
          new GitCommandError(
            args,
            code,
            Buffer.concat(err).toString('utf8'),
            Buffer.concat(out).toString('utf8'),
          ),
        );
    });
    child.stdin.on('error', () => {}); // git may exit before reading all input; its exit code tells.
    child.stdin.end(input);
  });
}

/** A bare git repository driven through git's plumbing commands: what the stand-in stores. */
export class GitRepo {
  constructor(readonly dir: string) {}

  static async init(dir: string, defaultBranch: string): Promise<GitRepo> {
    await mkdir(dir, { recursive: true });
    await runGit(dir, ['init', '--bare', '--quiet', `--initial-branch=${defaultBranch}`, dir]);
    return new GitRepo(dir);
  }

  async git(args: string[], input?: string | Buffer, env: Record<string, string> = {}): Promise<string> {
    return (await runGit(this.dir, args, input, env)).toString('utf8').trimEnd();
  }

  async tryGit(args: string[]): Promise<string | undefined> {
    try {
      return await this.git(args);
    } catch {
      return undefined;
    }
  }

  writeBlob(content: Buffer): Promise<string> {
    return writeLooseObject(this.dir, 'blob', content);
  }

  async readBlob(sha: string): Promise<Buffer | undefined> {
    try {
      return await runGit(this.dir, ['cat-file', 'blob', sha]);
    } catch {
      return undefined;
    }
  }

  /**
   * Many objects in one `git cat-file --batch` process, each named by an object id or any revision
   * expression (`main:deploy/values.yaml`); undefined for what does not exist. One process for a
   * page of a hundred refs, not a hundred.
   */
  async readObjects(specs: string[]): Promise<(RawObject | undefined)[]> {
    if (specs.length === 0) return [];
    const out = await runGit(this.dir, ['cat-file', '--batch'], specs.map((s) => `${s}\n`).join(''));
    const objects: (RawObject | undefined)[] = [];
    let at = 0;
    for (let i = 0; i < specs.length; i++) {
      const end = out.indexOf(0x0a, at);
      const header = out.subarray(at, end).toString('utf8');
      at = end + 1;
      const match = /^([0-9a-f]{40}) (\w+) (\d+)$/.exec(header);
      if (!match) {
        objects.push(undefined); // "<spec> missing" or "<spec> ambiguous"
        continue;
      }
      const size = Number(match[3]);
      objects.push({ oid: match[1]!, type: match[2]!, size, content: out.subarray(at, at + size) });
      at += size + 1;
    }
    return objects;
  }

  typeOf(sha: string): Promise<string | undefined> {
    return this.tryGit(['cat-file', '-t', sha]);
  }

  /** Entries of a tree; `recursive` lists every blob below it (as GitHub's `recursive=1`). */
  async tree(sha: string, recursive = false): Promise<TreeEntry[] | undefined> {
    // -z: paths exactly as stored (git quotes unusual ones, e.g. non-ASCII, in its line format).
    const out = await this.tryGit(['ls-tree', '-z', '-l', ...(recursive ? ['-r', '-t'] : []), sha]);
    if (out === undefined) return undefined;
    return out
      .split('\0')
      .filter(Boolean)
      .map((line) => {
        const [meta, path] = line.split('\t') as [string, string];
        const [mode, type, objectSha, size] = meta.split(/\s+/) as [
          string,
          TreeEntry['type'],
          string,
          string,
        ];
        return { path, mode, type, sha: objectSha, ...(size !== '-' ? { size: Number(size) } : {}) };
      });
  }

  /** A tree from entries (full paths allowed: intermediate trees are built), on top of `base`. */
  async makeTree(
    entries: { path: string; mode: string; sha: string | null }[],
    base?: string,
    /** `base`'s recursive listing when the caller already has it: one git process fewer. */
    baseListing?: TreeEntry[],
  ): Promise<string> {
    const files = new Map<string, { mode: string; sha: string }>();
    if (base) {
      for (const e of baseListing ?? (await this.tree(base, true)) ?? [])
        if (e.type !== 'tree') files.set(e.path, { mode: e.mode, sha: e.sha });
    }
    for (const e of entries) {
      if (e.sha === null) {
        files.delete(e.path);
        for (const path of [...files.keys()]) if (path.startsWith(`${e.path}/`)) files.delete(path);
      } else if (e.mode === '040000') {
        for (const sub of (await this.tree(e.sha, true)) ?? [])
          if (sub.type !== 'tree') files.set(`${e.path}/${sub.path}`, { mode: sub.mode, sha: sub.sha });
      } else files.set(e.path, { mode: e.mode, sha: e.sha });
    }
    return this.writeTree(files, '');
  }

  private async writeTree(
    files: Map<string, { mode: string; sha: string }>,
    prefix: string,
  ): Promise<string> {
    const direct: { mode: string; name: string; sha: string }[] = [];
    const dirs = new Set<string>();
    for (const [path, entry] of files) {
      if (!path.startsWith(prefix)) continue;
      const rest = path.slice(prefix.length);
      const slash = rest.indexOf('/');
      if (slash === -1) direct.push({ mode: entry.mode, name: rest, sha: entry.sha });
      else dirs.add(rest.slice(0, slash));
    }
    const subtrees = await Promise.all([...dirs].map((dir) => this.writeTree(files, `${prefix}${dir}/`)));
    [...dirs].forEach((dir, i) => direct.push({ mode: '40000', name: dir, sha: subtrees[i]! }));
    return writeLooseObject(this.dir, 'tree', treeObject(direct));
  }

  commit(
    tree: string,
    parents: string[],
    message: string,
    author = IDENTITY,
    date?: string,
    committer = author,
  ): Promise<string> {
    const env: Record<string, string> = {
      GIT_AUTHOR_NAME: author.name,
      GIT_AUTHOR_EMAIL: author.email,
      GIT_COMMITTER_NAME: committer.name,
      GIT_COMMITTER_EMAIL: committer.email,
      ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}),
    };
    return this.git(['commit-tree', tree, ...parents.flatMap((p) => ['-p', p]), '-F', '-'], message, env);
  }

  async commitInfo(sha: string) {
    const raw = await this.tryGit(['cat-file', 'commit', sha]);
    if (raw === undefined) return undefined;
    const [head, ...body] = raw.split('\n\n');
    const lines = head!.split('\n');
    const field = (name: string) =>
      lines.filter((l) => l.startsWith(`${name} `)).map((l) => l.slice(name.length + 1));
    const person = (text: string) => {
      const m = /^(.*) <(.*)> (\d+) ([+-]\d{4})$/.exec(text)!;
      return {
        name: m[1]!,
        email: m[2]!,
        date: new Date(Number(m[3]) * 1000).toISOString().replace('.000', ''),
      };
    };
    return {
      sha,
      tree: field('tree')[0]!,
      parents: field('parent'),
      author: person(field('author')[0]!),
      committer: person(field('committer')[0]!),
      message: body.join('\n\n'),
    };
  }

  /** Annotated tag object. */
  makeTag(
    tag: string,
    object: string,
    type: string,
    message: string,
    tagger: { name: string; email: string; date?: string } = IDENTITY,
  ): Promise<string> {
    // GitHub keeps the tagger date a client gives (ISO 8601); a tag without one is dated now.
    const seconds = tagger.date ? Date.parse(tagger.date) / 1000 : Date.now() / 1000;
    const when = `${Math.floor(seconds)} +0000`;
    const text = `object ${object}\ntype ${type}\ntag ${tag}\ntagger ${tagger.name} <${tagger.email}> ${when}\n\n${message}\n`;
    return this.git(['mktag'], text);
  }

  async tagInfo(sha: string) {
    const raw = await this.tryGit(['cat-file', 'tag', sha]);
    if (raw === undefined) return undefined;
    const [head, ...body] = raw.split('\n\n');
    const get = (name: string) =>
      head!
        .split('\n')
        .find((l) => l.startsWith(`${name} `))
        ?.slice(name.length + 1) ?? '';
    const tagger = /^(.*) <(.*)> (\d+)/.exec(get('tagger'));
    return {
      sha,
      tag: get('tag'),
      object: { sha: get('object'), type: get('type') },
      message: body.join('\n\n').replace(/\n$/, ''),
      tagger: {
        name: tagger?.[1] ?? '',
        email: tagger?.[2] ?? '',
        date: new Date(Number(tagger?.[3] ?? 0) * 1000).toISOString().replace('.000', ''),
      },
    };
  }

  async refs(prefix = 'refs/'): Promise<{ ref: string; sha: string; type: string }[]> {
    const out = await this.git(['for-each-ref', '--format=%(refname) %(objectname) %(objecttype)', prefix]);
    return out
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [ref, sha, type] = line.split(' ') as [string, string, string];
        return { ref, sha, type };
      });
  }

  resolveRef(ref: string): Promise<string | undefined> {
    return this.tryGit(['rev-parse', '--verify', '--quiet', `${ref}^{}`]);
  }

  refSha(ref: string): Promise<string | undefined> {
    return this.tryGit(['rev-parse', '--verify', '--quiet', ref]);
  }

  private lastPack = 0;

  /**
   * Packs loose refs into `packed-refs` in the background, at most every ten seconds: thousands of
   * tags made one by one are thousands of files, and listing them reads every one (GitHub's
   * servers pack refs too). git locks each ref it prunes, so concurrent updates stay safe.
   */
  packRefsSoon(): void {
    if (Date.now() - this.lastPack < 10_000) return;
    this.lastPack = Date.now();
    runGit(this.dir, ['pack-refs', '--all']).catch(() => {
      // A repository removed by close() meanwhile, or a lock held by a writer: next time.
    });
  }

  /** Moves a ref; `expected` makes it a compare-and-swap ('' = must not exist). */
  async updateRef(ref: string, sha: string, expected?: string): Promise<void> {
    await this.git(['update-ref', ref, sha, ...(expected !== undefined ? [expected] : [])]);
  }

  async deleteRef(ref: string): Promise<void> {
    await this.git(['update-ref', '-d', ref]);
  }

  async isAncestor(ancestor: string, descendant: string): Promise<boolean> {
    try {
      await this.git(['merge-base', '--is-ancestor', ancestor, descendant]);
      return true;
    } catch {
      return false;
    }
  }

  /**
   * Three-way merge of `theirs` into `ours` with git's own machinery and no work tree
   * (`merge-tree --write-tree`, git ≥ 2.38): the merged tree, or the paths that conflict.
   */
  async mergeTree(ours: string, theirs: string): Promise<{ tree: string; conflicts: string[] }> {
    try {
      const out = await this.git([
        'merge-tree',
        '--write-tree',
        '--name-only',
        '--no-messages',
        ours,
        theirs,
      ]);
      return { tree: out.split('\n')[0]!, conflicts: [] };
    } catch (error) {
      // Exit status 1 is "merged with conflicts": the tree line, then the conflicted paths.
      if (error instanceof GitCommandError && error.code === 1) {
        const [tree, ...paths] = error.stdout.trimEnd().split('\n');
        return { tree: tree!, conflicts: [...new Set(paths.filter(Boolean))] };
      }
      // Unrelated histories and the like cannot be merged either.
      if (error instanceof GitCommandError) return { tree: '', conflicts: ['(no merge base)'] };
      throw error;
    }
  }

  /**
   * `commit`'s change replayed onto `onto`'s tree (a cherry-pick, as GitHub's rebase merge does).
   * git 2.39's merge-tree has no `--merge-base`, so the merge base is forced through two throwaway
   * commits whose only common ancestor is `commit`'s parent tree; they stay unreferenced.
   */
  async cherryPickTree(commit: string, onto: string): Promise<{ tree: string; conflicts: string[] }> {
    const info = (await this.commitInfo(commit))!;
    const parentTree = info.parents[0]
      ? (await this.commitInfo(info.parents[0]))!.tree
      : await this.git(['mktree'], '');
    const base = await this.commit(parentTree, [], 'merge base');
    const ours = await this.commit((await this.commitInfo(onto))!.tree, [base], 'ours');
    const theirs = await this.commit(info.tree, [base], 'theirs');
    return this.mergeTree(ours, theirs);
  }

  /** Commits reachable from `head` but not from `base`, oldest first (what a pull request adds). */
  async commitsBetween(base: string, head: string): Promise<string[]> {
    const out = await this.git(['rev-list', '--reverse', '--topo-order', head, `^${base}`]);
    return out.split('\n').filter(Boolean);
  }

  /** Files changed from `base` to `head`: status letter and path, as `git diff --name-status`. */
  async changedFiles(base: string, head: string) {
    const [names, stats] = await Promise.all([
      this.git(['diff', '--name-status', '--no-renames', base, head]),
      this.git(['diff', '--numstat', '--no-renames', base, head]),
    ]);
    const counts = new Map(
      stats
        .split('\n')
        .filter(Boolean)
        .map((line) => {
          const [added, deleted, path] = line.split('\t') as [string, string, string];
          return [path, { additions: Number(added) || 0, deletions: Number(deleted) || 0 }] as const;
        }),
    );
    return names
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [status, path] = line.split('\t') as [string, string];
        return { status: status[0]!, path, ...(counts.get(path) ?? { additions: 0, deletions: 0 }) };
      });
  }

  /** Whether `name` is a valid full ref name (`refs/heads/x`), by git's own rules. */
  async isValidRefName(name: string): Promise<boolean> {
    try {
      await this.git(['check-ref-format', name]);
      return true;
    } catch {
      return false;
    }
  }
}
