import type { CommandKind } from './command-types.js';

/** The syntax of each command, as the replies and /help show it. */
export const COMMAND_USAGE: Readonly<Record<CommandKind, string>> = {
  promote: '/promote VERSION [NAME] [to ENV] [--dry-run]',
  rollback: '/rollback [ENV] [NAME] [to VERSION] [--dry-run]',
  status: '/status [ENV]',
  lock: '/lock ENV --reason "why"',
  unlock: '/unlock ENV [--force]',
  help: '/help',
};

export const COMMAND_WORDS = Object.keys(COMMAND_USAGE) as CommandKind[];

/** The flags each command takes; any other is refused by name. */
export const COMMAND_FLAGS: Readonly<Record<CommandKind, readonly string[]>> = {
  promote: ['--dry-run'],
  rollback: ['--dry-run'],
  status: [],
  lock: ['--reason'],
  unlock: ['--force'],
  help: [],
};

/**
 * `v5`, `v5.1`, `v5.1.2`, or `5.1.2` without the `v` (SemVer numbers: no leading zeros). A bare `5`
 * or `5.1` is refused: it reads like a count or a decimal, and `v5` says the same thing plainly.
 * `latest` is refused too: the comment itself should say which version it promotes.
 */
export const VERSION_PATTERN =
  /^(?:v(?:0|[1-9]\d{0,8})(?:\.(?:0|[1-9]\d{0,8})){0,2}|(?:0|[1-9]\d{0,8})(?:\.(?:0|[1-9]\d{0,8})){2})$/;

/** GTO's model-name rule (also the ops config's). */
export const MODEL_PATTERN = /^[a-zA-Z0-9](?:[a-zA-Z0-9_/-]{0,98}[a-zA-Z0-9])?$/;

/** The ops config's environment-name rule. */
export const ENVIRONMENT_PATTERN = /^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,62}$/;

/** A lock's reason is a sentence, not an essay: it is shown in every refusal the lock causes. */
export const MAX_REASON_LENGTH = 300;

/** Longer first lines are refused before any other work (a command is a few dozen characters). */
export const MAX_LINE_LENGTH = 500;
