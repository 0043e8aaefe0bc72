import { UserError } from '../../core/errors.js';
import type { RegistryTag } from '../../core/registry/registry-types.js';
import type { RegistryTagReader } from '../../jobs/ports/registry-tags.js';
import type { GitHubClient } from '../github/client.js';
import { mayBeRegistryTag, normalizeTagDate, normalizeTagMessage } from './registry-tag-fields.js';

/**
 * One page of `repository.refs` (100 refs, GitHub's maximum), with what a tag object carries; other
 * queries (the app's arrival query) embed it as `refs(refPrefix: "refs/tags/", first: 100) { … }`.
 */
export const REGISTRY_REFS_PAGE = `nodes {
        name
        target {
          __typename
          oid
          ... on Tag {
            message
            tagger { name email date }
            target { oid }
          }
        }
      }
      pageInfo { hasNextPage endCursor }`;

// `query` is reserved by @octokit/graphql (the document itself): the name filter goes in as $filter.
const REFS_QUERY = `query RegistryTags($owner: String!, $name: String!, $filter: String, $after: String) {
  repository(owner: $owner, name: $name) {
    refs(refPrefix: "refs/tags/", query: $filter, first: 100, after: $after) {
      ${REGISTRY_REFS_PAGE}
    }
  }
}`;

interface RefTarget {
  __typename: string;
  oid: string;
  message?: string;
  tagger?: { name: string | null; email: string | null; date: string | null } | null;
  target?: { oid: string };
}

/** What `REGISTRY_REFS_PAGE` answers. */
export interface RegistryRefsPage {
  nodes: { name: string; target: RefTarget | null }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

interface RefsPage {
  repository: { refs: RegistryRefsPage | null } | null;
}

/**
 * The registry's tags through GitHub's GraphQL API: one request per 100 tags, each with its tag
 * object's message, tagger and target (the REST API needs a request per tag for those). `query` is
 * a substring match on the name, so one model's tags are asked for by its name and the names are
 * checked here; the result is the same list the local reader gives for a clone of the repository.
 */
export function githubRegistryTags(
  client: Pick<GitHubClient, 'graphql'>,
  fullName: string,
): RegistryTagReader {
  return { listTags: (options = {}) => listRegistryTags(client, fullName, options) };
}

/**
 * The registry's tags page by page; `first`: a first page another query already read (the app's
 * arrival query), so only the pages after it are asked for.
 */
export async function listRegistryTags(
  client: Pick<GitHubClient, 'graphql'>,
  fullName: string,
  options: { model?: string; first?: RegistryRefsPage } = {},
): Promise<RegistryTag[]> {
  const [owner, name] = fullName.split('/') as [string, string];
  const { model } = options;
  const tags: RegistryTag[] = [];
  let refs: RegistryRefsPage | null | undefined = options.first;
  let after: string | undefined;
  for (;;) {
    if (!refs) {
      const page: RefsPage = await client
        .graphql<RefsPage>(REFS_QUERY, {
          owner,
          name,
          ...(model !== undefined ? { filter: model } : {}),
          ...(after !== undefined ? { after } : {}),
        })
        .catch((error: unknown) => {
          throw githubReadError(error, fullName);
        });
      if (!page.repository) throw notFound(fullName);
      refs = page.repository.refs;
    }
    for (const node of refs?.nodes ?? []) {
      if (node.target && mayBeRegistryTag(node.name, model)) tags.push(toRegistryTag(node.name, node.target));
    }
    if (!refs?.pageInfo.hasNextPage || !refs.pageInfo.endCursor) return tags;
    after = refs.pageInfo.endCursor;
    refs = undefined;
  }
}

function toRegistryTag(name: string, target: RefTarget): RegistryTag {
  if (target.__typename !== 'Tag') return { name, commit: target.oid, annotated: false };
  const tagger = target.tagger;
  return {
    name,
    commit: target.target?.oid ?? target.oid,
    annotated: true,
    object: target.oid,
    ...(tagger?.date
      ? {
          tagger: { name: tagger.name ?? '', email: tagger.email ?? '', date: normalizeTagDate(tagger.date) },
        }
      : {}),
    message: normalizeTagMessage(target.message ?? ''),
  };
}

function notFound(fullName: string): UserError {
  return new UserError(
    'not-found',
    `repository ${fullName} was not found, or the token cannot see it: check --repo (owner/name) and that GITHUB_TOKEN/GH_TOKEN may read it (contents: read)`,
  );
}

interface GraphqlFailure {
  status?: number;
  message?: string;
  errors?: { type?: string; message?: string }[];
}

/** GitHub's answers as what the user should do about them; network failures are already UserErrors. */
export function githubReadError(error: unknown, fullName: string): unknown {
  if (error instanceof UserError) return error;
  const e = error as GraphqlFailure;
  const types = (e.errors ?? []).map((x) => x.type);
  if (types.includes('NOT_FOUND')) return notFound(fullName);
  if (e.status === 401)
    return new UserError(
      'access',
      `GitHub refused the token (401 Bad credentials) while reading ${fullName}'s tags: set GITHUB_TOKEN or GH_TOKEN to a valid token`,
    );
  if (e.status === 403 || types.includes('FORBIDDEN') || types.includes('INSUFFICIENT_SCOPES'))
    return new UserError(
      'access',
      `the token may not read ${fullName}'s tags (${e.message ?? 'forbidden'}): it needs contents: read on the repository (a fine-grained token or a workflow's GITHUB_TOKEN), or the repo scope for a classic token`,
    );
  return error;
}
