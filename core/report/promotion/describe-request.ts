import type { Command } from '../../commands/command-types.js';

/**
 * What a command asks, in words for a reply's title (`promote fraud v5 to production`), with the
 * model and environment the app resolved when the comment left them out. Plain text: the renderers
 * escape it.
 */
export function describeRequest(
  command: Command,
  resolved: { model?: string; environment?: string } = {},
): string {
  const environment = command.kind !== 'help' ? (command.environment ?? resolved.environment) : undefined;
  const model =
    command.kind === 'promote' || command.kind === 'rollback' ? (command.model ?? resolved.model) : undefined;
  const env = environment ?? 'the default environment';
  switch (command.kind) {
    case 'promote':
      return `promote ${[model, command.version].filter(Boolean).join(' ')} to ${env}`;
    case 'rollback':
      return `roll back ${env}${model ? ` (${model})` : ''}${command.version ? ` to ${command.version}` : ''}`;
    case 'status':
      return environment ? `show the status of ${environment}` : 'show the status';
    case 'lock':
      return `lock ${env}`;
    case 'unlock':
      return `unlock ${env}`;
    case 'help':
      return 'show the help';
  }
}
