import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  message: string;
  file?: string;
  line?: number;
  endLine?: number;
  col?: number;
  title?: string;
}

export interface ActionRun {
  exitCode: number;
  outputs: Record<string, string>;
  /** What the step appended to the job summary (markdown). */
  summary: string;
  annotations: Annotation[];
  /** Values registered with ::add-mask::. */
  masks: string[];
  /** stdout without workflow commands: what the log shows. */
  logs: string;
  stdout: string;
  stderr: string;
}

export interface RunActionOptions {
  inputs?: Record<string, string | undefined>;
  env?: Record<string, string>;
  /** The webhook payload the workflow was triggered with (GITHUB_EVENT_PATH). */
  event?: unknown;
  eventName?: string;
  repository?: string;
  sha?: string;
  ref?: string;
  apiUrl?: string;
  token?: string;
  /** The workspace (GITHUB_WORKSPACE and the working directory). */
  cwd?: string;
  timeoutMs?: number;
}

/** `INPUT_<NAME>` as the runner spells it: spaces become underscores, upper case, hyphens kept. */
export const inputVariable = (name: string) => `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;

/**
 * Runs a bundled action entry (`dist/<name>.js`) in a child `node` process the way the Actions
 * runner does: inputs as INPUT_* variables, file commands (GITHUB_OUTPUT, GITHUB_STEP_SUMMARY),
 * the event payload, the GITHUB_* context; then parses what the step wrote.
 */
export async function runAction(entry: string, options: RunActionOptions = {}): Promise<ActionRun> {
  const temp = mkdtempSync(join(tmpdir(), 'modelship-runner-'));
  try {
    // RUNNER_TEMP outlives the step, as on a runner (it lasts the job): outputs may point into it.
    const runnerTemp = mkdtempSync(join(tmpdir(), 'modelship-runner-temp-'));
    process.once('exit', () => rmSync(runnerTemp, { recursive: true, force: true }));
    const files = {
      output: join(temp, 'output'),
      summary: join(temp, 'summary'),
      event: join(temp, 'event.json'),
      env: join(temp, 'env'),
      path: join(temp, 'path'),
      state: join(temp, 'state'),
    };
    for (const path of Object.values(files)) writeFileSync(path, '');
    writeFileSync(files.event, JSON.stringify(options.event ?? {}));
    const workspace = options.cwd ?? temp;
    const inputs = Object.fromEntries(
      Object.entries(options.inputs ?? {})
        .filter(([, value]) => value !== undefined)
        .map(([name, value]) => [inputVariable(name), value!]),
    );
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? temp,
      GITHUB_ACTIONS: 'true',
      CI: 'true',
      GITHUB_OUTPUT: files.output,
      GITHUB_STEP_SUMMARY: files.summary,
      GITHUB_EVENT_PATH: files.event,
      GITHUB_ENV: files.env,
      GITHUB_PATH: files.path,
      GITHUB_STATE: files.state,
      GITHUB_EVENT_NAME: options.eventName ?? 'push',
      GITHUB_REPOSITORY: options.repository ?? 'octo-org/ml-repo',
      GITHUB_REPOSITORY_OWNER: (options.repository ?? 'octo-org/ml-repo').split('/')[0]!,
      GITHUB_SHA: options.sha ?? '0123456789abcdef0123456789abcdef01234567',
      GITHUB_REF: options.ref ?? 'refs/heads/main',
      GITHUB_WORKSPACE: workspace,
      GITHUB_API_URL: options.apiUrl ?? 'https://api.github.com',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_RUN_ID: '1',
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_JOB: 'test',
      GITHUB_WORKFLOW: 'test',
      RUNNER_TEMP: runnerTemp,
      RUNNER_OS: 'Linux',
      ...(options.token ? { GITHUB_TOKEN: options.token } : {}),
      ...inputs,
      ...options.env,
    };
    const child = spawn(process.execPath, [entry], {
      cwd: workspace,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    const exitCode = await new Promise<number>((ok) => child.once('close', (code) => ok(code ?? 1)));
    clearTimeout(timer);
    const commands = parseWorkflowCommands(stdout);
    return {
      exitCode,
      outputs: parseFileCommand(readFileSync(files.output, 'utf8')),
      summary: readFileSync(files.summary, 'utf8'),
      annotations: commands.annotations,
      masks: commands.masks,
      logs: commands.logs,
      stdout,
      stderr,
    };
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

/** `name=value` lines and `name<<DELIMITER` … `DELIMITER` blocks, as the runner reads them. */
export function parseFileCommand(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') continue;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delimiter] = heredoc;
      const end = lines.indexOf(delimiter!, i + 1);
      if (end === -1) throw new Error(`file command: no closing delimiter ${delimiter} for ${name}`);
      values[name!] = lines.slice(i + 1, end).join('\n');
      i = end;
      continue;
    }
    const eq = line.indexOf('=');
    if (eq === -1) throw new Error(`file command: malformed line ${JSON.stringify(line)}`);
    values[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return values;
}

const unescapeData = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
const unescapeProperty = (s: string) => unescapeData(s).replace(/%3A/g, ':').replace(/%2C/g, ',');

/** `::command key=value,…::data` lines, with the runner's escaping rules. */
export function parseWorkflowCommands(stdout: string) {
  const annotations: Annotation[] = [];
  const masks: string[] = [];
  const logs: string[] = [];
  for (const line of stdout.split(/\r?\n/)) {
    const match = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!match) {
      logs.push(line);
      continue;
    }
    const [, command, props = '', data = ''] = match;
    const properties: Record<string, string> = {};
    for (const pair of props.split(',').filter(Boolean)) {
      const eq = pair.indexOf('=');
      properties[pair.slice(0, eq)] = unescapeProperty(pair.slice(eq + 1));
    }
    if (command === 'error' || command === 'warning' || command === 'notice') {
      annotations.push({
        level: command,
        message: unescapeData(data),
        ...(properties.file !== undefined ? { file: properties.file } : {}),
        ...(properties.line !== undefined ? { line: Number(properties.line) } : {}),
        ...(properties.endLine !== undefined ? { endLine: Number(properties.endLine) } : {}),
        ...(properties.col !== undefined ? { col: Number(properties.col) } : {}),
        ...(properties.title !== undefined ? { title: properties.title } : {}),
      });
    } else if (command === 'add-mask') masks.push(unescapeData(data));
    else if (command === 'group' || command === 'endgroup' || command === 'debug')
      logs.push(unescapeData(data));
  }
  return { annotations, masks, logs: logs.join('\n') };
}
