import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { UserError } from '../../../core/errors.js';
import { runFetch } from '../../../jobs/fetch/run-fetch.js';
import { createGitHubClient } from '../../../platform/github/client.js';
import { githubApiUrlFromEnv } from '../../../platform/github/github-api-url.js';
import { artifactDownloader } from '../../../platform/registry/fetch-artifacts.js';
import { gitRegistryTags } from '../../../platform/registry/git-registry-tags.js';
import { githubRegistryTags } from '../../../platform/registry/github-registry-tags.js';
import { createS3Client } from '../../../platform/s3/s3-client.js';
import { s3EndpointFromEnv } from '../../../platform/s3/s3-endpoint.js';
import { EXIT, type CliIO } from '../../cli-io.js';

export const registryFetchUsage = `Usage: modelship registry fetch <model>[@<version>|#<stage>] --to <dir> [--repo owner/name] [--json]

Downloads a registered version's artifacts (release assets or S3 objects) and verifies each one's
sha256, size and S3 version id against the version's tag before anything is written to <dir>: a
mismatch is a refusal and <dir> is left as it was. The version may be v5 (the highest v5.*.*),
v5.1, v5.1.2, 5.1.2, latest (the default) or #stage.

Options:
  --to <dir>            where the files go (created if missing)
  --repo <owner/name>   read the registry and the release assets through the GitHub API (token from
                        GITHUB_TOKEN or GH_TOKEN); without it the tags are read from the local clone
                        (release assets still need --repo)
  --json                print the files fetched as JSON
  -h, --help            show this help

Exit status: 0 when every artifact was fetched and verified, 2 on a usage, input or integrity error.
`;

/** `modelship registry fetch`: a subcommand of `modelship registry` (its dispatcher calls this with the arguments after `fetch`). */
export async function registryFetch(args: string[], io: CliIO): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: {
        to: { type: 'string' },
        repo: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: true,
    });
  } catch (error) {
    throw new UserError(
      'usage',
      `${(error as Error).message.replace(/\. To specify.*$/s, '')}. Run "modelship registry fetch --help" for its options.`,
    );
  }
  const options = parsed.values;
  if (options.help) {
    io.out(registryFetchUsage);
    return EXIT.ok;
  }
  const specs = parsed.positionals;
  if (specs.length !== 1)
    throw new UserError(
      'usage',
      'give one version to fetch, e.g. `modelship registry fetch churn@v1.2.0 --to model/`',
    );
  if (options.to === undefined)
    throw new UserError('usage', 'give the destination directory with --to <dir>');
  const { model, spec } = splitSpec(specs[0]!);
  const { cwd, github, storage } = io.context;
  const endpoint = s3EndpointFromEnv(storage);
  const region = storage.AWS_REGION ?? storage.AWS_DEFAULT_REGION;
  const s3 = {
    client: createS3Client({ ...(endpoint ? { endpoint } : {}), ...(region ? { region } : {}) }),
    ...(endpoint ? { endpoint } : {}),
    ...(storage.AWS_ACCESS_KEY_ID ? { accessKeyId: storage.AWS_ACCESS_KEY_ID } : {}),
  };
  let online;
  if (options.repo !== undefined) {
    const match = /^([\w.-]+)\/([\w.-]+)$/.exec(options.repo);
    if (!match)
      throw new UserError('usage', `--repo must be owner/name, e.g. acme/models, not "${options.repo}"`);
    const octokit = createGitHubClient({
      ...(github.token ? { token: github.token } : {}),
      baseUrl: githubApiUrlFromEnv({ GITHUB_API_URL: github.apiUrl }),
      log: (m) => io.err(`modelship registry fetch: ${m}\n`),
    });
    online = { octokit, repository: { owner: match[1]!, repo: match[2]! } };
  }
  const outcome = await runFetch(
    { model, spec, to: resolve(cwd, options.to) },
    {
      tags: online
        ? githubRegistryTags(online.octokit, `${online.repository.owner}/${online.repository.repo}`)
        : gitRegistryTags({ cwd }),
      downloader: artifactDownloader({ s3, ...(online ? { github: online } : {}) }),
    },
  );
  io.out(
    options.json
      ? `${JSON.stringify(outcome, null, 2)}\n`
      : `Fetched ${outcome.tag} into ${options.to}, every sha256 verified:\n${outcome.files.map((f) => `  ${f.name}  sha256:${f.sha256}  ${f.size} bytes`).join('\n')}\n`,
  );
  return EXIT.ok;
}

/** `churn@v1.2.0` → churn, v1.2.0; `churn#prod` → churn, #prod; `churn` → latest. */
function splitSpec(text: string): { model: string; spec: string } {
  const at = text.search(/[@#]/);
  if (at === -1) return { model: text, spec: 'latest' };
  const model = text.slice(0, at);
  const rest = text.slice(at);
  return { model, spec: rest.startsWith('@') ? rest.slice(1) : rest };
}
