import type { Logger } from 'probot';
import type { Clock } from '../jobs/ports/clock.js';
import type {
  CommentCommandRequest,
  PullRequestClosedRequest,
} from '../jobs/promote-command/command-ports.js';
import type { CommandSettings } from '../jobs/promote-command/comment-command-ports.js';
import { completeMergedPromotion } from '../jobs/promote-command/complete-merged-promotion.js';
import { releasePullRequestLocks } from '../jobs/promote-command/release-pull-request-locks.js';
import { runCommentCommand } from '../jobs/promote-command/run-comment-command.js';
import { createGitHubClient, type GitHubClient } from '../platform/github/client.js';
import { DEFAULT_CONFIG_PATH } from '../core/config/modelship-config-schema.js';
import { appBotLogin, installationTokens } from '../platform/github/installation-tokens.js';
import type { AppDependencies } from './modelship-app.js';
import { commandPorts } from './command-ports-for.js';
import { mergedPromotionPorts } from './merged-promotion-ports-for.js';
import { WorkQueue } from './work-queue.js';

export interface AppDependencyOptions {
  appId: string;
  privateKey: string;
  apiUrl: string;
  /** `owner/repo` of the ops repository (the environments' manifests and the ops config). */
  opsRepository: string;
  /** GitHub's pacing of writes (off only against a test server). */
  pacing: boolean;
  clock: Clock;
  log: Logger;
  /** Milliseconds one GitHub request may take (default 30 s). */
  timeoutMs?: number;
  settings?: Partial<CommandSettings>;
}

/**
 * The app's real dependencies: per delivery, one GitHub client (retries, throttling, timeouts) on
 * the installation's token, the ports built on it, and the comment-command job.
 */
export function createAppDependencies(options: AppDependencyOptions): AppDependencies {
  const queue = new WorkQueue((error, name) => options.log.error(error as Error, `work failed: ${name}`));
  const settings: CommandSettings = {
    configPath: DEFAULT_CONFIG_PATH,
    lockAttempts: 6,
    lockRetryMs: 150,
    sleep: (ms) => new Promise((ok) => setTimeout(ok, ms)),
    ...options.settings,
  };
  const tokens = installationTokens(options);
  const appLogin = appBotLogin(options);
  const client = async (installationId: number): Promise<GitHubClient> =>
    createGitHubClient({
      token: await tokens(installationId),
      baseUrl: options.apiUrl,
      // A command's writes one at a time but unspaced (about ten per command, answered in seconds);
      // off only against a test server.
      pacing: options.pacing ? 'serial' : false,
      userAgent: 'modelship-app',
      ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
      log: (message) => options.log.warn(message),
    });
  return {
    queue,
    async handleComment(request: CommentCommandRequest) {
      const ports = commandPorts(await client(request.installationId), request, options);
      const outcome = await runCommentCommand(request, settings, ports);
      options.log.info(
        {
          delivery: request.deliveryId,
          comment: request.comment.id,
          status: outcome.status,
          ...('outcome' in outcome ? { outcome: outcome.outcome } : {}),
        },
        'comment command',
      );
    },
    async handlePullRequestClosed(request: PullRequestClosedRequest) {
      const octokit = await client(request.installationId);
      const { owner, repo } = request.repository;
      if (request.closed && `${owner}/${repo}`.toLowerCase() === options.opsRepository.toLowerCase()) {
        const outcome = await completeMergedPromotion(
          { repository: request.repository, number: request.pullRequest, ...request.closed },
          { configPath: settings.configPath, appLogin: await appLogin() },
          mergedPromotionPorts(octokit, request.repository),
        );
        options.log.info(
          {
            delivery: request.deliveryId,
            pullRequest: request.pullRequest,
            outcome: outcome.outcome,
            ...('reason' in outcome ? { reason: outcome.reason } : {}),
            ...('stageTag' in outcome ? { stageTag: outcome.stageTag } : {}),
          },
          'ops pull request closed',
        );
      }
      const ports = commandPorts(octokit, { repository: request.repository }, options);
      const { released } = await releasePullRequestLocks(request, ports);
      if (released.length)
        options.log.info(
          { delivery: request.deliveryId, pullRequest: request.pullRequest, released: released.join(',') },
          'locks released',
        );
    },
  };
}
