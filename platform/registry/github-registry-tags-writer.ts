import { UserError } from '../../core/errors.js';
import type { RegistryTag } from '../../core/registry/registry-types.js';
import type { NewRegistryTag, RegistryTagWriter } from '../../jobs/ports/registry-tags.js';
import type { GitHubClient } from '../github/client.js';
import { githubWriteRefusal } from './github-write-refusal.js';

/**
 * Annotated registry tags through the Git Data API: the tag object first (message and tagger; an
 * object nothing points to is harmless), then the ref `refs/tags/<name>`. Creating the ref is the
 * atomic claim: GitHub answers 422 "Reference already exists" to every creator but one, and the
 * loser is told which tag won (two requests: the ref, and the tag object it points to).
 */
export function githubRegistryTagWriter(
  octokit: GitHubClient,
  where: { owner: string; repo: string } | string,
): RegistryTagWriter {
  const [owner, repo] = (typeof where === 'string' ? where.split('/') : [where.owner, where.repo]) as [
    string,
    string,
  ];
  const repository = { owner, repo };
  const fullName = `${owner}/${repo}`;
  return {
    async createTag(tag: NewRegistryTag) {
      const object = await octokit.rest.git
        .createTag({
          owner,
          repo,
          tag: tag.name,
          message: tag.message,
          object: tag.commit,
          type: 'commit',
          ...(tag.tagger ? { tagger: tag.tagger } : {}),
        })
        .catch((error: unknown) => {
          throw tagRefusal(error, tag, fullName);
        });
      try {
        await octokit.rest.git.createRef({ owner, repo, ref: `refs/tags/${tag.name}`, sha: object.data.sha });
      } catch (error) {
        if (!alreadyExists(error)) throw githubWriteRefusal(error, `create the tag ${tag.name}`, fullName);
        return { created: false as const, existing: await readTag(octokit, repository, tag.name) };
      }
      return {
        created: true as const,
        tag: {
          name: tag.name,
          commit: tag.commit,
          annotated: true,
          object: object.data.sha,
          tagger: object.data.tagger,
          message: object.data.message,
        },
      };
    },
  };
}

/** The same writer under the registry reader's naming (`githubRegistryTags(client, 'owner/name')`). */
export const githubRegistryTagsWriter = githubRegistryTagWriter;

/** The tag `name` as the repository has it now: peeled to its commit, with its message when annotated. */
export async function readTag(
  octokit: GitHubClient,
  repository: { owner: string; repo: string },
  name: string,
): Promise<RegistryTag> {
  const { data: ref } = await octokit.rest.git.getRef({ ...repository, ref: `tags/${name}` });
  if (ref.object.type !== 'tag') return { name, commit: ref.object.sha, annotated: false };
  const { data: object } = await octokit.rest.git.getTag({ ...repository, tag_sha: ref.object.sha });
  return {
    name,
    commit: object.object.sha,
    annotated: true,
    object: object.sha,
    tagger: object.tagger,
    message: object.message,
  };
}

function alreadyExists(error: unknown): boolean {
  const e = error as { status?: number; message?: string };
  return e.status === 422 && /already exists/i.test(e.message ?? '');
}

function tagRefusal(error: unknown, tag: NewRegistryTag, repository: string): unknown {
  const e = error as { status?: number; message?: string };
  if (e.status === 422 && /Object does not exist/i.test(e.message ?? ''))
    return new UserError(
      'input',
      `the commit ${tag.commit} is not in ${repository}: push it before registering (the tag must point at a commit GitHub has)`,
    );
  if (e.status === 422 && /not a valid tag name/i.test(e.message ?? ''))
    return new UserError('input', `GitHub refuses the tag name "${tag.name}": ${e.message}`);
  return githubWriteRefusal(error, `create the tag ${tag.name}`, repository);
}
