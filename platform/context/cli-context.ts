import { onnxRuntimeEnvironment, type OnnxRuntimeEnvironment } from './onnx-runtime-environment.js';
import { githubEnvironment, type GitHubEnvironment } from './github-environment.js';
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
  /** MODELSHIP_DEBUG: print stacks of unexpected errors. */
  debug: boolean;
  /**
   * GitHub, for commands that reach it (--repo, promote, status): GITHUB_TOKEN (else GH_TOKEN, the gh
   * CLI's), GITHUB_API_URL and GITHUB_SERVER_URL (GitHub Enterprise Server, the tests' stand-in), and
   * in a workflow the actor and the run's URL.
   */
  github: GitHubEnvironment;
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
    debug: Boolean(env.MODELSHIP_DEBUG),
    github: githubEnvironment(env),
  };
}
