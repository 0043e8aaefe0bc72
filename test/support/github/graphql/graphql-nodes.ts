import type { RawObject } from '../git-repo.js';
import type { Repo } from '../state.js';
import { issueOrPullNode, pullRequestNode } from './content-nodes.js';
import { GraphqlProblem, type GraphqlContext } from './graphql-context.js';
import { refId, repositoryId } from './node-ids.js';
import { parseCommit, parseTag, parseTree } from './object-loader.js';

/**
 * The stand-in's GraphQL objects: plain objects whose properties are values or functions of the
 * field's arguments (graphql-js's default resolution). A field a node does not define is not
 * implemented, and the server reports it as such rather than answering null.
 */
export type Node = Record<string, unknown> & { __typename: string };

const nodeId = (kind: string, ...parts: (string | number)[]) =>
  `${kind}_${Buffer.from(parts.join(':')).toString('base64url')}`;
const webUrl = (repo: Repo, ...rest: string[]) => ['https://github.com', repo.fullName, ...rest].join('/');

/** GitHub shows at most this much of a blob's text (`isTruncated`); the stand-in's best reading. */
const TEXT_LIMIT = 512 * 1024;

const ownerNode = (login: string): Node => ({ __typename: 'User', login });

export function repositoryNode(ctx: GraphqlContext, repo: Repo): Node {
  const objects = () => {
    ctx.mayRead(repo);
    return ctx.objects(repo);
  };
  return {
    __typename: 'Repository',
    id: repositoryId(repo),
    databaseId: repo.id,
    name: repo.name,
    nameWithOwner: repo.fullName,
    owner: ownerNode(repo.owner.login),
    isPrivate: repo.private,
    visibility: repo.private ? 'PRIVATE' : 'PUBLIC',
    url: webUrl(repo),
    defaultBranchRef: async () => {
      const loader = objects();
      const qualified = `refs/heads/${repo.defaultBranch}`;
      const head = await loader.load(qualified);
      if (!head) return null;
      loader.prime(head); // its target is this very object: read once
      return refNode(ctx, repo, qualified, head.oid);
    },
    ref: async ({ qualifiedName }: { qualifiedName: string }) => {
      objects();
      // GitHub tries the name as given, then as a branch, then as a tag.
      const candidates = qualifiedName.startsWith('refs/')
        ? [qualifiedName]
        : [`refs/heads/${qualifiedName}`, `refs/tags/${qualifiedName}`];
      for (const candidate of candidates) {
        // An exact ref name, never a revision expression (`main~1` is not a ref).
        const found = (await repo.git.refs(candidate)).find((r) => r.ref === candidate);
        if (found) return refNode(ctx, repo, candidate, found.sha, undefined, found.type);
      }
      return null;
    },
    refs: async (args: RefsArgs) => {
      objects();
      return refConnection(ctx, repo, args);
    },
    // Pull requests need what REST's `pulls/get` needs (`pull_requests: read` from an installation).
    pullRequest: ({ number }: { number: number }) => {
      ctx.mayDo(repo, 'pulls/get');
      const pull = repo.pulls.get(number);
      if (!pull)
        throw new GraphqlProblem(
          'NOT_FOUND',
          `Could not resolve to a PullRequest with the number of ${number}.`,
        );
      return pullRequestNode(ctx, repo, pull);
    },
    issueOrPullRequest: ({ number }: { number: number }) => {
      ctx.mayDo(repo, repo.pulls.has(number) ? 'pulls/get' : 'issues/get');
      const found = issueOrPullNode(ctx, repo, number);
      if (!found)
        throw new GraphqlProblem(
          'NOT_FOUND',
          `Could not resolve to an issue or pull request with the number of ${number}.`,
        );
      return found;
    },
    object: async ({ expression, oid }: { expression?: string; oid?: string }) => {
      const loader = objects();
      const spec = oid ?? expression;
      if (spec === undefined) return null;
      const found = await loader.load(spec);
      if (!found) return null;
      // A tree's entries carry their path from the repository's root: "main:deploy" → "deploy/…".
      const colon = expression?.indexOf(':') ?? -1;
      const path = expression && colon !== -1 ? expression.slice(colon + 1).replace(/\/+$/, '') : '';
      return objectNode(ctx, repo, found, path);
    },
  };
}

/** A ref: its short name and prefix as GitHub splits them (`refs/tags/` + `fraud@v1.0.0`). */
export function refNode(
  ctx: GraphqlContext,
  repo: Repo,
  qualified: string,
  oid: string,
  prefix?: string,
  type?: string,
): Node {
  const cut = prefix ?? /^refs\/[^/]+\//.exec(qualified)?.[0] ?? '';
  return {
    __typename: 'Ref',
    id: refId(repo, qualified),
    name: qualified.slice(cut.length),
    prefix: cut,
    repository: () => repositoryNode(ctx, repo),
    target: () => (type ? knownObject(ctx, repo, oid, type) : objectById(ctx, repo, oid)),
  };
}

export async function objectById(
  ctx: GraphqlContext,
  repo: Repo,
  oid: string,
  path = '',
): Promise<Node | null> {
  const found = await ctx.objects(repo).load(oid);
  return found ? objectNode(ctx, repo, found, path) : null;
}

const TYPENAMES: Record<string, string> = { commit: 'Commit', tag: 'Tag', tree: 'Tree', blob: 'Blob' };

/**
 * An object whose id and type are already known (from a ref listing or a tag's header): `oid`
 * costs nothing, any other field reads the object (batched with its siblings). A page of refs asked
 * only for `target { oid }` reads no object at all.
 */
export function knownObject(ctx: GraphqlContext, repo: Repo, oid: string, type: string, path = ''): Node {
  let full: Promise<Node> | undefined;
  const load = () =>
    (full ??= ctx
      .objects(repo)
      .load(oid)
      .then((found) => {
        if (!found) throw new GraphqlProblem('NOT_FOUND', `Could not resolve to a git object ${oid}.`);
        return objectNode(ctx, repo, found, path);
      }));
  const known: Node = {
    __typename: TYPENAMES[type] ?? type,
    id: nodeId(type, repo.id, oid),
    oid,
    abbreviatedOid: oid.slice(0, 7),
  };
  // Every other field is answered by the loaded node, which still refuses what it does not implement.
  // Only GraphQL field names: `then` must stay undefined, or the node would pass for a promise.
  const isField = (field: string | symbol): field is string => typeof field === 'string' && field !== 'then';
  return new Proxy(known, {
    has: (target, field) => isField(field) || field in target,
    get: (target, field) =>
      !isField(field) || field in target
        ? Reflect.get(target, field)
        : async (
            args: unknown,
            context: unknown,
            info: { fieldName: string; parentType: { name: string } },
          ) => {
            const node = await load();
            if (!(field in node))
              throw new GraphqlProblem(
                'NOT_IMPLEMENTED',
                `not implemented by the stand-in: ${info.parentType.name}.${info.fieldName}`,
              );
            const value = node[field];
            return typeof value === 'function'
              ? (value as (...a: unknown[]) => unknown)(args, context, info)
              : value;
          },
  });
}

export function objectNode(ctx: GraphqlContext, repo: Repo, object: RawObject, path = ''): Node {
  const common = {
    id: nodeId(object.type, repo.id, object.oid),
    oid: object.oid,
    abbreviatedOid: object.oid.slice(0, 7),
    repository: () => repositoryNode(ctx, repo),
  };
  if (object.type === 'commit') {
    const commit = parseCommit(object.content);
    const newline = commit.message.indexOf('\n');
    const actor = (p: typeof commit.author): Node => ({
      __typename: 'GitActor',
      name: p.name,
      email: p.email,
      date: p.date,
    });
    return {
      __typename: 'Commit',
      ...common,
      message: commit.message,
      messageHeadline: newline === -1 ? commit.message : commit.message.slice(0, newline),
      messageBody: newline === -1 ? '' : commit.message.slice(newline + 1).replace(/^\n/, ''),
      committedDate: commit.committer.utc,
      authoredDate: commit.author.utc,
      author: actor(commit.author),
      committer: actor(commit.committer),
      url: webUrl(repo, 'commit', object.oid),
      commitUrl: webUrl(repo, 'commit', object.oid),
      tree: () => objectById(ctx, repo, commit.tree),
      // `Commit.file(path:)`: the tree entry at `path` in this commit, null when there is none.
      file: ({ path }: { path: string }) => fileEntry(ctx, repo, object.oid, path),
    };
  }
  if (object.type === 'tag') {
    const tag = parseTag(object.content);
    return {
      __typename: 'Tag',
      ...common,
      name: tag.name,
      message: tag.message,
      tagger: tag.tagger
        ? { __typename: 'GitActor', name: tag.tagger.name, email: tag.tagger.email, date: tag.tagger.date }
        : null,
      target: () => knownObject(ctx, repo, tag.object, tag.type),
    };
  }
  if (object.type === 'tree') {
    return {
      __typename: 'Tree',
      ...common,
      entries: () =>
        parseTree(object.content).map((entry): Node => {
          const entryPath = path ? `${path}/${entry.name}` : entry.name;
          const type = entry.mode === '40000' ? 'tree' : entry.mode === '160000' ? 'commit' : 'blob';
          const dot = entry.name.lastIndexOf('.');
          return {
            __typename: 'TreeEntry',
            name: entry.name,
            path: entryPath,
            type,
            mode: parseInt(entry.mode, 8),
            oid: entry.oid,
            extension: type === 'blob' && dot > 0 ? entry.name.slice(dot) : null,
            isGenerated: false,
            nameRaw: Buffer.from(entry.name).toString('base64'),
            pathRaw: Buffer.from(entryPath).toString('base64'),
            // GitHub answers 0 for what is not a blob.
            size: async () => (type === 'blob' ? ((await ctx.objects(repo).load(entry.oid))?.size ?? 0) : 0),
            object: () => (type === 'commit' ? null : objectById(ctx, repo, entry.oid, entryPath)),
          };
        }),
    };
  }
  if (object.type === 'blob') {
    // git's own test for binary content: a NUL byte in the first 8,000 bytes.
    const isBinary = object.content.subarray(0, 8000).includes(0);
    const isTruncated = !isBinary && object.size > TEXT_LIMIT;
    return {
      __typename: 'Blob',
      ...common,
      byteSize: object.size,
      isBinary,
      isTruncated,
      text: isBinary ? null : object.content.subarray(0, TEXT_LIMIT).toString('utf8'),
    };
  }
  throw new GraphqlProblem('UNPROCESSABLE', `unknown git object type ${object.type}`);
}

/** A `TreeEntry` of `commit` by path (its mode from the parent tree), or null. */
async function fileEntry(
  ctx: GraphqlContext,
  repo: Repo,
  commit: string,
  path: string,
): Promise<Node | null> {
  const clean = path.replace(/^\/+|\/+$/g, '');
  if (clean === '') return null;
  const slash = clean.lastIndexOf('/');
  const name = clean.slice(slash + 1);
  const parent = await ctx.objects(repo).load(`${commit}:${slash === -1 ? '' : clean.slice(0, slash)}`);
  if (!parent || parent.type !== 'tree') return null;
  const entry = parseTree(parent.content).find((e) => e.name === name);
  if (!entry) return null;
  const type = entry.mode === '40000' ? 'tree' : entry.mode === '160000' ? 'commit' : 'blob';
  const dot = name.lastIndexOf('.');
  return {
    __typename: 'TreeEntry',
    name,
    path: clean,
    type,
    mode: parseInt(entry.mode, 8),
    oid: entry.oid,
    extension: type === 'blob' && dot > 0 ? name.slice(dot) : null,
    isGenerated: false,
    nameRaw: Buffer.from(name).toString('base64'),
    pathRaw: Buffer.from(clean).toString('base64'),
    size: async () => (type === 'blob' ? ((await ctx.objects(repo).load(entry.oid))?.size ?? 0) : 0),
    object: () => (type === 'commit' ? null : objectById(ctx, repo, entry.oid, clean)),
  };
}

export interface RefsArgs {
  refPrefix: string;
  query?: string;
  first?: number;
  last?: number;
  after?: string;
  before?: string;
  orderBy?: { field: 'ALPHABETICAL' | 'TAG_COMMIT_DATE'; direction: 'ASC' | 'DESC' };
  direction?: 'ASC' | 'DESC';
}

const cursorOf = (index: number) => Buffer.from(String(index + 1)).toString('base64');
function indexOf(cursor: string): number {
  const text = Buffer.from(cursor, 'base64').toString('utf8');
  if (!/^\d+$/.test(text) || cursorOf(Number(text) - 1) !== cursor)
    throw new GraphqlProblem(
      'INVALID_CURSOR_ARGUMENTS',
      `\`${cursor}\` does not appear to be a valid cursor.`,
    );
  return Number(text) - 1;
}

/**
 * What `for-each-ref`'s `%(*committerdate:unix)` or else `%(committerdate:unix)` gives (git 2.39
 * peels a tag once): the commit's committer date in seconds, a tag's commit's; 0 for anything else.
 */
async function committerDate(repo: Repo, sha: string, type: string): Promise<number> {
  const target = type === 'tag' ? (await repo.git.tagInfo(sha))?.object : { sha, type };
  if (target?.type !== 'commit') return 0;
  const raw = (await repo.git.object(target.sha))?.content.toString('utf8') ?? '';
  const committer = /^committer .* (\d+) [+-]\d{4}$/m.exec(raw.slice(0, raw.indexOf('\n\n')));
  return Number(committer?.[1] ?? 0);
}

/**
 * `refs(refPrefix:…)`: every matching ref as the repository's files list them, filtered, ordered and cut to
 * the page; the page's targets are read afterwards, in one batch, only if asked for.
 */
async function refConnection(ctx: GraphqlContext, repo: Repo, args: RefsArgs): Promise<Node> {
  const { refPrefix, query, first, last, after, before } = args;
  for (const [name, value] of [
    ['first', first],
    ['last', last],
  ] as const) {
    if (value !== undefined && value !== null && value > 100)
      throw new GraphqlProblem(
        'EXCESSIVE_PAGINATION',
        `Requesting ${value} records on the \`refs\` connection exceeds the \`${name}\` limit of 100 records.`,
      );
    if (value !== undefined && value !== null && value < 0)
      throw new GraphqlProblem(
        'INVALID_CURSOR_ARGUMENTS',
        `\`${name}\` on \`refs\` cannot be less than zero.`,
      );
  }
  if ((first === undefined || first === null) && (last === undefined || last === null))
    throw new GraphqlProblem(
      'MISSING_PAGINATION_BOUNDARIES',
      'You must provide a `first` or `last` value to properly paginate the `refs` connection.',
    );
  const byDate = args.orderBy?.field === 'TAG_COMMIT_DATE';
  const descending = (args.orderBy?.direction ?? args.direction) === 'DESC';
  // for-each-ref matches whole path components: list from the last '/' and filter the rest here.
  const listed = refPrefix.slice(0, refPrefix.lastIndexOf('/') + 1) || 'refs/';
  const listing = await repo.git.refs(listed);
  if (listing.length > 1000) repo.git.packRefsSoon();
  let refs = await Promise.all(
    listing
      .filter((r) => r.ref.startsWith(refPrefix) && r.ref.length > refPrefix.length)
      .map(async ({ ref, sha, type }) => ({
        ref,
        oid: sha,
        type,
        date: byDate ? await committerDate(repo, sha, type) : 0,
      })),
  );
  if (query) refs = refs.filter((r) => r.ref.slice(refPrefix.length).includes(query));
  if (byDate) refs.sort((a, b) => a.date - b.date || (a.ref < b.ref ? -1 : 1));
  if (descending) refs.reverse();

  let start = 0;
  let end = refs.length;
  if (after) start = Math.max(start, indexOf(after) + 1);
  if (before) end = Math.min(end, indexOf(before));
  if (first !== undefined && first !== null) end = Math.min(end, start + first);
  if (last !== undefined && last !== null) start = Math.max(start, end - last);
  const page = refs.slice(start, Math.max(start, end));
  const nodes = page.map((r) => refNode(ctx, repo, r.ref, r.oid, refPrefix, r.type));
  return {
    __typename: 'RefConnection',
    totalCount: refs.length,
    nodes,
    edges: page.map((r, i) => ({ __typename: 'RefEdge', cursor: cursorOf(start + i), node: nodes[i] })),
    pageInfo: {
      __typename: 'PageInfo',
      hasNextPage: end < refs.length,
      hasPreviousPage: start > 0,
      startCursor: page.length ? cursorOf(start) : null,
      endCursor: page.length ? cursorOf(start + page.length - 1) : null,
    },
  };
}
