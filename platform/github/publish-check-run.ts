import type { GitHubClient } from './client.js';

export interface CheckRunAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  message: string;
  title?: string;
}

export interface CheckRunRequest {
  owner: string;
  repo: string;
  headSha: string;
  name: string;
  conclusion: 'success' | 'failure' | 'neutral';
  output: { title: string; summary: string; text?: string };
  annotations?: CheckRunAnnotation[];
  detailsUrl?: string;
}

/** GitHub accepts at most 50 annotations per create or update request. */
const ANNOTATIONS_PER_REQUEST = 50;

/**
 * Creates or updates the check run `name` on `headSha`: a re-run of the same workflow updates the run
 * it made before instead of adding a second one. Annotations beyond 50 go in follow-up updates.
 */
export async function publishCheckRun(
  octokit: GitHubClient,
  request: CheckRunRequest,
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
  const batches: CheckRunAnnotation[][] = [];
  for (let i = 0; i < (request.annotations?.length ?? 0); i += ANNOTATIONS_PER_REQUEST) {
    batches.push(request.annotations!.slice(i, i + ANNOTATIONS_PER_REQUEST));
  }
  const output = (annotations?: CheckRunAnnotation[]) => ({
    ...request.output,
    ...(annotations ? { annotations } : {}),
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
  const { data } = previous
    ? await octokit.rest.checks.update({ ...fields, check_run_id: previous.id, output: output(batches[0]) })
    : await octokit.rest.checks.create({ ...fields, head_sha: request.headSha, output: output(batches[0]) });
  for (const batch of batches.slice(1)) {
    await octokit.rest.checks.update({ owner, repo, check_run_id: data.id, output: output(batch) });
  }
  return { id: data.id, url: data.html_url ?? data.url };
}
