import { runCli } from '../../cli/run-cli.js';
import { commands } from '../../cli/commands.js';
import { readCliContext } from '../../platform/context/cli-context.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `modelship <args>` in this process with captured output, exactly as the bin dispatches it. */
export async function runModelship(
  args: string[],
  cwd: string,
  env: Record<string, string | undefined> = {},
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(
    {
      out: (t) => void (stdout += t),
      err: (t) => void (stderr += t),
      context: readCliContext(args, env, cwd),
    },
    commands,
    '0.0.0-test',
  );
  return { code, stdout, stderr };
}
