import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import {
  CreateBucketCommand,
  HeadObjectCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { isUserError } from '../../../core/errors.js';
import { artifactDownloader } from '../../../platform/registry/fetch-artifacts.js';
import { localArtifactFiles } from '../../../platform/registry/local-artifact-files.js';
import { s3ArtifactStore } from '../../../platform/registry/s3-artifact-store.js';
import { createS3Client } from '../../../platform/s3/s3-client.js';
import { useS3Server } from '../../support/use-s3-server.js';

const server = await useS3Server();
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
let client: S3Client;
const sent: string[] = [];
let dir: string;

before(async () => {
  client = createS3Client({
    endpoint: server.endpoint,
    credentials: { accessKeyId: server.accessKeyId, secretAccessKey: server.secretAccessKey },
  });
  client.middlewareStack.add(
    (next, context) => (args) => {
      sent.push(context.commandName ?? '?');
      return next(args);
    },
    { step: 'initialize', name: 'countCommands' },
  );
  await client.send(new CreateBucketCommand({ Bucket: 'models' }));
  await client.send(new CreateBucketCommand({ Bucket: 'versioned' }));
  await client.send(
    new PutBucketVersioningCommand({ Bucket: 'versioned', VersioningConfiguration: { Status: 'Enabled' } }),
  );
  dir = mkdtempSync(join(tmpdir(), 'modelship-s3-artifacts-'));
  writeFileSync(join(dir, 'churn.onnx'), 'ONNX model bytes v1');
});

const files = () => localArtifactFiles(dir);

describe('S3 artifact store and fetch (against the Swift server)', () => {
  test('content-addressed key, sha256 in the metadata; the same file again is not sent twice', async () => {
    const store = s3ArtifactStore({ location: 's3://models/registry/', client, endpoint: server.endpoint });
    const [file] = await files().describe(['churn.onnx']);
    sent.length = 0;
    const record = await store.put('team/churn', file!);
    assert.deepEqual(record, {
      name: 'churn.onnx',
      uri: `s3://models/registry/team/churn/${sha256('ONNX model bytes v1')}/churn.onnx`,
      sha256: sha256('ONNX model bytes v1'),
      size: 19,
    });
    const head = await client.send(
      new HeadObjectCommand({ Bucket: 'models', Key: record.uri.replace('s3://models/', '') }),
    );
    assert.equal(head.Metadata?.sha256, record.sha256);
    assert.deepEqual(sent, ['HeadObjectCommand', 'PutObjectCommand', 'HeadObjectCommand']);
    sent.length = 0;
    assert.deepEqual(await store.put('team/churn', file!), record);
    assert.deepEqual(
      sent,
      ['HeadObjectCommand'],
      'an object already there with the same sha256 is not re-uploaded',
    );
  });

  test('the store refuses bytes that are not what was hashed (the payload hash is signed)', async () => {
    const store = s3ArtifactStore({ location: 's3://models/x', client, endpoint: server.endpoint });
    const [file] = await files().describe(['churn.onnx']);
    await assert.rejects(store.put('churn', { ...file!, sha256: sha256('something else') }));
  });

  test('a versioned bucket: the version id is recorded, and fetch asks for exactly that version', async () => {
    const store = s3ArtifactStore({ location: 's3://versioned/reg', client, endpoint: server.endpoint });
    const [file] = await files().describe(['churn.onnx']);
    const record = await store.put('churn', file!);
    assert.match(record.versionId ?? '', /\S+/, 'Swift with object versioning returns a version id');
    // Someone overwrites the key afterwards: the registered version is still what fetch returns.
    const key = record.uri.replace('s3://versioned/', '');
    await client.send(new PutObjectCommand({ Bucket: 'versioned', Key: key, Body: 'overwritten' }));
    const to = join(dir, 'fetched-versioned');
    const fetched = await artifactDownloader({ s3: { client } }).download({
      tag: 'churn@v0.0.1',
      artifacts: [record],
      to,
    });
    assert.equal(readFileSync(join(to, 'churn.onnx'), 'utf8'), 'ONNX model bytes v1');
    assert.equal(fetched[0]!.versionId, record.versionId);
    // Registering the file again finds another object under its key: refused, never replaced.
    await assert.rejects(
      store.put('churn', file!),
      (error) => isUserError(error) && /registered artifacts are never replaced/.test(error.message),
    );
  });

  test('a recorded version id the bucket does not have is refused, nothing written', async () => {
    const store = s3ArtifactStore({ location: 's3://versioned/other', client, endpoint: server.endpoint });
    const [file] = await files().describe(['churn.onnx']);
    const record = await store.put('churn', file!);
    const to = join(dir, 'fetched-bad-version');
    await assert.rejects(
      artifactDownloader({ s3: { client } }).download({
        tag: 'churn@v0.0.1',
        artifacts: [{ ...record, versionId: '1000000000.00000' }],
        to,
      }),
    );
    assert.equal(existsSync(to), false);
  });

  test('a tampered object: fetch refuses, the destination keeps what it had, no scratch is left', async () => {
    const store = s3ArtifactStore({ location: 's3://models/tamper', client, endpoint: server.endpoint });
    writeFileSync(join(dir, 'weights.bin'), 'good weights');
    const described = await files().describe(['churn.onnx', 'weights.bin']);
    const records = await Promise.all(described.map((f) => store.put('churn', f)));
    const key = records[1]!.uri.replace('s3://models/', '');
    await client.send(new PutObjectCommand({ Bucket: 'models', Key: key, Body: 'evil weights' }));
    const parent = join(dir, 'deploy');
    const to = join(parent, 'model');
    mkdirSync(to, { recursive: true });
    writeFileSync(join(to, 'churn.onnx'), 'previous model');
    await assert.rejects(
      artifactDownloader({ s3: { client } }).download({ tag: 'churn@v0.0.2', artifacts: records, to }),
      (error) => isUserError(error) && /does not match its registration/.test(error.message),
    );
    assert.deepEqual(readdirSync(to), ['churn.onnx']);
    assert.equal(readFileSync(join(to, 'churn.onnx'), 'utf8'), 'previous model');
    assert.deepEqual(readdirSync(parent), ['model'], 'the scratch directory is removed');
    // Untampered: both files land.
    await client.send(new PutObjectCommand({ Bucket: 'models', Key: key, Body: 'good weights' }));
    await artifactDownloader({ s3: { client } }).download({ tag: 'churn@v0.0.2', artifacts: records, to });
    assert.deepEqual(readdirSync(to).sort(), ['churn.onnx', 'weights.bin']);
    assert.equal(readFileSync(join(to, 'churn.onnx'), 'utf8'), 'ONNX model bytes v1');
  });
});
