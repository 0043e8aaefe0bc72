/**
 * What a pull request comment asks the promotion app to do. Names are validated lexically here
 * (a version's form, GTO's model-name rule, the config's environment-name rule); resolving them
 * against the registry and the ops configuration is the caller's job.
 */
export type Command =
  | {
      kind: 'promote';
      /** As written: `v5`, `v5.1`, `v5.1.2` or `5.1.2` (the registry resolves it). */
      version: string;
      /** Omitted when the comment names no model (fine when the repository registers one). */
      model?: string;
      /** Omitted when the comment names none (the config's default-environment then applies). */
      environment?: string;
      dryRun: boolean;
    }
  | {
      kind: 'rollback';
      environment?: string;
      model?: string;
      /** Omitted: the version that ran before the current one. */
      version?: string;
      dryRun: boolean;
    }
  | { kind: 'status'; environment?: string }
  | { kind: 'lock'; environment: string; reason: string }
  | {
      kind: 'unlock';
      environment: string;
      /** Also release a lock someone else holds, or one that cannot be read. */
      force: boolean;
    }
  | { kind: 'help' };

export type CommandKind = Command['kind'];

export type ParsedComment =
  | Command
  /** The comment is not addressed to us (no command word on its first line, or another tool's). */
  | { kind: 'not-a-command' }
  | {
      kind: 'invalid';
      /** Plain text that may quote the comment: the reply escapes it. */
      message: string;
      /** The command it was meant to be, when the command word was recognised. */
      command?: CommandKind;
      /** The command's syntax, for the reply. */
      usage?: string;
    };

export interface ParseCommandContext {
  /** The ops configuration's environments: an unknown one is refused with "did you mean". */
  knownEnvironments?: readonly string[];
  /** The registry's models: an unknown one is refused with "did you mean". */
  knownModels?: readonly string[];
}
