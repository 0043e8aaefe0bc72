/**
 * The claim id of a lock taken for one comment: the same comment handled again (a redelivery, a
 * second replica, a retry) names the same claim and so finds its own lock instead of contending
 * with itself. `purpose` tells a promotion's write lock from a /lock's sticky one.
 */
export function lockClaimId(claim: {
  repository: string;
  commentId: number;
  environment: string;
  purpose: 'write' | 'sticky';
}): string {
  return `${claim.repository}#comment-${claim.commentId}:${claim.environment}:${claim.purpose}`;
}
