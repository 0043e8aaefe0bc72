/**
 * Errors a user can fix: bad data, bad config, a missing file. They carry where the problem is
 * (file, line, field) so every adapter can print one clear paragraph and exit 2, never a stack trace.
 */
export interface ErrorLocation {
  /** Path or URI of the file at fault. */
  file?: string;
  /** 1-based line in that file. */
  line?: number;
  /** 1-based column in that line, when known. */
  column?: number;
  /** Field, column name or YAML path at fault. */
  field?: string;
}

export type UserErrorKind = 'config' | 'data' | 'input' | 'not-found' | 'access' | 'usage';

export class UserError extends Error {
  override readonly name = 'UserError';
  constructor(
    readonly kind: UserErrorKind,
    message: string,
    readonly location: ErrorLocation = {},
    /** Further problems of the same kind (a config file reports all of them at once). */
    readonly details: readonly string[] = [],
  ) {
    super(message);
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}

/** `file:line:column (field)` or the parts of it that are known. */
export function formatLocation(where: ErrorLocation): string {
  let text = where.file ?? '';
  if (where.line !== undefined) text += `${text ? ':' : 'line '}${where.line}`;
  if (where.column !== undefined) text += `:${where.column}`;
  if (where.field !== undefined) text += `${text ? ' ' : ''}(${where.field})`;
  return text;
}

/** One paragraph: `file:line (field): message`, then any further problems, one per line. */
export function formatUserError(error: UserError): string {
  const where = formatLocation(error.location);
  const head = where ? `${where}: ${error.message}` : error.message;
  return [head, ...error.details.map((d) => `  - ${d}`)].join('\n');
}
