import type { CheckRun, CheckRunPublisher } from '../../jobs/ports/check-run-publisher.js';
import { PublishError } from '../../jobs/ports/check-run-publisher.js';
import type { GitHubClient } from './client.js';

/** Check runs of one repository, through the one GitHub client (retries, throttling, timeouts). */
export function checkRunPublisher(
  octokit: GitHubClient,
  repository: { owner: string; repo: string },
): CheckRunPublisher {
  return {
    publish: (run) =>
      publishCheckRun(octokit, { ...repository, ...run }).catch((error: unknown) => {
        throw asPublishError(error);
      }),
  };
}

/**
 * Creates or updates the check run `name` on `headSha`: a re-run of the same workflow updates the run
 * it made before instead of adding a second one.
 */
export async function publishCheckRun(
  octokit: GitHubClient,
  request: CheckRun & { owner: string; repo: string },
): Promise<{ id: number; url: string }> {
  const { owner, repo } = request;
  const existing = await octokit.rest.checks.listForRef({
    owner,
    repo,
    ref: request.headSha,
    check_name: request.name,
    filter: 'latest',
    per_page: 1,
  });
  const fields = {
    owner,
    repo,
    name: request.name,
    status: 'completed' as const,
    conclusion: request.conclusion,
    completed_at: new Date().toISOString(),
    ...(request.detailsUrl ? { details_url: request.detailsUrl } : {}),
  };
  const previous = existing.data.check_runs[0];
  const { output } = request;
  const { data } = previous
    ? await octokit.rest.checks.update({ ...fields, check_run_id: previous.id, output })
    : await octokit.rest.checks.create({ ...fields, head_sha: request.headSha, output });
  return { id: data.id, url: data.html_url ?? data.url };
}

/** What the job can act on: a refusal (403/404: permissions), no answer, or anything else. */
export function asPublishError(error: unknown): PublishError {
  const status = (error as { status?: unknown }).status;
  const message = error instanceof Error ? error.message : String(error);
  if (status === 403 || status === 404)
    return new PublishError('forbidden', `GitHub answered ${status}: ${message}`);
  if (typeof status !== 'number' || status >= 500) return new PublishError('unreachable', message);
  return new PublishError('other', `GitHub answered ${status}: ${message}`);
}
