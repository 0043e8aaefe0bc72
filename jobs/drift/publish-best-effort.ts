import { PublishError, type CheckRun, type CheckRunPublisher } from '../ports/check-run-publisher.js';

/** What became of the check run: posted, not attempted, or failed with a reason a person can act on. */
export type CheckRunResult =
  { status: 'published'; url: string } | { status: 'skipped' } | { status: 'failed'; message: string };

/**
 * Posts the check run without ever losing the verdict: a failure becomes a message that says what to
 * do (grant `checks: write`; a pull request from a fork cannot get it), and the caller decides
 * whether that fails the step.
 */
export async function publishBestEffort(
  publisher: CheckRunPublisher,
  run: CheckRun,
  fromFork: boolean,
): Promise<CheckRunResult> {
  try {
    return { status: 'published', url: (await publisher.publish(run)).url };
  } catch (error) {
    const reason = error instanceof PublishError ? error.reason : 'other';
    const detail = error instanceof Error ? error.message : String(error);
    return {
      status: 'failed',
      message: `the check run "${run.name}" was not posted: ${detail}. ${advice(reason, fromFork)}`,
    };
  }
}

function advice(reason: PublishError['reason'], fromFork: boolean): string {
  if (reason === 'forbidden')
    return fromFork
      ? 'This pull request comes from a fork, whose GITHUB_TOKEN is read-only: the report and outputs are still written; run the check from a pull_request_target or workflow_run workflow to post it.'
      : 'Give the workflow or job `permissions: checks: write` (the token needs it to create check runs).';
  if (reason === 'unreachable')
    return "The GitHub API did not answer: check GITHUB_API_URL and the runner's network.";
  return 'The report and outputs are still written.';
}
