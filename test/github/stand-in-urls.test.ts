import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createGitHubClient, type GitHubClient } from '../../platform/github/client.js';
import { githubOpenApi } from '../support/github/openapi.js';
import { startGitHubStandIn, type GitHubStandIn } from '../support/github/server.js';

/** Whether GitHub has `method` on exactly this path (the router lets a parameter span segments). */
function isRoute(method: string, path: string): boolean {
  return githubOpenApi().match(method, path)?.operation.path.split('/').length === path.split('/').length;
}

/**
 * Code follows the URLs GitHub puts in its responses (`releases_url`, `statuses_url`, `assets_url`,
 * `browser_download_url`…). The stand-in must give each URL field what GitHub gives, and a URL on its
 * own hosts must lead to a real answer — never an empty string, a made-up path, or a 404 for a
 * resource that exists.
 */
describe('GitHub stand-in: URLs and filled-in fields in responses', () => {
  let gh: GitHubStandIn;
  let octokit: GitHubClient;
  let token: string;
  let head: string;
  const repo = { owner: 'acme', repo: 'models' };
  const responses: { route: string; data: unknown }[] = [];

  before(async () => {
    gh = await startGitHubStandIn();
    await gh.createRepo('acme/models', {
      files: { 'README.md': '# models\n', 'deploy/values.yaml': 'v: 1\n' },
    });
    token = gh.createToken('acme');
    octokit = createGitHubClient({ token, baseUrl: gh.url, retries: 0, pacing: false });
    octokit.hook.after('request', (response, options) => {
      responses.push({ route: `${options.method} ${options.url}`, data: response.data });
    });
    await exercise();
  });
  after(() => gh.close());

  /** One call of (nearly) every operation the stand-in implements, leaving every resource in place. */
  async function exercise() {
    const repoData = await octokit.rest.repos.get(repo);
    head = (await octokit.rest.git.getRef({ ...repo, ref: 'heads/main' })).data.object.sha;
    const release = await octokit.rest.repos.createRelease({ ...repo, tag_name: 'v1.0.0', body: 'notes' });
    await octokit.rest.repos.uploadReleaseAsset({
      ...repo,
      release_id: release.data.id,
      name: 'model.onnx',
      data: 'ONNX',
      baseUrl: gh.uploadsUrl,
    });
    await octokit.rest.repos.getRelease({ ...repo, release_id: release.data.id });
    await octokit.rest.repos.listReleases(repo);
    await octokit.rest.repos.getLatestRelease(repo);
    await octokit.rest.repos.listReleaseAssets({ ...repo, release_id: release.data.id });
    const blob = await octokit.rest.git.createBlob({ ...repo, content: 'v: 2\n', encoding: 'utf-8' });
    await octokit.rest.git.getBlob({ ...repo, file_sha: blob.data.sha });
    const commit = await octokit.rest.git.getCommit({ ...repo, commit_sha: head });
    const tree = await octokit.rest.git.createTree({
      ...repo,
      base_tree: commit.data.tree.sha,
      tree: [{ path: 'deploy/values.yaml', mode: '100644', type: 'blob', sha: blob.data.sha }],
    });
    await octokit.rest.git.getTree({ ...repo, tree_sha: tree.data.sha });
    const next = await octokit.rest.git.createCommit({
      ...repo,
      message: 'v2',
      tree: tree.data.sha,
      parents: [head],
    });
    await octokit.rest.git.createRef({ ...repo, ref: 'refs/heads/promote', sha: next.data.sha });
    const tag = await octokit.rest.git.createTag({
      ...repo,
      tag: 'model@v2',
      message: 'model v2',
      object: next.data.sha,
      type: 'commit',
    });
    await octokit.rest.git.createRef({ ...repo, ref: 'refs/tags/model@v2', sha: tag.data.sha });
    await octokit.rest.git.getTag({ ...repo, tag_sha: tag.data.sha });
    await octokit.rest.git.listMatchingRefs({ ...repo, ref: 'tags/' });
    await octokit.rest.repos.getContent({ ...repo, path: 'deploy/values.yaml' });
    await octokit.rest.repos.getContent({ ...repo, path: 'deploy' });
    const pull = await octokit.rest.pulls.create({
      ...repo,
      title: 'Promote',
      head: 'promote',
      base: 'main',
    });
    await octokit.rest.pulls.get({ ...repo, pull_number: pull.data.number });
    await octokit.rest.pulls.list(repo);
    const comment = await octokit.rest.issues.createComment({
      ...repo,
      issue_number: pull.data.number,
      body: 'hi',
    });
    await octokit.rest.issues.listComments({ ...repo, issue_number: pull.data.number });
    await octokit.rest.reactions.createForIssueComment({
      ...repo,
      comment_id: comment.data.id,
      content: '+1',
    });
    // Check runs are written by apps and workflow tokens only.
    const workflow = createGitHubClient({
      token: gh.createWorkflowToken('acme/models'),
      baseUrl: gh.url,
      retries: 0,
      pacing: false,
    });
    workflow.hook.after('request', (response, options) => {
      responses.push({ route: `${options.method} ${options.url}`, data: response.data });
    });
    const run = await workflow.rest.checks.create({ ...repo, name: 'gate', head_sha: head });
    await workflow.rest.checks.get({ ...repo, check_run_id: run.data.id });
    await workflow.rest.checks.listForRef({ ...repo, ref: head });
    const deployment = await octokit.rest.repos.createDeployment({
      ...repo,
      ref: 'main',
      environment: 'production',
      required_contexts: [],
    });
    const deploymentId = (deployment.data as { id: number }).id;
    await octokit.rest.repos.createDeploymentStatus({
      ...repo,
      deployment_id: deploymentId,
      state: 'success',
    });
    await octokit.rest.repos.listDeployments(repo);
    await octokit.rest.repos.listDeploymentStatuses({ ...repo, deployment_id: deploymentId });
    await octokit.rest.repos.getCollaboratorPermissionLevel({ ...repo, username: 'acme' });
    const issue = await octokit.rest.issues.create({ ...repo, title: 'Drift', labels: ['drift'] });
    await octokit.rest.issues.get({ ...repo, issue_number: issue.data.number });
    await octokit.rest.issues.listLabelsOnIssue({ ...repo, issue_number: issue.data.number });
    await octokit.rest.repos.createCommitStatus({ ...repo, sha: head, state: 'success', context: 'gate' });
    await octokit.rest.repos.getCombinedStatusForRef({ ...repo, ref: head });
    await octokit.rest.repos.listTags(repo);
    return repoData;
  }

  /** Every string field that holds a URL, with its path in the response. */
  function urlFields(): { where: string; key: string; value: string }[] {
    const found: { where: string; key: string; value: string }[] = [];
    const walk = (node: unknown, where: string) => {
      if (Array.isArray(node)) return node.forEach((item, i) => walk(item, `${where}[${i}]`));
      if (node === null || typeof node !== 'object') return;
      for (const [key, value] of Object.entries(node)) {
        if (typeof value === 'string' && (key === 'url' || key.endsWith('_url') || key === 'href'))
          found.push({ where: `${where}.${key}`, key, value });
        else walk(value, `${where}.${key}`);
      }
    };
    for (const { route, data } of responses) walk(data, route);
    return found;
  }

  test('no required string of a repository, release, asset or user is left empty', () => {
    const schemas = githubOpenApi().doc.components.schemas as Record<string, { required?: string[] }>;
    const kinds: [string, (o: Record<string, unknown>) => boolean][] = [
      ['repository', (o) => 'full_name' in o && 'forks_url' in o],
      ['release', (o) => 'tag_name' in o && 'upload_url' in o],
      ['release-asset', (o) => 'browser_download_url' in o],
      ['simple-user', (o) => 'login' in o && 'avatar_url' in o],
    ];
    // GitHub itself sends these empty: no Gravatar, an asset without a label.
    const emptyOnGitHub = new Set(['gravatar_id', 'label']);
    const empty: string[] = [];
    let checked = 0;
    const walk = (node: unknown, where: string) => {
      if (Array.isArray(node)) return node.forEach((item, i) => walk(item, `${where}[${i}]`));
      if (node === null || typeof node !== 'object') return;
      const object = node as Record<string, unknown>;
      for (const [schema, is] of kinds) {
        if (!is(object)) continue;
        checked++;
        for (const key of schemas[schema]!.required ?? [])
          if (object[key] === '' && !emptyOnGitHub.has(key)) empty.push(`${where}.${key} (${schema})`);
      }
      for (const [key, value] of Object.entries(object)) walk(value, `${where}.${key}`);
    };
    for (const { route, data } of responses) walk(data, route);
    assert.ok(checked > 20, `only ${checked} objects checked`);
    assert.deepEqual(empty, []);
  });

  test('no URL field is empty or a placeholder', () => {
    const bad = urlFields().filter(({ value }) => value === '' || value.includes('/stand-in'));
    assert.deepEqual(
      bad.map((b) => `${b.where} = ${JSON.stringify(b.value)}`),
      [],
    );
  });

  /**
   * Expands a URL template with no values: optional parts (`{/sha}`, `{?since}`) drop out, a path
   * (`{+path}`) is the root; a required value (`statuses/{sha}`, `{archive_format}`) cannot be left
   * empty, so it gets one that exists.
   */
  function expand(template: string): string {
    return template.replace(/\{([^}]*)\}/g, (_all, name: string) => {
      if (/^[?&]/.test(name)) return '';
      // GitHub serves `/tarball` without a ref; the stand-in knows only the OpenAPI paths.
      if (name === '/ref') return '/main';
      if (name.startsWith('/')) return '';
      const values: Record<string, string> = {
        sha: head,
        archive_format: 'tarball',
        base: 'main',
        head: 'main',
        '+path': 'README.md',
      };
      return values[name] ?? '';
    });
  }

  test('every URL on the stand-in’s own hosts answers (templates expanded with no values)', async () => {
    const ownHosts = [gh.url, gh.downloadUrl, gh.webUrl];
    const seen = new Map<string, string>();
    for (const { where, value } of urlFields()) {
      const url = expand(value);
      // The Downloads API is gone from GitHub's description (and the stand-in), not from its responses.
      if (where.endsWith('.downloads_url')) continue;
      if (ownHosts.some((host) => url.startsWith(`${host}/`)) && !seen.has(url)) seen.set(url, where);
    }
    assert.ok(seen.size > 50, `only ${seen.size} URLs found`);
    const broken: string[] = [];
    for (const [url, where] of seen) {
      const answer = await fetch(url, { headers: { authorization: `token ${token}` } });
      await answer.arrayBuffer();
      // 501: GitHub serves it, the stand-in does not implement the operation — an honest answer.
      // 404 on GET is right for a collection GitHub only writes to (`git/blobs`, `merges`).
      const path = new URL(url).pathname;
      const writeOnly =
        !isRoute('GET', path) && ['POST', 'PUT', 'PATCH', 'DELETE'].some((m) => isRoute(m, path));
      if ((answer.status === 404 && !writeOnly) || (answer.status >= 500 && answer.status !== 501))
        broken.push(`${answer.status} ${url}  (${where})`);
    }
    assert.deepEqual(broken, []);
  });
});
