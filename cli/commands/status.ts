import { UserError } from '../../core/errors.js';
import { renderStatusText } from '../../core/report/promote/status-text.js';
import { resolveStatusSettings } from '../../jobs/promote/promote-settings.js';
import { readEnvironmentStatus } from '../../jobs/promote/read-environment-status.js';
import { EXIT, type Command } from '../cli-io.js';
import { parseOptionsAndPositionals } from '../parse-positionals.js';
import { promotionPorts } from '../promotion-ports.js';

export const statusUsage = `Usage: modelship status <name> [options]

Prints which version of the model each environment of the ops repository runs, read from the
manifests on each environment's branch and mapped back to versions through the targets' values
(an image tag, a {semver}, an artifact {uri} through the registry's records). Targets of one
environment that run different versions are listed.

Options:
  --ops-repo <where>   the ops repository: a local clone's path (default: the current directory), or
                       owner/repo on GitHub (with GITHUB_TOKEN)
  --repo <owner/name>  read the model's registry through GitHub's API instead of the current
                       directory's git tags
  --config <path>      the ops config's path in the ops repository (default .github/modelship.yml)
  --env <environment>  only this environment (repeatable)
  --json               print the result as JSON
  -h, --help           show this help

Exit status: 0, or 2 on a usage or input error.
`;

export const status: Command = async (args, io) => {
  const { values: options, positionals } = parseOptionsAndPositionals('status', args, {
    'ops-repo': { type: 'string' },
    repo: { type: 'string' },
    config: { type: 'string' },
    env: { type: 'string', multiple: true },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (options.help) {
    io.out(statusUsage);
    return EXIT.ok;
  }
  const [model, ...extra] = positionals;
  if (model === undefined || extra.length > 0)
    throw new UserError(
      'usage',
      'expected one model, e.g. "modelship status fraud". Run "modelship status --help" for its options.',
    );
  const settings = resolveStatusSettings({
    model,
    ...(options.env ? { environments: options.env } : {}),
    ...(options.config ? { configPath: options.config } : {}),
  });
  const ports = await promotionPorts(io, {
    ...(options['ops-repo'] ? { opsRepo: options['ops-repo'] } : {}),
    ...(options.repo ? { repo: options.repo } : {}),
  });
  const outcome = await readEnvironmentStatus(settings, ports);
  io.out(options.json ? `${JSON.stringify(outcome, null, 2)}\n` : renderStatusText(outcome));
  return EXIT.ok;
};
