/** The pull request (or issue) and comment a comment's page address names. */
export interface CommentLocation {
  owner: string;
  repo: string;
  number: number;
  commentId: number;
}

/**
 * `https://HOST/OWNER/REPO/pull/N#issuecomment-ID` (or `/issues/N`, as GitHub also links a pull
 * request's comments): the repository and pull request a command was written in. Any host, so
 * GitHub Enterprise Server's pages read the same; undefined for anything else.
 */
export function parseCommentUrl(url: string): CommentLocation | undefined {
  const match =
    /^https?:\/\/[^/]+\/([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+)\/(?:pull|issues)\/(\d+)#issuecomment-(\d+)$/.exec(
      url,
    );
  // `.` and `..` are no repository names (GitHub refuses them); in a path they would climb.
  if (!match || match[2] === '.' || match[2] === '..') return undefined;
  return {
    owner: match[1]!,
    repo: match[2]!,
    number: Number(match[3]),
    commentId: Number(match[4]),
  };
}
