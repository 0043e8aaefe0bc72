import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';

export interface TreeEntry {
  path: string;
  mode: string;
  type: 'blob' | 'tree' | 'commit';
  sha: string;
  size?: number;
}

const IDENTITY = { name: 'GitHub', email: 'noreply@github.com' };

/** A bare git repository driven through git's plumbing commands: what the stand-in stores. */
export class GitRepo {
  constructor(readonly dir: string) {}

  static init(dir: string, defaultBranch: string): GitRepo {
    mkdirSync(dir, { recursive: true });
    execFileSync('git', ['init', '--bare', '--quiet', `--initial-branch=${defaultBranch}`, dir]);
    return new GitRepo(dir);
  }

  git(args: string[], input?: string | Buffer, env: Record<string, string> = {}): string {
    return execFileSync('git', args, {
      cwd: this.dir,
      input,
      env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', ...env },
      maxBuffer: 1 << 30,
    })
      .toString('utf8')
      .trimEnd();
  }

  tryGit(args: string[]): string | undefined {
    try {
      return this.git(args);
    } catch {
      return undefined;
    }
  }

  writeBlob(content: Buffer): string {
    return this.git(['hash-object', '-w', '--stdin'], content);
  }

  readBlob(sha: string): Buffer | undefined {
    try {
      return execFileSync('git', ['cat-file', 'blob', sha], { cwd: this.dir, maxBuffer: 1 << 30 });
    } catch {
      return undefined;
    }
  }

  typeOf(sha: string): string | undefined {
    return this.tryGit(['cat-file', '-t', sha]);
  }

  /** Entries of a tree; `recursive` lists every blob below it (as GitHub's `recursive=1`). */
  tree(sha: string, recursive = false): TreeEntry[] | undefined {
    const out = this.tryGit(['ls-tree', '-l', ...(recursive ? ['-r', '-t'] : []), sha]);
    if (out === undefined) return undefined;
    return out
      .split('\n')
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
  makeTree(entries: { path: string; mode: string; sha: string | null }[], base?: string): string {
    const files = new Map<string, { mode: string; sha: string }>();
    if (base) {
      for (const e of this.tree(base, true) ?? [])
        if (e.type !== 'tree') files.set(e.path, { mode: e.mode, sha: e.sha });
    }
    for (const e of entries) {
      if (e.sha === null) {
        files.delete(e.path);
        for (const path of [...files.keys()]) if (path.startsWith(`${e.path}/`)) files.delete(path);
      } else if (e.mode === '040000') {
        for (const sub of this.tree(e.sha, true) ?? [])
          if (sub.type !== 'tree') files.set(`${e.path}/${sub.path}`, { mode: sub.mode, sha: sub.sha });
      } else files.set(e.path, { mode: e.mode, sha: e.sha });
    }
    return this.writeTree(files, '');
  }

  private writeTree(files: Map<string, { mode: string; sha: string }>, prefix: string): string {
    const direct: string[] = [];
    const dirs = new Set<string>();
    for (const [path, entry] of files) {
      if (!path.startsWith(prefix)) continue;
      const rest = path.slice(prefix.length);
      const slash = rest.indexOf('/');
      if (slash === -1)
        direct.push(`${entry.mode} ${entry.mode === '160000' ? 'commit' : 'blob'} ${entry.sha}\t${rest}`);
      else dirs.add(rest.slice(0, slash));
    }
    for (const dir of dirs) direct.push(`040000 tree ${this.writeTree(files, `${prefix}${dir}/`)}\t${dir}`);
    return this.git(['mktree'], `${direct.join('\n')}\n`);
  }

  commit(tree: string, parents: string[], message: string, author = IDENTITY, date?: string): string {
    const env: Record<string, string> = {
      GIT_AUTHOR_NAME: author.name,
      GIT_AUTHOR_EMAIL: author.email,
      GIT_COMMITTER_NAME: author.name,
      GIT_COMMITTER_EMAIL: author.email,
      ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}),
    };
    return this.git(['commit-tree', tree, ...parents.flatMap((p) => ['-p', p]), '-F', '-'], message, env);
  }

  commitInfo(sha: string) {
    const raw = this.tryGit(['cat-file', 'commit', sha]);
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
  makeTag(tag: string, object: string, type: string, message: string, tagger = IDENTITY): string {
    const when = `${Math.floor(Date.now() / 1000)} +0000`;
    const text = `object ${object}\ntype ${type}\ntag ${tag}\ntagger ${tagger.name} <${tagger.email}> ${when}\n\n${message}\n`;
    return this.git(['mktag'], text);
  }

  tagInfo(sha: string) {
    const raw = this.tryGit(['cat-file', 'tag', sha]);
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
        date: new Date(Number(tagger?.[3] ?? 0) * 1000).toISOString(),
      },
    };
  }

  refs(prefix = 'refs/'): { ref: string; sha: string; type: string }[] {
    const out = this.git(['for-each-ref', '--format=%(refname) %(objectname) %(objecttype)', prefix]);
    return out
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [ref, sha, type] = line.split(' ') as [string, string, string];
        return { ref, sha, type };
      });
  }

  resolveRef(ref: string): string | undefined {
    return this.tryGit(['rev-parse', '--verify', '--quiet', `${ref}^{}`]) ?? undefined;
  }

  refSha(ref: string): string | undefined {
    return this.tryGit(['rev-parse', '--verify', '--quiet', ref]);
  }

  /** Moves a ref; `expected` makes it a compare-and-swap ('' = must not exist). */
  updateRef(ref: string, sha: string, expected?: string): void {
    this.git(['update-ref', ref, sha, ...(expected !== undefined ? [expected] : [])]);
  }

  deleteRef(ref: string): void {
    this.git(['update-ref', '-d', ref]);
  }

  isAncestor(ancestor: string, descendant: string): boolean {
    try {
      this.git(['merge-base', '--is-ancestor', ancestor, descendant]);
      return true;
    } catch {
      return false;
    }
  }
}
