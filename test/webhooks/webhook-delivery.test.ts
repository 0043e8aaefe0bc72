import assert from 'node:assert/strict';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import { test } from 'node:test';
import {
  pullRequestComment,
  sendWebhook,
  webhookDelivery,
  webhookProblems,
} from '../support/webhooks/webhook-delivery.js';

test('a pull-request comment delivery: schema-valid, signed, posted with GitHub headers', async () => {
  const payload = pullRequestComment({
    repository: { owner: 'acme', name: 'models' },
    pullNumber: 7,
    body: '/promote v5 to production',
    login: 'ada',
    installationId: 99,
  });
  assert.deepEqual(webhookProblems('issue-comment-created', payload), []);
  assert.deepEqual(
    webhookProblems('issue-comment-created', { ...payload, action: 'exploded' }).length > 0,
    true,
  );
  const delivery = webhookDelivery('issue_comment', payload, 'secret');

  const received: { headers: Record<string, unknown>; body: string }[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      // The receiver's check, written independently of the sender: HMAC-SHA256 of the raw body.
      const expected = Buffer.from(`sha256=${createHmac('sha256', 'secret').update(body).digest('hex')}`);
      const given = Buffer.from(String(req.headers['x-hub-signature-256']));
      res.writeHead(expected.length === given.length && timingSafeEqual(expected, given) ? 202 : 400).end();
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
  try {
    assert.equal((await sendWebhook(url, delivery)).status, 202);
    const forged = { ...delivery, body: delivery.body.replace('v5', 'v6') };
    assert.equal(
      (await sendWebhook(url, forged)).status,
      400,
      'a changed body no longer matches its signature',
    );
    const { headers, body } = received[0]!;
    assert.equal(headers['x-github-event'], 'issue_comment');
    assert.match(String(headers['x-github-delivery']), /^[0-9a-f-]{36}$/);
    const parsed = JSON.parse(body) as {
      issue: { pull_request: unknown; number: number };
      installation: { id: number };
      comment: { body: string };
    };
    assert.ok(parsed.issue.pull_request);
    assert.equal(parsed.issue.number, 7);
    assert.equal(parsed.installation.id, 99);
    assert.equal(parsed.comment.body, '/promote v5 to production');
  } finally {
    server.close();
  }
});
