import { COMMAND_USAGE, COMMAND_WORDS } from '../../commands/command-grammar.js';
import type { Environment } from '../../config/environments-config-schema.js';
import { ROLE_RANK } from '../../promotion-policy/decide-authorization.js';
import { codeSpan, escapeMarkdown, formatLogin, link } from './markdown-text.js';
import type { HelpView } from './promotion-reply-views.js';

const WHAT: Record<(typeof COMMAND_WORDS)[number], string> = {
  promote: 'change which version an environment runs (`--dry-run` shows the plan)',
  rollback: 'go back to the version that ran before, or to the one named',
  status: 'what runs where, since when, and the locks',
  lock: 'keep everyone else from promoting to an environment until /unlock',
  unlock: 'release your lock (`--force`: anyone\u2019s, or an unreadable one)',
  help: 'this',
};

/** The commands and the effective configuration: environments, order, soak, gates, who may. */
export function renderHelp(view: HelpView): string {
  const commands = COMMAND_WORDS.map((w) => `- ${codeSpan(COMMAND_USAGE[w])}: ${WHAT[w]}`);
  const names = Object.keys(view.environments);
  const rows = names.map((name) => environmentRow(name, view.environments[name]!, view.defaultEnvironment));
  const { repository, path, url } = view.ruleSource;
  const lines = [
    '### Modelship commands',
    '',
    'Write the command on the first line of a new comment on a pull request.',
    '',
    ...commands,
    '',
    '### Environments',
    '',
  ];
  if (names.length === 0) lines.push('None is configured yet.');
  else
    lines.push(
      '| Environment | Writes | After | Soak | Gate | Who may promote |',
      '| --- | --- | --- | --- | --- | --- |',
      ...rows,
    );
  if (view.defaultEnvironment !== undefined)
    lines.push('', `A command that names no environment means ${escapeMarkdown(view.defaultEnvironment)}.`);
  else lines.push('', 'Every command names its environment.');
  const protectedNames = names.filter((n) => view.environments[n]!.protected);
  if (protectedNames.length > 0)
    lines.push(`${protectedNames.map(escapeMarkdown).join(', ')} must always be named.`);
  if (view.models && view.models.length > 0)
    lines.push('', `Models: ${view.models.map((m) => codeSpan(m)).join(', ')}.`);
  lines.push(
    '',
    `The rules are in ${escapeMarkdown(repository)} ${link(codeSpan(path), url)} (its default branch).`,
  );
  return lines.join('\n');
}

function environmentRow(name: string, env: Environment, fallback: string | undefined): string {
  const policy = env.policy;
  const min = policy['min-role'];
  const roles = ROLE_RANK.slice(ROLE_RANK.indexOf(min));
  const who = [
    roles.length === 1 ? roles[0]! : `${min} or above`,
    ...(policy.users?.length ? [`only ${policy.users.map(formatLogin).join(', ')}`] : []),
    ...(policy.teams?.length
      ? [
          `${policy.users?.length ? 'or' : 'only'} members of ${policy.teams.map((t) => codeSpan(t)).join(', ')}`,
        ]
      : []),
  ].join(', ');
  const marks = [name === fallback ? 'default' : '', env.protected ? 'protected' : ''].filter(Boolean);
  const writes = `${env.mode === 'pull-request' ? 'pull request to' : 'commit to'} ${env.branch ? codeSpan(env.branch) : 'the default branch'}`;
  return `| ${escapeMarkdown(name)}${marks.length ? ` (${marks.join(', ')})` : ''} | ${writes} | ${env.after ? escapeMarkdown(env.after) : '—'} | ${env.soak ? escapeMarkdown(env.soak) : '—'} | ${env['require-gate'] ? 'must pass' : 'not required'} | ${who} |`;
}
