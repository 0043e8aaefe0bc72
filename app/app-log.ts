import type { Logger } from 'probot';

const LEVELS = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60, silent: Infinity } as const;
export type LogLevel = keyof typeof LEVELS;

/** An error as a log line tells it: what kind, what it says, its HTTP status — never its payload. */
function errorSummary(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  const inner =
    error instanceof AggregateError ? error.errors.map((e: unknown) => errorSummary(e)) : undefined;
  const status = (error as { status?: unknown }).status;
  return {
    type: error.name,
    message: error.message,
    ...(typeof status === 'number' ? { status } : {}),
    ...(inner?.length ? { errors: inner } : {}),
  };
}

/** Keeps a log object's plain fields (ids, names, numbers); objects such as payloads are dropped. */
function plainFields(value: Record<string, unknown>): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (field instanceof Error) kept[key] = errorSummary(field);
    else if (['string', 'number', 'boolean'].includes(typeof field)) kept[key] = field;
  }
  return kept;
}

/**
 * A pino-shaped logger writing one JSON line per entry, that never writes a webhook's payload:
 * @octokit/webhooks logs the whole verification error — the delivery's payload included — when a
 * signature does not match, and a forged delivery must not put what its sender chose into our logs.
 * Only errors' type, message and status and the plain fields of a log object are written.
 */
export function createAppLog(options: {
  level: LogLevel;
  write: (line: string) => void;
  bindings?: Record<string, unknown>;
}): Logger {
  const threshold = LEVELS[options.level];
  const bindings = options.bindings ?? {};
  const entry =
    (level: Exclude<LogLevel, 'silent'>) =>
    (first?: unknown, ...rest: unknown[]): void => {
      if (LEVELS[level] < threshold) return;
      let fields: Record<string, unknown> = {};
      let message = rest.find((r): r is string => typeof r === 'string');
      if (first instanceof Error) fields = { err: errorSummary(first) };
      else if (typeof first === 'string') message = first;
      else if (first && typeof first === 'object') fields = plainFields(first as Record<string, unknown>);
      options.write(
        `${JSON.stringify({ level, time: new Date().toISOString(), ...bindings, ...fields, ...(message ? { msg: message } : {}) })}\n`,
      );
    };
  const log = {
    level: options.level,
    trace: entry('trace'),
    debug: entry('debug'),
    info: entry('info'),
    warn: entry('warn'),
    error: entry('error'),
    fatal: entry('fatal'),
    silent: () => {},
    child: (more: Record<string, unknown>) =>
      createAppLog({ ...options, bindings: { ...bindings, ...plainFields(more) } }),
    isLevelEnabled: (level: LogLevel) => LEVELS[level] >= threshold,
  };
  return log as unknown as Logger;
}
