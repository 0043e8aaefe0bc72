import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCommentUrl } from '../../../core/promotion/parse-comment-url.js';
import { parsePromotionTrailers } from '../../../core/promotion/parse-promotion-trailers.js';
import { promotionCommitMessage } from '../../../core/promotion/promotion-commit-message.js';

test('a promotion commit message reads back as what it promoted', () => {
  const { message } = promotionCommitMessage({
    model: 'fraud',
    version: 'v1.2.0',
    environment: 'production',
    previous: 'v1.1.0',
    request: { requestedBy: 'alice', source: 'https://github.com/acme/models/pull/7#issuecomment-99' },
  });
  assert.deepEqual(parsePromotionTrailers(message), {
    model: 'fraud',
    version: 'v1.2.0',
    environment: 'production',
    previous: 'v1.1.0',
    requestedBy: 'alice',
    source: 'https://github.com/acme/models/pull/7#issuecomment-99',
  });
  const first = promotionCommitMessage({ model: 'team:churn', version: 'v1.0.0', environment: 'staging' });
  assert.deepEqual(parsePromotionTrailers(first.message), {
    model: 'team:churn',
    version: 'v1.0.0',
    environment: 'staging',
  });
  assert.deepEqual(parsePromotionTrailers(first.message.replace(/\n/g, '\r\n'))?.environment, 'staging');
});

test('only the last paragraph holds trailers; a message without them is no promotion', () => {
  assert.equal(parsePromotionTrailers('Fix a typo\n\nSigned-off-by: x <x@y>\n'), undefined);
  assert.equal(
    parsePromotionTrailers(
      'Promote\n\nModelship-Model: fraud@v1\nModelship-Environment: prod\n\nthen prose\n',
    ),
    undefined,
  );
  assert.equal(parsePromotionTrailers('x\n\nModelship-Model: fraud\nModelship-Environment: prod'), undefined);
  assert.equal(parsePromotionTrailers('x\n\nModelship-Model: fraud@v1'), undefined);
  // A repeated trailer: the first counts (the app writes each once).
  assert.equal(
    parsePromotionTrailers(
      'x\n\nModelship-Model: fraud@v1\nModelship-Model: fraud@v9\nModelship-Environment: prod',
    )?.version,
    'v1',
  );
});

test("a comment's page names its repository and pull request", () => {
  assert.deepEqual(parseCommentUrl('https://github.com/acme/models/pull/7#issuecomment-99'), {
    owner: 'acme',
    repo: 'models',
    number: 7,
    commentId: 99,
  });
  assert.equal(
    parseCommentUrl('https://ghe.example.com/acme/my.models/issues/3#issuecomment-1')?.repo,
    'my.models',
  );
  assert.equal(parseCommentUrl('https://github.com/acme/models/actions/runs/5'), undefined);
  assert.equal(parseCommentUrl('https://github.com/acme/models/pull/7'), undefined);
  assert.equal(parseCommentUrl('https://github.com/acme/../pull/7#issuecomment-1'), undefined);
});
