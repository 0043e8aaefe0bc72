// `npm run github-standin`: the GitHub stand-in for local experiments. Prints its URLs, a token with
// access to a seeded repository, and the app's credentials; runs until interrupted.
// `npm run github-standin -- --port 8080` serves the API on a fixed port (default: a free one).
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startGitHubStandIn } from './server.js';

function portOption(): number | undefined {
  const { values } = parseArgs({ options: { port: { type: 'string', short: 'p' } } });
  if (values.port === undefined) return undefined;
  const port = Number(values.port);
  if (!/^\d+$/.test(values.port) || port > 65535) {
    console.error(`--port ${values.port}: expected a port number from 0 to 65535`);
    process.exit(2);
  }
  return port;
}

const port = portOption();
const gh = await startGitHubStandIn({ port }).catch((error: NodeJS.ErrnoException) => {
  console.error(`cannot start the GitHub stand-in on port ${port}: ${error.code ?? error.message}`);
  process.exit(2);
});
const repo = await gh.createRepo('acme/models', {
  files: { 'README.md': '# models\n', '.github/modelship.yml': 'version: 1\n' },
});
const token = gh.createToken('acme');
const installationId = gh.installApp('acme', ['acme/models']);
const keyFile = join(tmpdir(), `modelship-standin-app-${process.pid}.pem`);
writeFileSync(keyFile, gh.app.privateKey);
console.log(`GitHub stand-in ready
  GITHUB_API_URL=${gh.url}
  uploads:        ${gh.uploadsUrl}
  downloads:      ${gh.downloadUrl}   (asset bytes, behind the API's 302)
  web:            ${gh.webUrl}   (browser_download_url)
  GITHUB_TOKEN=${token}   (owner of acme/models, head ${repo.headSha.slice(0, 7)})
  app id ${gh.app.id}, installation ${installationId}, private key ${keyFile}, webhook secret ${gh.app.webhookSecret}
  bare repository: ${repo.git.dir}
Try: curl -H "Authorization: token ${token}" ${gh.url}/repos/acme/models
Ctrl-C to stop.`);
const stop = async () => {
  await gh.close();
  process.exit(0);
};
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
