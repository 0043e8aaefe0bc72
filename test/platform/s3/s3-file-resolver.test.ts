import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { before, describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { CreateBucketCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { openDataset } from '../../../core/data/open-dataset.js';
import type { UserError } from '../../../core/errors.js';
import { createS3Client } from '../../../platform/s3/s3-client.js';
import { S3FileResolver } from '../../../platform/s3/s3-file-resolver.js';
import { readRows } from '../../support/read-rows.js';
import { useS3Server, type S3TestServer } from '../../support/use-s3-server.js';

const BUCKET = `modelship-data-${process.pid}`;
// At module level, not in a hook: a server this file starts must live until the file's tests end.
const server: S3TestServer = await useS3Server();
let client: S3Client;
let resolver: S3FileResolver;
const big = randomBytes(5 * 1024 * 1024 + 123);

const credentials = () => ({ accessKeyId: server.accessKeyId, secretAccessKey: server.secretAccessKey });

before(async () => {
  client = createS3Client({ endpoint: server.endpoint, credentials: credentials() });
  resolver = new S3FileResolver({ endpoint: server.endpoint, credentials: credentials(), pageSize: 2 });
  await client.send(new CreateBucketCommand({ Bucket: BUCKET }));
  const put = (Key: string, Body: Uint8Array | string) =>
    client.send(new PutObjectCommand({ Bucket: BUCKET, Key, Body }));
  await put('train/part-2.csv', 'id,x\n3,0.5\n');
  await put('train/part-1.csv', 'id,x\n1,1.5\n2,2.5\n');
  await put('train/notes.txt', 'not data');
  await put('train/2026/part-3.csv.gz', gzipSync('id,x\n4,4.5\n'));
  await put('blobs/big.bin', big);
});

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
async function collect(chunks: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return Buffer.concat(parts);
}

describe('S3 file resolver against a real S3 server (Swift s3api)', () => {
  test('an exact key resolves to one object with its size', async () => {
    const files = await resolver.resolve(`s3://${BUCKET}/train/part-1.csv`);
    assert.deepEqual(
      files.map((f) => [f.name, f.size, f.inWorkspace]),
      [[`s3://${BUCKET}/train/part-1.csv`, 17, false]],
    );
  });

  test('a prefix lists every object under it, across pages, sorted', async () => {
    const files = await resolver.resolve(`s3://${BUCKET}/train/`);
    assert.deepEqual(
      files.map((f) => f.name.slice(`s3://${BUCKET}/`.length)),
      ['train/2026/part-3.csv.gz', 'train/notes.txt', 'train/part-1.csv', 'train/part-2.csv'],
    );
  });

  test('globs filter the listing: * stays in one folder, ** crosses folders', async () => {
    const names = async (glob: string) =>
      (await resolver.resolve(`s3://${BUCKET}/${glob}`)).map((f) => f.name.split('/').pop());
    assert.deepEqual(await names('train/*.csv'), ['part-1.csv', 'part-2.csv']);
    assert.deepEqual(await names('train/**/*.csv*'), ['part-3.csv.gz', 'part-1.csv', 'part-2.csv']);
  });

  test('a multi-megabyte object streams intact; ranged reads return exact bytes', async () => {
    const [file] = await resolver.resolve(`s3://${BUCKET}/blobs/big.bin`);
    assert.equal(sha256(await collect(file!.stream())), sha256(big));
    assert.deepEqual(Buffer.from(await file!.read(1000, 1010)), big.subarray(1000, 1010));
    assert.deepEqual(Buffer.from(await file!.read(big.length - 3, big.length)), big.subarray(big.length - 3));
  });

  test('openDataset reads CSV (plain and gzip) from S3 end to end', async () => {
    const files = await resolver.resolve(`s3://${BUCKET}/train/**/*.csv*`);
    const { rows } = await readRows(await openDataset(files));
    assert.deepEqual(
      rows.map((r) => r.id),
      [4, 1, 2, 3],
    );
  });

  const failure = async (location: string, r = resolver) =>
    (await r.resolve(location).catch((e: unknown) => e)) as UserError;

  test('a missing key, bucket or match is not-found naming the URI', async () => {
    for (const [location, message] of [
      [`s3://${BUCKET}/train/nope.csv`, /no such object/],
      [`s3://${BUCKET}/nope/`, /no object matches/],
      [`s3://${BUCKET}/train/*.parquet`, /no object matches/],
      ['s3://modelship-no-such-bucket/x.csv', /no such (bucket|object)/],
      ['s3://modelship-no-such-bucket/data/', /no such bucket/],
    ] as const) {
      const error = await failure(location);
      assert.equal(error.kind, 'not-found', location);
      assert.equal(error.location.file, location);
      assert.match(error.message, message, location);
    }
  });

  test('a wrong secret and an unknown access key are access errors that never show the secret', async () => {
    const wrongSecret = new S3FileResolver({
      endpoint: server.endpoint,
      credentials: { accessKeyId: server.accessKeyId, secretAccessKey: 'not-the-secret' },
    });
    for (const location of [`s3://${BUCKET}/train/part-1.csv`, `s3://${BUCKET}/train/`]) {
      const error = await failure(location, wrongSecret);
      assert.equal(error.kind, 'access');
      // A listing says why; a HEAD (exact key) has no body to say it with.
      assert.match(
        error.message,
        location.endsWith('/') ? /secret access key does not match/ : /secret .* is wrong/,
      );
      assert.doesNotMatch(error.message, /not-the-secret/);
      assert.match(error.message, /access key test…/);
    }
    const unknownKey = new S3FileResolver({
      endpoint: server.endpoint,
      credentials: { accessKeyId: 'nobody:none', secretAccessKey: 'x' },
    });
    const error = await failure(`s3://${BUCKET}/train/`, unknownKey);
    assert.equal(error.kind, 'access');
    // AWS answers InvalidAccessKeyId; Swift's tempauth cannot tell and answers SignatureDoesNotMatch.
    assert.match(error.message, /access key id is unknown|secret access key does not match/);
    assert.match(error.message, /access key nobo…/);
  });

  test('an unreachable endpoint is an input error naming it', async () => {
    const nowhere = new S3FileResolver({ endpoint: 'http://127.0.0.1:9', credentials: credentials() });
    const error = await failure(`s3://${BUCKET}/train/`, nowhere);
    assert.equal(error.kind, 'input');
    assert.match(error.message, /cannot reach the S3 endpoint http:\/\/127\.0\.0\.1:9/);
  });

  test('a malformed location is a usage error', async () => {
    const error = await failure('s3://B/x');
    assert.equal(error.kind, 'usage');
  });
});
