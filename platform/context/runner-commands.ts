import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { EOL } from 'node:os';

/**
 * The runner's side of an action: inputs from `INPUT_*`, outputs and the job summary through the
 * files the runner names (`GITHUB_OUTPUT`, `GITHUB_STEP_SUMMARY`), annotations and masks as
 * workflow commands on stdout — GitHub's documented protocol, which @actions/core also speaks.
 * Ours because @actions/core loads its HTTP client (undici, TLS) on import: about 430 KB of code
 * and 30 ms of built-in modules on every cold start, for calls an action never makes here.
 */

export interface AnnotationProperties {
  title?: string;
  file?: string;
  startLine?: number;
  endLine?: number;
  startColumn?: number;
  endColumn?: number;
}

const escapeData = (value: string) => value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (value: string) => escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');

function command(name: string, properties: Record<string, string | number | undefined>, message: string) {
  const props = Object.entries(properties)
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',');
  process.stdout.write(`::${name}${props ? ` ${props}` : ''}::${escapeData(message)}${EOL}`);
}

function annotation(level: 'error' | 'warning' | 'notice', message: string, p: AnnotationProperties = {}) {
  command(
    level,
    {
      title: p.title,
      file: p.file,
      line: p.startLine,
      endLine: p.endLine,
      col: p.startColumn,
      endColumn: p.endColumn,
    },
    message,
  );
}

/** An input as the runner passes it (`INPUT_<NAME>`, spaces as underscores), trimmed; '' when unset. */
export function getInput(name: string): string {
  return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

/** A step output: appended to GITHUB_OUTPUT with a random delimiter no value can contain. */
export function setOutput(name: string, value: string): void {
  const file = process.env.GITHUB_OUTPUT;
  if (!file) {
    command('set-output', { name }, value);
    return;
  }
  let delimiter = `ghadelimiter_${randomUUID()}`;
  while (value.includes(delimiter) || name.includes(delimiter)) delimiter = `ghadelimiter_${randomUUID()}`;
  appendFileSync(file, `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, 'utf8');
}

/** Markdown appended to the job summary; throws when the runner gave no summary file. */
export function appendSummary(markdown: string): void {
  const file = process.env.GITHUB_STEP_SUMMARY;
  if (!file) throw new Error('GITHUB_STEP_SUMMARY is not set: there is no job summary outside a runner');
  appendFileSync(file, markdown, 'utf8');
}

export const info = (message: string) => process.stdout.write(`${message}${EOL}`);
export const debug = (message: string) => command('debug', {}, message);
export const warning = (message: string, properties?: AnnotationProperties) =>
  annotation('warning', message, properties);
export const error = (message: string, properties?: AnnotationProperties) =>
  annotation('error', message, properties);
/** Hides a secret in the log from here on. */
export const setSecret = (secret: string) => command('add-mask', {}, secret);

/** Fails the step with an error annotation; the process exits 1 when it ends. */
export function setFailed(message: string): void {
  process.exitCode = 1;
  error(message);
}
