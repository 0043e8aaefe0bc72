import { mkdir } from 'node:fs/promises';
import { GitCommandError } from './git-command-error.js';
import { gitTimeZone, isPlainIdent } from './git-identity.js';
import { GitObjectReader, type ObjectInfo } from './git-object-reader.js';
import { countGitProcess } from './git-processes.js';
import { spawnGit } from './git-spawner.js';
import { isValidRefName } from './git-ref-name.js';
import { GitRefUpdater } from './git-ref-updater.js';
import { matchesRefPattern, readRefs } from './git-refs.js';
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

export { GitCommandError };

const IDENTITY = { name: 'GitHub', email: 'noreply@github.com' };

/**
 * Runs git without blocking the event loop: twenty clients at once must not queue behind one git
 * call, nor behind the start of one (the spawner process starts it).
 */
async function runGit(
  cwd: string,
  args: string[],
  input?: string | Buffer,
  env: Record<string, string> = {},
) {
  countGitProcess(args[0] ?? '');
  const { code, stdout, stderr } = await spawnGit(cwd, args, input, {
    ...process.env,
    GIT_CONFIG_NOSYSTEM: '1',
    ...env,
  });
  if (code === 0) return stdout;
  throw new GitCommandError(args, code, stderr.toString('utf8'), stdout.toString('utf8'));
}

/**
 * A name that always means the same object: an object id, or an expression rooted at one
 * (`<sha>^{tree}`, `<sha>:path`, `<sha>~2`). git objects never change, so what such a name
 * resolves to is remembered; a ref name is read again every time.
 */
const IMMUTABLE = /^[0-9a-f]{40}(?:[\^~:].*)?$/s;
/** Objects remembered per repository (ids and their bytes); beyond this the memory starts over. */
const REMEMBERED = 50_000;
const BIG = 1 << 20;
const ZERO = '0'.repeat(40);
/** `2026-11-30T03:37:50Z`, with or without fractions of a second: git takes the whole seconds, UTC. */
const UTC_TIME =
  /^(?:19[7-9]\d|20\d\d)-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d{1,6})?Z$/;

/**
 * A bare git repository driven through git's plumbing commands: what the stand-in stores. Reads
 * go through one long-lived `cat-file --batch-command` and remember immutable objects by id; refs
 * are read from the repository's files; writes (objects, refs, merges) run git as before.
 */
export class GitRepo {
  private reader: GitObjectReader | undefined;
  private updater: GitRefUpdater | undefined;
  private readonly objects = new Map<string, Promise<RawObject | undefined>>();
  private readonly infos = new Map<string, Promise<ObjectInfo | undefined>>();
  private readonly derived = new Map<string, Promise<unknown>>();

  constructor(readonly dir: string) {}

  /** Stops the object reader (the repository's files may be removed afterwards). */
  close(): void {
    this.reader?.close();
    this.reader = undefined;
    this.updater?.close();
    this.updater = undefined;
  }

  private read(): GitObjectReader {
    return (this.reader ??= new GitObjectReader(this.dir));
  }

  /** Remembers what an immutable name gives, once found (a missing object may be written later). */
  private remember<T>(
    cache: Map<string, Promise<T | undefined>>,
    key: string,
    load: () => Promise<T | undefined>,
  ) {
    if (!IMMUTABLE.test(key)) return load();
    let found = cache.get(key);
    if (!found) {
      if (cache.size >= REMEMBERED) cache.clear();
      found = load();
      cache.set(key, found);
      found.then(
        // Big objects (a large file committed) are read again rather than held for the stand-in's life.
        (value) =>
          (value === undefined || ((value as { content?: Buffer }).content?.length ?? 0) > BIG) &&
          cache.delete(key),
        () => cache.delete(key),
      );
    }
    return found;
  }

  /** An object by id or revision expression, with its bytes; undefined when it does not exist. */
  object(spec: string): Promise<RawObject | undefined> {
    return this.remember(this.objects, spec, async () => {
      const found = await this.read().contents(spec);
      return found && { ...found.info, content: found.content };
    });
  }

  /** An object's id, type and size, without its bytes. */
  info(spec: string): Promise<ObjectInfo | undefined> {
    const known = this.objects.get(spec);
    if (known) return known.then((o) => o && { oid: o.oid, type: o.type, size: o.size });
    return this.remember(this.infos, spec, () => this.read().info(spec));
  }

  /** A result computed from immutable objects only (a merge of two commits), remembered by `key`. */
  private once<T>(key: string, compute: () => Promise<T>): Promise<T> {
    let found = this.derived.get(key) as Promise<T> | undefined;
    if (!found) {
      if (this.derived.size >= REMEMBERED) this.derived.clear();
      found = compute();
      this.derived.set(key, found);
      found.catch(() => this.derived.delete(key));
    }
    return found;
  }

  /**
   * The object `spec` names, peeled to `type` as `git cat-file <type> <spec>` does: a tag to what it
   * tags, a commit to its tree.
   */
  private async objectOf(spec: string, type: 'blob' | 'tree' | 'commit' | 'tag') {
    const object = await this.object(spec);
    if (!object || object.type === type) return object;
    if (type === 'tag' || !(object.type === 'tag' || (object.type === 'commit' && type === 'tree')))
      return undefined;
    return this.object(`${object.oid}^{${type}}`);
  }

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
    return (await this.objectOf(sha, 'blob'))?.content;
  }

  /**
   * Many objects in one `git cat-file --batch` process, each named by an object id or any revision
   * expression (`main:deploy/values.yaml`); undefined for what does not exist. All through the
   * repository's one `cat-file` process.
   */
  async readObjects(specs: string[]): Promise<(RawObject | undefined)[]> {
    return Promise.all(specs.map((spec) => this.object(spec)));
  }

  async typeOf(sha: string): Promise<string | undefined> {
    return (await this.info(sha))?.type;
  }

  /**
   * Entries of a tree (or of a commit's or tag's tree) as `ls-tree -l` lists them; `recursive` lists
   * every entry below it, each tree before its contents (GitHub's `recursive=1`, `ls-tree -r -t`).
   */
  async tree(sha: string, recursive = false): Promise<TreeEntry[] | undefined> {
    const root = await this.objectOf(sha, 'tree');
    if (!root) return undefined;
    // Every level's sizes and subtrees are asked for at once (one pipe, many requests in flight),
    // then listed in the trees' own order.
    const list = async (tree: Buffer, prefix: string): Promise<TreeEntry[]> => {
      const level = await Promise.all(
        parseTree(tree).map(async (e) => {
          const path = `${prefix}${e.name}`;
          const entry: TreeEntry = { path, mode: e.mode, type: e.type, sha: e.sha };
          if (e.type === 'blob') {
            const size = (await this.info(e.sha))?.size;
            return [size === undefined ? entry : { ...entry, size }];
          }
          if (e.type !== 'tree' || !recursive) return [entry];
          const subtree = await this.object(e.sha);
          return [entry, ...(subtree ? await list(subtree.content, `${path}/`) : [])];
        }),
      );
      return level.flat();
    };
    return list(root.content, '');
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

  async commit(
    tree: string,
    parents: string[],
    message: string,
    author = IDENTITY,
    date?: string,
    committer = author,
  ): Promise<string> {
    const written = await this.writeCommit(tree, parents, message, author, committer, date);
    if (written) return written;
    const env: Record<string, string> = {
      GIT_AUTHOR_NAME: author.name,
      GIT_AUTHOR_EMAIL: author.email,
      GIT_COMMITTER_NAME: committer.name,
      GIT_COMMITTER_EMAIL: committer.email,
      ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}),
    };
    return this.git(['commit-tree', tree, ...parents.flatMap((p) => ['-p', p]), '-F', '-'], message, env);
  }

  /**
   * The commit `commit-tree` would write, written as the loose object `commit-tree` writes, without
   * a git process: undefined when git would change the input (an ident it trims, a date it parses,
   * dates from the environment) or refuse it (a tree or parent that is not one) — git then decides.
   */
  private async writeCommit(
    tree: string,
    parents: string[],
    message: string,
    author: { name: string; email: string },
    committer: { name: string; email: string },
    date: string | undefined,
  ): Promise<string | undefined> {
    if (process.env.GIT_AUTHOR_DATE || process.env.GIT_COMMITTER_DATE) return undefined;
    // A client's date: the ISO 8601 UTC times clients send are read here as git reads them.
    if (date !== undefined && !UTC_TIME.test(date)) return undefined;
    if (![author.name, author.email, committer.name, committer.email].every(isPlainIdent)) return undefined;
    const ids = [tree, ...parents];
    if (message.includes('\0') || !ids.every((s) => /^[0-9a-f]{40}$/.test(s))) return undefined;
    if (new Set(parents).size !== parents.length) return undefined; // git drops a repeated parent
    const types = await Promise.all(ids.map((s) => this.typeOf(s)));
    if (types[0] !== 'tree' || types.slice(1).some((t) => t !== 'commit')) return undefined;
    const ms = date ? Date.parse(date) : Date.now();
    const when = date ? `${Math.floor(ms / 1000)} +0000` : `${Math.floor(ms / 1000)} ${gitTimeZone(ms)}`;
    const text =
      `tree ${tree}\n${parents.map((p) => `parent ${p}\n`).join('')}` +
      `author ${author.name} <${author.email}> ${when}\n` +
      `committer ${committer.name} <${committer.email}> ${when}\n\n${message}`;
    return writeLooseObject(this.dir, 'commit', Buffer.from(text, 'utf8'));
  }

  async commitInfo(sha: string) {
    const raw = (await this.objectOf(sha, 'commit'))?.content.toString('utf8').trimEnd();
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
  async makeTag(
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
    // `mktag` checks the tag and writes it unchanged; a tag its checks surely pass is written here
    // as the same loose object, without a git process. Anything unusual is still git's to judge.
    const plain =
      /^[0-9a-f]{40}$/.test(object) &&
      /^[\x21-\x7e]+$/.test(tag) &&
      isPlainIdent(tagger.name) &&
      isPlainIdent(tagger.email) &&
      /^(?:0|[1-9]\d{0,10}) \+0000$/.test(when) &&
      !message.includes('\0') &&
      (await this.typeOf(object)) === type;
    if (plain) return writeLooseObject(this.dir, 'tag', Buffer.from(text, 'utf8'));
    return this.git(['mktag'], text);
  }

  async tagInfo(sha: string) {
    const raw = (await this.objectOf(sha, 'tag'))?.content.toString('utf8').trimEnd();
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

  /** Refs under `prefix` (a `for-each-ref` pattern), sorted by name, with the type of what each names. */
  async refs(prefix = 'refs/'): Promise<{ ref: string; sha: string; type: string }[]> {
    if (/[*?[\\]/.test(prefix)) {
      // A glob pattern: git's own matching.
      const out = await this.git(['for-each-ref', '--format=%(refname) %(objectname) %(objecttype)', prefix]);
      return out
        .split('\n')
        .filter(Boolean)
        .map((line) => {
          const [ref, sha, type] = line.split(' ') as [string, string, string];
          return { ref, sha, type };
        });
    }
    const listed = [...(await this.refShas())].filter(([ref]) => matchesRefPattern(ref, prefix));
    const types = await Promise.all(listed.map(([, sha]) => this.info(sha)));
    // for-each-ref leaves out a ref whose object is missing (a broken ref).
    return listed.flatMap(([ref, sha], i) => (types[i] ? [{ ref, sha, type: types[i].type }] : []));
  }

  /** Every ref under `refs/` and the object id it holds, read from the files without a git process. */
  async refShas(): Promise<Map<string, string>> {
    return (await readRefs(this.dir)).refs;
  }

  /** The object the peeled `ref` names (`rev-parse --verify <ref>^{}`). */
  async resolveRef(ref: string): Promise<string | undefined> {
    return (await this.info(`${ref}^{}`))?.oid;
  }

  /** The object id `ref` holds, unpeeled (`rev-parse --verify <ref>`). */
  async refSha(ref: string): Promise<string | undefined> {
    // git takes a full object id as itself, whether or not the object exists.
    if (/^[0-9a-f]{40}$/.test(ref)) return ref;
    return (await this.info(ref))?.oid;
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
    const args = ['update-ref', ref, sha, ...(expected !== undefined ? [expected] : [])];
    const old = expected === '' ? ZERO : (expected ?? '');
    await this.transaction(args, [`update ${ref}`, sha, old]);
  }

  /** Deletes a ref; `expected` makes it a compare-and-swap. */
  async deleteRef(ref: string, expected?: string): Promise<void> {
    const args = ['update-ref', '-d', ref, ...(expected !== undefined ? [expected] : [])];
    await this.transaction(args, [`delete ${ref}`, expected ?? '']);
  }

  /** One ref transaction through the repository's `update-ref --stdin` (a one-shot process for odd input). */
  private async transaction(args: string[], command: string[]): Promise<void> {
    if (command.some((field) => /[\0\n]/.test(field))) {
      await this.git(args);
      return;
    }
    await (this.updater ??= new GitRefUpdater(this.dir)).run(args, command);
  }

  async isAncestor(ancestor: string, descendant: string): Promise<boolean> {
    if (IMMUTABLE.test(ancestor) && IMMUTABLE.test(descendant))
      return this.once(`ancestor ${ancestor} ${descendant}`, () => this.isAncestorNow(ancestor, descendant));
    return this.isAncestorNow(ancestor, descendant);
  }

  private async isAncestorNow(ancestor: string, descendant: string): Promise<boolean> {
    // A commit's own parent is its ancestor: the common case (a commit on top of the branch's head)
    // answered from the object reader, without a `merge-base` process.
    if (
      ancestor === descendant &&
      /^[0-9a-f]{40}$/.test(ancestor) &&
      (await this.typeOf(ancestor)) === 'commit'
    )
      return true;
    if (/^[0-9a-f]{40}$/.test(ancestor) && (await this.commitInfo(descendant))?.parents.includes(ancestor))
      return true;
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
    if (IMMUTABLE.test(ours) && IMMUTABLE.test(theirs))
      return this.once(`merge ${ours} ${theirs}`, () => this.mergeTreeNow(ours, theirs));
    return this.mergeTreeNow(ours, theirs);
  }

  private async mergeTreeNow(ours: string, theirs: string): Promise<{ tree: string; conflicts: string[] }> {
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
    if (IMMUTABLE.test(base) && IMMUTABLE.test(head))
      return this.once(`between ${base} ${head}`, () => this.commitsBetweenNow(base, head));
    return this.commitsBetweenNow(base, head);
  }

  private async commitsBetweenNow(base: string, head: string): Promise<string[]> {
    const out = await this.git(['rev-list', '--reverse', '--topo-order', head, `^${base}`]);
    return out.split('\n').filter(Boolean);
  }

  /**
   * `rev-list --reverse --max-count=2048 <head> ^<exclude>…`: the commits a push brought. A head
   * already excluded brings none, and a commit whose only parent is the one excluded commit brings
   * itself — the usual push, answered from the object reader; anything else is git's walk.
   */
  async commitsPushed(head: string, exclude: string[]): Promise<string[]> {
    const id = /^[0-9a-f]{40}$/;
    const known = async (s: string) => id.test(s) && (await this.typeOf(s)) !== undefined;
    const plain = (await Promise.all([head, ...exclude].map(known))).every(Boolean);
    if (plain && (await this.typeOf(head)) === 'commit') {
      if (exclude.includes(head)) return [];
      const parents = (await this.commitInfo(head))?.parents ?? [];
      if (exclude.length === 1 && parents.length === 1 && parents[0] === exclude[0]) return [head];
    }
    const out = await this.git([
      'rev-list',
      '--reverse',
      '--max-count=2048',
      head,
      ...exclude.map((s) => `^${s}`),
    ]);
    return out.split('\n').filter(Boolean);
  }

  /** Files changed from `base` to `head`: status letter and path, as `git diff --name-status`. */
  changedFiles(base: string, head: string) {
    if (IMMUTABLE.test(base) && IMMUTABLE.test(head))
      return this.once(`changed ${base} ${head}`, () => this.changedFilesNow(base, head));
    return this.changedFilesNow(base, head);
  }

  private async changedFilesNow(base: string, head: string) {
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

  /**
   * Paths a commit changed against its first parent (all of them for a root commit), as
   * `diff-tree -r --name-status` gives them: status letter and path. A commit's diff never changes.
   */
  commitChanges(sha: string): Promise<{ status: string; path: string }[]> {
    const compute = async () => {
      const info = await this.commitInfo(sha);
      const compared = info && (await this.diffTrees(info.parents[0], info.tree));
      if (compared) return compared;
      const range = info?.parents.length ? [info.parents[0]!, sha] : ['--root', sha];
      const out = await this.git(['diff-tree', '-r', '--no-commit-id', '--name-status', ...range]);
      return out
        .split('\n')
        .filter(Boolean)
        .map((line) => {
          const [status, path] = line.split('\t') as [string, string];
          return { status, path };
        });
    };
    return /^[0-9a-f]{40}$/.test(sha) ? this.once(`changes ${sha}`, compute) : compute();
  }

  /**
   * `diff-tree -r --name-status` of two commits' trees (`parent` undefined: a root commit), from
   * the object reader: subtrees with the same id are skipped, the rest compared entry by entry.
   * Undefined when a changed path is one git would quote (non-ASCII, control characters, `"`, `\`),
   * which git itself then lists as it always did.
   */
  private async diffTrees(
    parent: string | undefined,
    tree: string,
  ): Promise<{ status: string; path: string }[] | undefined> {
    const files = async (sha: string | undefined, prefix: string, into: Map<string, Leaf>) => {
      const object = sha === undefined ? undefined : await this.object(sha);
      if (sha !== undefined && object?.type !== 'tree') throw new Error(`tree ${sha} is missing`);
      for (const e of object ? parseTree(object.content) : []) into.set(`${prefix}${e.name}`, e);
    };
    const changes: { status: string; path: string }[] = [];
    const walk = async (before: string | undefined, after: string | undefined, prefix: string) => {
      const [old, now] = [new Map<string, Leaf>(), new Map<string, Leaf>()];
      await Promise.all([files(before, prefix, old), files(after, prefix, now)]);
      const subtrees: Promise<void>[] = [];
      for (const path of new Set([...old.keys(), ...now.keys()])) {
        const [a, b] = [old.get(path), now.get(path)];
        if (a && b && a.mode === b.mode && a.sha === b.sha) continue;
        const [aTree, bTree] = [a?.type === 'tree', b?.type === 'tree'];
        if (aTree || bTree)
          subtrees.push(walk(aTree ? a!.sha : undefined, bTree ? b!.sha : undefined, `${path}/`));
        const [aFile, bFile] = [a && !aTree ? a : undefined, b && !bTree ? b : undefined];
        if (!aFile && !bFile) continue;
        if (!/^[\x20-\x7e]+$/.test(path) || /["\\]/.test(path)) throw QUOTED;
        const status = !aFile ? 'A' : !bFile ? 'D' : kind(aFile.mode) === kind(bFile.mode) ? 'M' : 'T';
        changes.push({ status, path });
      }
      await Promise.all(subtrees);
    };
    try {
      await walk(parent === undefined ? undefined : `${parent}^{tree}`, tree, '');
    } catch {
      return undefined;
    }
    // git walks both trees in tree order, which for full paths is byte order.
    return changes.sort((x, y) => Buffer.compare(Buffer.from(x.path), Buffer.from(y.path)));
  }

  /** Whether `name` is a valid full ref name (`refs/heads/x`), by git's own rules. */
  isValidRefName(name: string): Promise<boolean> {
    return Promise.resolve(isValidRefName(name));
  }
}

type Leaf = { mode: string; type: TreeEntry['type']; sha: string };
const QUOTED = new Error('a path git quotes');
/** What a mode makes an entry, for `T` (type changed) against `M` (modified). */
const kind = (mode: string) => (mode === '120000' ? 'link' : mode === '160000' ? 'gitlink' : 'file');

/** A tree object's entries in stored order: `mode name\0<20-byte id>`, modes as ls-tree prints them. */
function parseTree(tree: Buffer): { mode: string; type: TreeEntry['type']; name: string; sha: string }[] {
  const entries: { mode: string; type: TreeEntry['type']; name: string; sha: string }[] = [];
  let at = 0;
  while (at < tree.length) {
    const space = tree.indexOf(0x20, at);
    const nul = tree.indexOf(0, space);
    const mode = tree.subarray(at, space).toString('latin1').padStart(6, '0');
    const name = tree.subarray(space + 1, nul).toString('utf8');
    const sha = tree.subarray(nul + 1, nul + 21).toString('hex');
    at = nul + 21;
    const type = mode === '040000' ? 'tree' : mode === '160000' ? 'commit' : 'blob';
    entries.push({ mode, type, name, sha });
  }
  return entries;
}
