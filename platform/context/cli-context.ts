import { onnxRuntimeEnvironment, type OnnxRuntimeEnvironment } from './onnx-runtime-environment.js';
import { storageEnvironment, type StorageEnvironment } from './storage-environment.js';

/** What a `modelship` command knows of where it runs: read once, at the entry point. */
export interface CliContext {
  argv: string[];
  /** Relative paths resolve here. */
  cwd: string;
  /** The checkout whose files can be annotated (GITHUB_WORKSPACE when run in a workflow, else cwd). */
  workspace: string;
  storage: StorageEnvironment;
  /** Where the ONNX runtime comes from (tool cache, registry, native or WebAssembly). */
  onnx: OnnxRuntimeEnvironment;
  /**
   * GitHub, for commands that reach it with --repo: GITHUB_TOKEN (else GH_TOKEN, the gh CLI's),
   * GITHUB_API_URL and GITHUB_SERVER_URL (GitHub Enterprise Server, the tests' stand-in).
   */
  github: {
    token?: string;
    apiUrl: string;
    serverUrl: string;
    /** GITHUB_ACTOR in a workflow: who asked for a promotion (its Modelship-Requested-By). */
    actor?: string;
    /** The workflow run's page, in a workflow (a promotion's Modelship-Source). */
    runUrl?: string;
  };
  /** MODELSHIP_DEBUG: print stacks of unexpected errors. */
  debug: boolean;
}

export function readCliContext(
  argv: string[] = process.argv.slice(2),
  env: NodeJS.ProcessEnv = process.env,
  cwd: string = process.cwd(),
): CliContext {
  return {
    argv,
    cwd,
    workspace: env.GITHUB_WORKSPACE || cwd,
    storage: storageEnvironment(env),
    onnx: onnxRuntimeEnvironment(env),
    github: {
      ...(env.GITHUB_TOKEN || env.GH_TOKEN ? { token: (env.GITHUB_TOKEN || env.GH_TOKEN)! } : {}),
      // Checked when a command uses it (githubApiUrlFromEnv), so a stray value never breaks other commands.
      apiUrl: env.GITHUB_API_URL?.trim() || 'https://api.github.com',
      serverUrl: env.GITHUB_SERVER_URL || 'https://github.com',
      ...(env.GITHUB_ACTOR ? { actor: env.GITHUB_ACTOR } : {}),
      ...(env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
        ? {
            runUrl: `${env.GITHUB_SERVER_URL || 'https://github.com'}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`,
          }
        : {}),
    },
    debug: Boolean(env.MODELSHIP_DEBUG),
  };
}
