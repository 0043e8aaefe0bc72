import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CreateBucketCommand, PutBucketVersioningCommand } from '@aws-sdk/client-s3';
import { readVersionRecord } from '../../../core/registry/version-tag-message.js';
import { runRegister } from '../../../jobs/register/run-register.js';
import { createS3Client } from '../../../platform/s3/s3-client.js';
import { startGitHubStandIn, type GitHubStandIn } from '../../support/github/server.js';
import { registerWorkspace, settingsFor, standInPorts } from '../../support/register-fixture.js';
import { gitIn, seedModelRepository } from '../../support/registry-standin.js';
import { useS3Server } from '../../support/use-s3-server.js';

const s3 = await useS3Server();
process.env.AWS_ACCESS_KEY_ID = s3.accessKeyId;
process.env.AWS_SECRET_ACCESS_KEY = s3.secretAccessKey;
let gh: GitHubStandIn;
let commits: string[];
let workspace: string;

before(async () => {
  const client = createS3Client({ endpoint: s3.endpoint });
  await client.send(new CreateBucketCommand({ Bucket: 'job-models' }));
  await client.send(
    new PutBucketVersioningCommand({ Bucket: 'job-models', VersioningConfiguration: { Status: 'Enabled' } }),
  );
  gh = await startGitHubStandIn();
  ({ commits } = await seedModelRepository(gh, 'acme/models', 1));
  workspace = registerWorkspace();
});
after(() => gh.close());

describe('register with S3 storage through the API', () => {
  test('model files in S3 (sha256, version id); the release holds the model card and metrics only', async () => {
    const settings = settingsFor(commits[0]!, { storage: 's3://job-models/registry' });
    const run = async () => {
      const ports = standInPorts(gh, workspace, settings, { env: { AWS_ENDPOINT_URL_S3: s3.endpoint } });
      try {
        return await runRegister(settings, ports);
      } finally {
        await ports.close();
      }
    };
    const outcome = await run();
    const [artifact] = outcome.artifacts;
    assert.match(artifact!.uri, /^s3:\/\/job-models\/registry\/churn\/[0-9a-f]{64}\/churn\.onnx$/);
    assert.match(artifact!.versionId ?? '', /\S/);
    const record = readVersionRecord(
      await gitIn(gh, 'acme/models', ['for-each-ref', '--format=%(contents)', 'refs/tags/churn@v0.0.1']),
    )!;
    assert.deepEqual(record.artifacts, outcome.artifacts);
    const repo = gh.state.repo('acme', 'models')!;
    const release = [...repo.releases.values()].find((r) => r.tag_name === 'churn@v0.0.1')!;
    assert.deepEqual(
      [...repo.assets.values()]
        .filter((a) => a.releaseId === release.id)
        .map((a) => a.meta.name)
        .sort(),
      ['metrics.json', 'model-card.json'],
    );
    // A re-run stores nothing new and records the same version id.
    const again = await run();
    assert.equal(again.created, false);
    assert.deepEqual(again.artifacts, outcome.artifacts);
  });
});
