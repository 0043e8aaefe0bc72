import { UserError } from '../../core/errors.js';
import { promotionOutcomeJson, promotionPlanJson } from '../../core/report/promote/promotion-json.js';
import { renderPlanText, renderPromotionText } from '../../core/report/promote/promotion-text.js';
import { applyPromotion } from '../../jobs/promote/apply-promotion.js';
import { planPromotion } from '../../jobs/promote/plan-promotion.js';
import { resolvePromoteSettings } from '../../jobs/promote/promote-settings.js';
import { EXIT, type Command } from '../cli-io.js';
import { parseOptionsAndPositionals } from '../parse-positionals.js';
import { promotionPorts } from '../promotion-ports.js';

export const promoteUsage = `Usage: modelship promote <name> <version> --to <environment> [options]

Promotes a registered version of a model to an environment of the ops repository: the values its
.github/modelship.yml (on the ops repository's default branch) lists for the environment are set for
the version, byte for byte, in ONE commit to the environment's branch — or one pull request on the
branch modelship/<environment>/<name> when the environment says mode: pull-request. Run it in the
model repository: the version is resolved through its registry tags (GTO's too) and must exist and
be active. A promotion that changes nothing writes nothing.

Arguments:
  <name>               the model (e.g. fraud)
  <version>            v5.1.0, 5.1.0, v5.1 (the highest v5.1.x), latest, or #stage

Options:
  --to <environment>   the environment to promote to
  --ops-repo <where>   the ops repository: a local clone's path (default: the current directory), or
                       owner/repo on GitHub (with GITHUB_TOKEN)
  --repo <owner/name>  read the model's registry through GitHub's API instead of the current
                       directory's git tags
  --config <path>      the ops config's path in the ops repository (default .github/modelship.yml)
  --requested-by <who> recorded in the commit's Modelship-Requested-By trailer
                       (default GITHUB_ACTOR in a workflow)
  --dry-run            print the plan and the diff; write nothing
  --json               print the result as JSON
  -h, --help           show this help

Exit status: 0 promoted (or nothing to change), 1 refused (the branch kept moving, uncommitted
edits in a checkout), 2 on a usage or input error (nothing is written).
`;

export const promote: Command = async (args, io) => {
  const { values: options, positionals } = parseOptionsAndPositionals('promote', args, {
    to: { type: 'string' },
    'ops-repo': { type: 'string' },
    repo: { type: 'string' },
    config: { type: 'string' },
    'requested-by': { type: 'string' },
    'dry-run': { type: 'boolean' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (options.help) {
    io.out(promoteUsage);
    return EXIT.ok;
  }
  const [model, version, ...extra] = positionals;
  if (model === undefined || version === undefined || extra.length > 0)
    throw new UserError(
      'usage',
      `expected a model and a version, e.g. "modelship promote fraud v5.1.0 --to production". Run "modelship promote --help" for its options.`,
    );
  if (options.to === undefined)
    throw new UserError('usage', 'which environment? Pass --to <environment>, e.g. --to staging');
  const { github } = io.context;
  const requestedBy = options['requested-by'] ?? github.actor;
  const settings = resolvePromoteSettings({
    model,
    version,
    environment: options.to,
    ...(requestedBy ? { requestedBy } : {}),
    ...(github.runUrl ? { source: github.runUrl } : {}),
    ...(options.config ? { configPath: options.config } : {}),
  });
  const ports = await promotionPorts(io, {
    ...(options['ops-repo'] ? { opsRepo: options['ops-repo'] } : {}),
    ...(options.repo ? { repo: options.repo } : {}),
    writes: !options['dry-run'],
  });
  if (options['dry-run']) {
    const plan = await planPromotion(settings, ports);
    io.out(options.json ? `${JSON.stringify(promotionPlanJson(plan), null, 2)}\n` : renderPlanText(plan));
    return EXIT.ok;
  }
  const outcome = await applyPromotion(settings, ports);
  io.out(
    options.json
      ? `${JSON.stringify(promotionOutcomeJson(outcome), null, 2)}\n`
      : renderPromotionText(outcome),
  );
  return outcome.environments.some((e) => e.status === 'refused') ? EXIT.failed : EXIT.ok;
};
