import type { GitRepo, RawObject } from '../git-repo.js';

/**
 * Reads git objects for one GraphQL request, batched: every object asked for while graphql-js
 * resolves one level of a query (a page of a hundred refs' targets) is read by one
 * `git cat-file --batch`, and each is read once per request.
 */
export class ObjectLoader {
  private readonly cache = new Map<string, Promise<RawObject | undefined>>();
  private pending: {
    spec: string;
    settle: (o: RawObject | undefined) => void;
    fail: (e: unknown) => void;
  }[] = [];

  constructor(private readonly git: GitRepo) {}

  /** An object by id or revision expression (`main:path`); undefined when it does not exist. */
  load(spec: string): Promise<RawObject | undefined> {
    // cat-file reads one name per line: a name with a line break would be two.
    if (/[\n\r]/.test(spec) || spec === '') return Promise.resolve(undefined);
    let found = this.cache.get(spec);
    if (!found) {
      found = new Promise((settle, fail) => {
        if (this.pending.length === 0) setImmediate(() => void this.flush());
        this.pending.push({ spec, settle, fail });
      });
      this.cache.set(spec, found);
    }
    return found;
  }

  /** Remembers an object read under another name (a ref), so reading it by id costs nothing. */
  prime(object: RawObject): void {
    if (!this.cache.has(object.oid)) this.cache.set(object.oid, Promise.resolve(object));
  }

  private async flush() {
    const batch = this.pending;
    this.pending = [];
    try {
      const objects = await this.git.readObjects(batch.map((p) => p.spec));
      batch.forEach((p, i) => p.settle(objects[i]));
    } catch (error) {
      for (const p of batch) p.fail(error);
    }
  }
}

export interface GitPerson {
  name: string;
  email: string;
  /** ISO 8601 with the person's UTC offset, as GitHub's GitTimestamp. */
  date: string;
  /** ISO 8601 in UTC (`…Z`), as GitHub's DateTime. */
  utc: string;
}

function person(text: string | undefined): GitPerson {
  const m = /^(.*) <(.*)> (\d+) ([+-])(\d\d)(\d\d)$/.exec(text ?? '');
  if (!m) return { name: '', email: '', date: new Date(0).toISOString(), utc: new Date(0).toISOString() };
  const seconds = Number(m[3]);
  const offsetMinutes = (m[4] === '-' ? -1 : 1) * (Number(m[5]) * 60 + Number(m[6]));
  const local = new Date((seconds + offsetMinutes * 60) * 1000).toISOString().replace(/\.\d{3}Z$/, '');
  return {
    name: m[1]!,
    email: m[2]!,
    date: `${local}${m[4]}${m[5]}:${m[6]}`,
    utc: new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
  };
}

/** Header lines and message of a commit or tag object. */
function split(content: Buffer) {
  const text = content.toString('utf8');
  const blank = text.indexOf('\n\n');
  const head = blank === -1 ? text : text.slice(0, blank);
  const message = blank === -1 ? '' : text.slice(blank + 2);
  const fields = new Map<string, string[]>();
  for (const line of head.split('\n')) {
    if (line.startsWith(' ')) continue; // a continuation (gpgsig)
    const space = line.indexOf(' ');
    const key = line.slice(0, space);
    fields.set(key, [...(fields.get(key) ?? []), line.slice(space + 1)]);
  }
  return { fields, message };
}

export function parseCommit(content: Buffer) {
  const { fields, message } = split(content);
  return {
    tree: fields.get('tree')![0]!,
    parents: fields.get('parent') ?? [],
    author: person(fields.get('author')?.[0]),
    committer: person(fields.get('committer')?.[0]),
    // As the REST API: without the final line break git stores.
    message: message.replace(/\n$/, ''),
  };
}

export function parseTag(content: Buffer) {
  const { fields, message } = split(content);
  return {
    object: fields.get('object')![0]!,
    type: fields.get('type')![0]!,
    name: fields.get('tag')![0]!,
    tagger: fields.has('tagger') ? person(fields.get('tagger')![0]) : undefined,
    message: message.replace(/\n$/, ''),
  };
}

/** A tree's entries: `mode name\0<20-byte id>` each. */
export function parseTree(content: Buffer): { mode: string; name: string; oid: string }[] {
  const entries: { mode: string; name: string; oid: string }[] = [];
  let at = 0;
  while (at < content.length) {
    const space = content.indexOf(0x20, at);
    const nul = content.indexOf(0, space);
    entries.push({
      mode: content.subarray(at, space).toString('latin1'),
      name: content.subarray(space + 1, nul).toString('utf8'),
      oid: content.subarray(nul + 1, nul + 21).toString('hex'),
    });
    at = nul + 21;
  }
  return entries;
}
