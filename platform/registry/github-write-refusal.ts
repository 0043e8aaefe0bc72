import { UserError } from '../../core/errors.js';

interface RequestError {
  status?: number;
  message?: string;
}

/**
 * A refused registry write as a UserError saying what to change, or the original error. A workflow's
 * GITHUB_TOKEN is read-only unless the workflow asks for `contents: write`; GitHub then answers 403
 * ("Resource not accessible by integration"), and a person's token without push access gets 404.
 */
export function githubWriteRefusal(error: unknown, what: string, repository: string): unknown {
  const e = error as RequestError;
  if (e.status === 403 && !/rate limit/i.test(e.message ?? ''))
    return new UserError(
      'access',
      `GitHub refused to ${what} in ${repository} (403: ${firstLine(e.message)}): the token needs write access to the repository's contents. In a workflow, add \`permissions: contents: write\` to the job (and \`id-token: write\` + \`attestations: write\` for the attestation step); a personal token needs the \`repo\` scope or "Contents: read and write"`,
    );
  if (e.status === 404)
    return new UserError(
      'access',
      `GitHub answered 404 when asked to ${what} in ${repository}: the repository does not exist or the token cannot push to it (a token without push access sees 404). Check --repo / GITHUB_REPOSITORY and that the token has "Contents: read and write"`,
    );
  return error;
}

const firstLine = (message: string | undefined) =>
  (message ?? '').split('\n')[0]!.replace(/ - https:\/\/\S+$/, '');
