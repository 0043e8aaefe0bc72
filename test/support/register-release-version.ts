import { createHash } from 'node:crypto';
import { formatVersionTagMessage } from '../../core/registry/version-tag-message.js';
import { createGitHubClient, type GitHubClient } from '../../platform/github/client.js';
import { MODELS, type PromotionAppWorld } from './promotion-app.js';

/**
 * A version of `fraud` registered with release storage, as the register action leaves it (without
 * running the action: seconds, not a minute): a commit on main, the release of `fraud@VERSION` with
 * `model.onnx` as its asset, and the annotated tag whose record names the asset's download URL,
 * sha256 and size. Returns the workflow's client and the release, so a test can swap the asset.
 */
export async function registerReleaseVersion(
  world: PromotionAppWorld,
  version: string,
  bytes = `ONNX fraud ${version}`,
): Promise<{ workflow: GitHubClient; releaseId: number; commit: string }> {
  const { gh } = world;
  const [owner, repo] = MODELS.split('/') as [string, string];
  const models = gh.state.repo(owner, repo)!;
  const head = (await models.git.refSha(`refs/heads/${models.defaultBranch}`))!;
  const tree = await models.git.git(['rev-parse', `${head}^{tree}`]);
  const commit = await models.git.commit(tree, [head], `training run for ${version}`);
  await models.git.updateRef(`refs/heads/${models.defaultBranch}`, commit, head);
  const workflow = createGitHubClient({
    token: gh.createWorkflowToken(MODELS),
    baseUrl: gh.url,
    pacing: false,
  });
  const tag = `fraud@${version}`;
  const message = formatVersionTagMessage({
    schema: 'modelship/version@1',
    model: 'fraud',
    version,
    commit,
    artifacts: [
      {
        name: 'model.onnx',
        uri: `${gh.webUrl}/${MODELS}/releases/download/${encodeURIComponent(tag)}/model.onnx`,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        size: Buffer.byteLength(bytes),
      },
    ],
    metrics: { roc_auc: 0.91 },
    gate: { verdict: 'passed', rules: [{ metric: 'roc_auc', passed: true, value: 0.91 }] },
  });
  const { data: object } = await workflow.rest.git.createTag({
    owner,
    repo,
    tag,
    message,
    object: commit,
    type: 'commit',
  });
  await workflow.rest.git.createRef({ owner, repo, ref: `refs/tags/${tag}`, sha: object.sha });
  // The release after the tag (GitHub would otherwise make a lightweight tag of that name).
  const { data: release } = await workflow.rest.repos.createRelease({
    owner,
    repo,
    tag_name: tag,
    target_commitish: commit,
    name: `fraud ${version}`,
  });
  await uploadAsset(workflow, world, release.id, 'model.onnx', bytes);
  return { workflow, releaseId: release.id, commit };
}

/** An asset uploaded to a release through the uploads host, as GitHub takes them. */
export async function uploadAsset(
  client: GitHubClient,
  world: PromotionAppWorld,
  releaseId: number,
  name: string,
  bytes: string,
): Promise<void> {
  const [owner, repo] = MODELS.split('/') as [string, string];
  await client.rest.repos.uploadReleaseAsset({
    owner,
    repo,
    release_id: releaseId,
    name,
    data: bytes,
    baseUrl: world.gh.uploadsUrl,
    headers: { 'content-type': 'application/octet-stream' },
  });
}
