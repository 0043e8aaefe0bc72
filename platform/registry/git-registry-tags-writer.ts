import { UserError } from '../../core/errors.js';
import type { RegistryTag } from '../../core/registry/registry-types.js';
import type { NewRegistryTag, RegistryTagWriter } from '../../jobs/ports/registry-tags.js';
import { gitRegistryTags } from './git-registry-tags.js';
import { normalizeTagDate, normalizeTagMessage } from './registry-tag-fields.js';
import { GitFailure, notARepository, runGit, type GitLocation } from './run-git.js';

export interface GitTagWriterOptions extends GitLocation {
  /** Push each new tag to this remote (`--push`): the remote's ref is then the claim that counts. */
  push?: { remote: string };
}

/**
 * Annotated tags in a local clone, written as `git tag -a` writes them but through plumbing:
 * `git mktag` makes the tag object (message kept byte for byte — `git tag` would strip `#` lines),
 * and `git update-ref refs/tags/X <tag> ""` creates the ref only if it does not exist: the atomic
 * claim, so two writers racing for `fraud#prod#7` cannot both win. With `push`, the remote decides:
 * a push rejected because the tag already exists there is a lost claim (the local tag is removed
 * and the remote's fetched); nothing is ever forced.
 */
export function gitRegistryTagsWriter(options: GitTagWriterOptions): RegistryTagWriter {
  const where: GitLocation = { cwd: options.cwd, ...(options.gitDir ? { gitDir: options.gitDir } : {}) };
  const reader = gitRegistryTags(where);
  // Git's identity is asked once per writer: each git process costs tens of milliseconds.
  let identity: Promise<string> | undefined;
  const tagger = (given: NewRegistryTag['tagger']) =>
    given ? Promise.resolve(formatIdent(given)) : (identity ??= defaultIdent(where));
  const existing = async (name: string): Promise<RegistryTag> => {
    const tag = await reader.readTag(name);
    if (!tag) throw new Error(`tag ${name} was reported to exist but cannot be read`);
    return tag;
  };
  return {
    async createTag(tag) {
      const ref = `refs/tags/${tag.name}`;
      const ident = await tagger(tag.tagger);
      const object = await writeTagObject(where, tag, ident);
      try {
        await runGit(where, ['update-ref', '-m', `modelship: create ${tag.name}`, ref, object, '']);
      } catch (error) {
        if (error instanceof GitFailure && /exists|unable to lock|cannot lock/i.test(error.stderr)) {
          // The ref exists (or another writer holds its lock this very moment): the claim is lost.
          // The lost writer's tag object stays unreferenced and git's gc removes it.
          return { created: false, existing: await waitForExisting(existing, tag.name) };
        }
        throw (error instanceof GitFailure && notARepository(where, error)) || error;
      }
      if (options.push) {
        const lost = await pushTag(where, options.push.remote, ref);
        if (lost) {
          // Remove only our own tag (update-ref checks the old value), then take the remote's.
          await runGit(where, ['update-ref', '-d', ref, object]);
          await runGit(where, ['fetch', '--no-tags', options.push.remote, `${ref}:${ref}`]);
          return { created: false, existing: await existing(tag.name) };
        }
      }
      return { created: true, tag: written(tag, object, ident) };
    },
  };
}

/** The tag object, as `git tag -a` would write it: object, type, tag name, tagger, blank line, message. */
async function writeTagObject(where: GitLocation, tag: NewRegistryTag, tagger: string): Promise<string> {
  const message = tag.message.endsWith('\n') ? tag.message : `${tag.message}\n`;
  // The registry tags commits; mktag checks that the object exists and is one.
  const body = `object ${tag.commit}\ntype commit\ntag ${tag.name}\ntagger ${tagger}\n\n${message}`;
  try {
    return (await runGit(where, ['mktag'], { input: body })).trim();
  } catch (error) {
    if (error instanceof GitFailure)
      throw (
        notARepository(where, error) ??
        new UserError(
          'input',
          `cannot tag ${tag.commit}: it is not a commit of this repository (fetch it first?): ${error.stderr.trim()}`,
        )
      );
    throw error;
  }
}

/** The tag just written, as the reader would return it (not read back: one git process less). */
function written(tag: NewRegistryTag, object: string, ident: string): RegistryTag {
  const m = /^(.*) <(.*)> (\d+) [+-]\d{4}$/.exec(ident);
  return {
    name: tag.name,
    commit: tag.commit,
    annotated: true,
    object,
    ...(m
      ? {
          tagger: {
            name: m[1]!,
            email: m[2]!,
            date: normalizeTagDate(new Date(Number(m[3]) * 1000).toISOString()),
          },
        }
      : {}),
    message: normalizeTagMessage(tag.message),
  };
}

/** `Name <email> 1764457368 +0000` from an ISO date (default now). */
function formatIdent(tagger: { name: string; email: string; date?: string }): string {
  const time = tagger.date ? Date.parse(tagger.date) : Date.now();
  if (Number.isNaN(time))
    throw new UserError('input', `tagger date "${tagger.date}" is not an ISO 8601 date`);
  if (/[<>\n]/.test(tagger.name + tagger.email))
    throw new UserError(
      'input',
      `tagger "${tagger.name} <${tagger.email}>" may not contain <, > or a line break`,
    );
  return `${tagger.name} <${tagger.email}> ${Math.floor(time / 1000)} +0000`;
}

/** Git's own identity (user.name/user.email, GIT_COMMITTER_*), as `git tag` would use it. */
async function defaultIdent(where: GitLocation): Promise<string> {
  try {
    return (await runGit(where, ['var', 'GIT_COMMITTER_IDENT'])).trim();
  } catch (error) {
    if (error instanceof GitFailure)
      throw (
        notARepository(where, error) ??
        new UserError(
          'input',
          'git does not know who you are: set user.name and user.email (git config) or GIT_COMMITTER_NAME and GIT_COMMITTER_EMAIL; the registry records who wrote each tag',
        )
      );
    throw error;
  }
}

/** Pushes one tag; true when the remote refused it because the tag already exists there. */
async function pushTag(where: GitLocation, remote: string, ref: string): Promise<boolean> {
  try {
    await runGit(where, ['push', '--porcelain', remote, `${ref}:${ref}`], { timeoutMs: 120_000 });
    return false;
  } catch (error) {
    if (!(error instanceof GitFailure)) throw error;
    // Porcelain: `!\trefs/tags/X:refs/tags/X\t[rejected] (already exists)`.
    if (/^!\t.*\[rejected\] \(already exists\)/m.test(error.stdout)) return true;
    throw new UserError(
      'access',
      `could not push ${ref} to ${remote}: ${(error.stderr || error.stdout).trim()}. The tag exists locally only; check that you may push tags to ${remote} (contents: write for a token) and run the command again`,
    );
  }
}

/** A ref another writer is creating this instant may be locked before it is readable: wait briefly. */
async function waitForExisting(
  read: (name: string) => Promise<RegistryTag>,
  name: string,
): Promise<RegistryTag> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await read(name);
    } catch (error) {
      if (attempt >= 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}
