import { closestName } from '../checks/closest-name.js';
import {
  COMMAND_FLAGS,
  COMMAND_USAGE,
  COMMAND_WORDS,
  ENVIRONMENT_PATTERN,
  MAX_LINE_LENGTH,
  MAX_REASON_LENGTH,
  MODEL_PATTERN,
  VERSION_PATTERN,
} from './command-grammar.js';
import type { Command, CommandKind, ParseCommandContext, ParsedComment } from './command-types.js';
import { type CommandToken, tokenizeCommand } from './tokenize-command.js';

const NOT_A_COMMAND = { kind: 'not-a-command' } as const;

/**
 * Characters that change how text looks without being seen (bidirectional overrides, zero-width
 * spaces) or are not text at all. A command is typed, not pasted from a binary: refusing them
 * keeps look-alike tricks out of every reply that quotes the comment. ZWJ stays (emoji sequences).
 */
const INVISIBLE = /[\p{Cc}\p{Cf}]/u;
const ALLOWED_INVISIBLE = new Set(['\t', '\u200d']);

/** A problem a reply explains; thrown inside the parser, returned as `invalid`. */
class Refusal extends Error {}

/**
 * Reads the command on the first line of a pull request comment. Only a first line that starts with
 * `/` and a command word is a command: a command word further down, inside a quote (`>`) or inside
 * code (a line that starts with a backtick, e.g. ```/promote v5``` written as an example) is not.
 * The comment's leading whitespace and blank lines are skipped, as GitHub shows none of them.
 * A word close to one of ours (`/promte`) is refused with "did you mean"; another tool's command
 * (`/lgtm`) is not ours and is ignored. `/help` ignores what follows it: a request for help gets help.
 */
export function parseCommand(body: string, context: ParseCommandContext = {}): ParsedComment {
  const line = firstLine(body);
  if (!line.startsWith('/')) return NOT_A_COMMAND;
  // The command word is bounded, so a megabyte of first line costs nothing before it is refused.
  const word = /^\/(\p{L}[^\s/]{0,39})(?=\s|$)/u.exec(line.slice(0, 64))?.[1];
  if (word === undefined) return NOT_A_COMMAND;
  const kind = COMMAND_WORDS.find((w) => w === word.toLowerCase());
  if (!kind) return unknownCommand(word);
  if (kind === 'help') return { kind: 'help' };
  const usage = COMMAND_USAGE[kind];
  try {
    if (line.length > MAX_LINE_LENGTH)
      throw new Refusal(`the command is ${line.length} characters long; at most ${MAX_LINE_LENGTH} are read`);
    const hidden = [...line].find((c) => INVISIBLE.test(c) && !ALLOWED_INVISIBLE.has(c));
    if (hidden !== undefined)
      throw new Refusal(`the command contains an invisible or control character (${codePoint(hidden)})`);
    let tokens: CommandToken[];
    try {
      tokens = tokenizeCommand(line).slice(1);
    } catch (error) {
      throw new Refusal((error as Error).message);
    }
    return parseArguments(kind, line, tokens, context);
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    return { kind: 'invalid', command: kind, message: `/${kind}: ${error.message}`, usage };
  }
}

/** The first line of the comment, after any leading whitespace, BOM and blank lines, trimmed. */
function firstLine(body: string): string {
  const text = body.replace(/^[\s\ufeff]+/u, '');
  const end = text.search(/\r\n|\r|\n/);
  return (end < 0 ? text : text.slice(0, end)).trim();
}

function unknownCommand(word: string): ParsedComment {
  const suggestion = closestName(word, COMMAND_WORDS) as CommandKind | undefined;
  if (!suggestion) return NOT_A_COMMAND;
  const foreign = [...word].find((c) => c > '\u007f');
  const note = foreign
    ? ` ("${word}" contains ${codePoint(foreign)}, a character that only looks like a plain letter)`
    : '';
  return {
    kind: 'invalid',
    command: suggestion,
    message: `unknown command "/${word}"${note}: did you mean /${suggestion}?`,
    usage: COMMAND_USAGE[suggestion],
  };
}

interface Arguments {
  positionals: CommandToken[];
  flags: Set<string>;
  reason?: string;
}

function parseArguments(
  kind: Exclude<CommandKind, 'help'>,
  line: string,
  tokens: CommandToken[],
  context: ParseCommandContext,
): Command {
  const args = splitFlags(kind, line, tokens);
  switch (kind) {
    case 'promote':
      return parsePromote(args, context);
    case 'rollback':
      return parseRollback(args, context);
    case 'status': {
      const [environment, ...rest] = args.positionals;
      unexpected(rest);
      return { kind, ...(environment ? { environment: checkEnvironment(environment, context) } : {}) };
    }
    case 'lock': {
      const environment = requiredEnvironment(args.positionals, context, `/lock ENV --reason "why"`);
      if (args.reason === undefined)
        throw new Refusal(`say why with --reason, e.g. /lock ${environment} --reason "incident 42"`);
      return { kind, environment, reason: args.reason };
    }
    case 'unlock': {
      const environment = requiredEnvironment(args.positionals, context, '/unlock ENV');
      return { kind, environment, force: args.flags.has('--force') };
    }
  }
}

/**
 * Separates flags from positional words. `--reason` takes a quoted text (then parsing goes on) or
 * the rest of the line (then nothing after it is read as a flag: the reason may say anything).
 */
function splitFlags(kind: CommandKind, line: string, tokens: CommandToken[]): Arguments {
  const allowed = COMMAND_FLAGS[kind];
  const args: Arguments = { positionals: [], flags: new Set() };
  const unknown: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.quoted || !token.text.startsWith('-') || token.text === '-') {
      args.positionals.push(token);
      continue;
    }
    const [flag, inline] = splitInlineValue(token.text);
    if (!allowed.includes(flag)) {
      unknown.push(flag);
      continue;
    }
    if (args.flags.has(flag)) throw new Refusal(`${flag} is given twice`);
    args.flags.add(flag);
    if (flag !== '--reason') {
      if (inline !== undefined) throw new Refusal(`${flag} takes no value`);
      continue;
    }
    const next = tokens[i + 1];
    let reason: string;
    if (inline !== undefined) {
      reason = unquote(line.slice(token.start + flag.length + 1).trim());
      i = tokens.length;
    } else if (next?.quoted) {
      reason = next.text.trim();
      i++;
    } else {
      reason = next ? line.slice(next.start).trim() : '';
      i = tokens.length;
    }
    if (reason === '') throw new Refusal('--reason needs a text, e.g. --reason "incident 42"');
    if (reason.length > MAX_REASON_LENGTH)
      throw new Refusal(`the reason is ${reason.length} characters long; at most ${MAX_REASON_LENGTH}`);
    args.reason = reason;
  }
  if (unknown.length > 0) throw new Refusal(unknownFlags(kind, unknown));
  return args;
}

function splitInlineValue(text: string): [string, string | undefined] {
  const eq = text.indexOf('=');
  return eq < 0 ? [text, undefined] : [text.slice(0, eq), text.slice(eq + 1)];
}

function unquote(text: string): string {
  const m = /^(["'“„‘])([\s\S]*)(["'”“’‘])$/u.exec(text);
  return m ? m[2]!.trim() : text;
}

function unknownFlags(kind: CommandKind, unknown: string[]): string {
  const allowed = COMMAND_FLAGS[kind];
  const names = unknown.map((f) => `"${shorten(f)}"`).join(', ');
  const takes = allowed.length > 0 ? `it takes ${allowed.join(', ')}` : 'it takes no flags';
  const guess = unknown.length === 1 ? closestName(unknown[0]!, allowed) : undefined;
  return `unknown flag${unknown.length > 1 ? 's' : ''} ${names} (${takes})${guess ? `: did you mean ${guess}?` : ''}`;
}

/** `/promote VERSION [NAME] [to ENV]` */
function parsePromote(args: Arguments, context: ParseCommandContext): Command {
  const { before, after } = splitAtTo(args.positionals, 'environment');
  const [first, second, ...rest] = before;
  unexpected(rest);
  if (!first) throw new Refusal('name the version to promote, e.g. /promote v5 to staging');
  if (!VERSION_PATTERN.test(first.text) && second && VERSION_PATTERN.test(second.text))
    throw new Refusal(
      `the version comes first: /promote ${second.text} ${first.text}${after ? ' to …' : ''}`,
    );
  const version = checkVersion(first);
  const [env, ...afterRest] = after ?? [];
  unexpected(afterRest);
  return {
    kind: 'promote',
    version,
    ...(second ? { model: checkModel(second, context) } : {}),
    ...(env ? { environment: checkEnvironment(env, context) } : {}),
    dryRun: args.flags.has('--dry-run'),
  };
}

/**
 * `/rollback [ENV] [NAME] [to VERSION]`. A single word is the environment, unless the context says
 * it is a model and not an environment (`/rollback fraud` in a repository with several models).
 */
function parseRollback(args: Arguments, context: ParseCommandContext): Command {
  const { before, after } = splitAtTo(args.positionals, 'version');
  unexpected(before.slice(2));
  let [envToken, modelToken] = before;
  if (
    envToken &&
    !modelToken &&
    context.knownEnvironments &&
    !context.knownEnvironments.includes(envToken.text) &&
    context.knownModels?.includes(envToken.text)
  ) {
    modelToken = envToken;
    envToken = undefined;
  }
  const [versionToken, ...afterRest] = after ?? [];
  unexpected(afterRest);
  return {
    kind: 'rollback',
    ...(envToken ? { environment: checkEnvironment(envToken, context) } : {}),
    ...(modelToken ? { model: checkModel(modelToken, context) } : {}),
    ...(versionToken ? { version: checkVersion(versionToken) } : {}),
    dryRun: args.flags.has('--dry-run'),
  };
}

/** Splits positional words at the keyword `to`, which must be followed by what it introduces. */
function splitAtTo(
  positionals: CommandToken[],
  what: 'environment' | 'version',
): { before: CommandToken[]; after?: CommandToken[] } {
  const at = positionals.findIndex((t) => !t.quoted && t.text.toLowerCase() === 'to');
  if (at < 0) return { before: positionals };
  const after = positionals.slice(at + 1);
  if (after.length === 0) throw new Refusal(`name the ${what} after "to"`);
  return { before: positionals.slice(0, at), after };
}

function requiredEnvironment(positionals: CommandToken[], context: ParseCommandContext, example: string) {
  const [environment, ...rest] = positionals;
  if (!environment) throw new Refusal(`name the environment: ${example}`);
  unexpected(rest);
  return checkEnvironment(environment, context);
}

function unexpected(rest: CommandToken[]): void {
  if (rest.length > 0) throw new Refusal(`unexpected "${shorten(rest[0]!.text)}"`);
}

function checkVersion(token: CommandToken): string {
  const text = token.text;
  if (!token.quoted && VERSION_PATTERN.test(text)) return text;
  if (/^latest$/i.test(text))
    throw new Refusal(
      'name the version (e.g. v5.1.2): "latest" is not accepted, so the comment says what it promotes',
    );
  if (/^(?:0|[1-9]\d{0,8})(?:\.(?:0|[1-9]\d{0,8}))?$/.test(text))
    throw new Refusal(`"${text}" is not a version: did you mean v${text}?`);
  if (/^[vV]/.test(text) && VERSION_PATTERN.test(`v${text.slice(1)}`))
    throw new Refusal(`"${shorten(text)}" is not a version: did you mean v${text.slice(1)}?`);
  throw new Refusal(`"${shorten(text)}" is not a version (write v5, v5.1, v5.1.2 or 5.1.2)`);
}

function checkModel(token: CommandToken, context: ParseCommandContext): string {
  const text = token.text;
  if (token.quoted || !MODEL_PATTERN.test(text))
    throw new Refusal(
      `"${shorten(text)}" is not a model name (letters, digits, "-", "_", "/", starting and ending with a letter or digit)`,
    );
  const known = context.knownModels;
  if (known && !known.includes(text)) throw new Refusal(unknownName('model', text, known));
  return text;
}

function checkEnvironment(token: CommandToken, context: ParseCommandContext): string {
  const text = token.text;
  if (token.quoted || !ENVIRONMENT_PATTERN.test(text))
    throw new Refusal(`"${shorten(text)}" is not an environment name (letters, digits, ".", "_", "-")`);
  const known = context.knownEnvironments;
  if (known && !known.includes(text)) throw new Refusal(unknownName('environment', text, known));
  return text;
}

function unknownName(what: string, text: string, known: readonly string[]): string {
  const guess = closestName(text, known);
  if (guess) return `unknown ${what} "${text}": did you mean ${guess}?`;
  if (known.length === 0) return `unknown ${what} "${text}" (none is configured)`;
  const list = known.length <= 10 ? known.join(', ') : `${known.slice(0, 10).join(', ')}, …`;
  return `unknown ${what} "${text}" (known: ${list})`;
}

/** User text quoted in a message is cut short: a reply is no place for a pasted paragraph. */
function shorten(text: string): string {
  const chars = [...text];
  return chars.length <= 40 ? text : `${chars.slice(0, 39).join('')}…`;
}

function codePoint(c: string): string {
  return `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}
