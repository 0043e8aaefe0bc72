// Benchmark of the GitHub stand-in's GraphQL endpoint: building GitHub's schema, and reading a
// registry's worth of annotated tags (the registry's API reader pages through them 100 at a time).
//   npx tsx bench/standin-graphql.ts [--tags 7000] [--runs 3]
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { createGitHubClient } from '../platform/github/client.js';
import { githubGraphqlSchema } from '../test/support/github/graphql/github-graphql-schema.js';
import { startGitHubStandIn } from '../test/support/github/server.js';

const { values } = parseArgs({
  options: { tags: { type: 'string', default: '7000' }, runs: { type: 'string', default: '3' } },
});
const tagCount = Number(values.tags);

const { buildMs } = githubGraphqlSchema();
console.log(`schema build (parse + build + check, once per process): ${buildMs.toFixed(0)} ms`);

const gh = await startGitHubStandIn();
try {
  const repo = await gh.createRepo('acme/models');
  const stream = Array.from({ length: tagCount }, (_, i) => {
    const name = `model-${i % 50}@v${Math.floor(i / 50)}.${i % 7}.0`;
    const message = `Register ${name}\n\n{"model":"model-${i % 50}","digest":"sha256:${'0'.repeat(64)}"}\n`;
    return `tag ${name}\nfrom ${repo.headSha}\ntagger Bot <bot@example.com> ${1_700_000_000 + i} +0000\ndata ${Buffer.byteLength(message)}\n${message}\n`;
  }).join('');
  await repo.git.git(['fast-import', '--quiet'], stream);
  const octokit = createGitHubClient({ token: gh.createToken('acme'), baseUrl: gh.url, pacing: false });
  const query = `query($after: String) { repository(owner: "acme", name: "models") {
    refs(refPrefix: "refs/tags/", first: 100, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      nodes { name target { oid ... on Tag { message tagger { name email date } target { oid } } } } } } }`;
  for (let run = 0; run < Number(values.runs); run++) {
    const started = performance.now();
    let after: string | null = null;
    let pages = 0;
    let seen = 0;
    let first = 0;
    for (;;) {
      const page: {
        repository: {
          refs: { nodes: unknown[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
        };
      } = await octokit.graphql(query, { after });
      if (pages === 0) first = performance.now() - started;
      pages++;
      seen += page.repository.refs.nodes.length;
      if (!page.repository.refs.pageInfo.hasNextPage) break;
      after = page.repository.refs.pageInfo.endCursor;
    }
    const total = performance.now() - started;
    console.log(
      `run ${run + 1}: ${seen} tags in ${pages} pages, ${total.toFixed(0)} ms (${(total / pages).toFixed(0)} ms a page; first page ${first.toFixed(0)} ms)`,
    );
  }
  console.log(`load average ${loadavg()[0]!.toFixed(1)}`);
} finally {
  await gh.close();
}
