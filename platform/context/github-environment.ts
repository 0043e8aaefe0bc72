/**
 * What a CLI command needs to reach GitHub and to say who asked, read from the environment once:
 * the token (GITHUB_TOKEN, else GH_TOKEN as the gh CLI names it), the API root, and in a workflow
 * the actor and the run's URL.
 */
export interface GitHubEnvironment {
  token?: string;
  /** GITHUB_API_URL as set, else api.github.com (validated where it is used: githubApiUrlFromEnv). */
  apiUrl: string;
  /** GITHUB_SERVER_URL (GitHub Enterprise Server, the tests' stand-in), else https://github.com. */
  serverUrl: string;
  /** GITHUB_ACTOR in a workflow. */
  actor?: string;
  /** The workflow run's page, in a workflow. */
  runUrl?: string;
}

export function githubEnvironment(env: NodeJS.ProcessEnv): GitHubEnvironment {
  const token = env.GITHUB_TOKEN || env.GH_TOKEN;
  const server = env.GITHUB_SERVER_URL || 'https://github.com';
  return {
    ...(token ? { token } : {}),
    // Checked when a command uses it, so a stray value never breaks other commands.
    apiUrl: env.GITHUB_API_URL?.trim() || 'https://api.github.com',
    serverUrl: server,
    ...(env.GITHUB_ACTOR ? { actor: env.GITHUB_ACTOR } : {}),
    ...(env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
      ? { runUrl: `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}` }
      : {}),
  };
}
