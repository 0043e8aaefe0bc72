import type { Command, ParsedComment } from '../../core/commands/command-types.js';
import type { UserError } from '../../core/errors.js';
import { formatLocation } from '../../core/errors.js';
import { COMMAND_REPLY_MARKER, markCommandReply } from '../../core/report/promotion/command-reply-marker.js';
import { describeRequest } from '../../core/report/promotion/describe-request.js';
import type { RuleSource } from '../../core/report/promotion/promotion-reply-views.js';
import { renderAlreadyHandled } from '../../core/report/promotion/render-already-handled.js';
import { renderCommandFailed } from '../../core/report/promotion/render-command-failed.js';
import { renderInvalidCommand } from '../../core/report/promotion/render-invalid-command.js';
import { describeLock, renderLockReply } from '../../core/report/promotion/render-lock-replies.js';
import { renderRefusal } from '../../core/report/promotion/render-refusal.js';
import type { EnvironmentLock } from '../ports/environment-locks.js';
import type { CommentCommandRequest } from './command-ports.js';

/** An error's words for a reply (the renderers escape them). */
export const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The replies of the commands that are not a promotion's own (refusals, failures, duplicates): each
 * a view handed to core/report/promotion's renderers, behind the marker line that tells the app's
 * own comments.
 */
export const replies = {
  marker: COMMAND_REPLY_MARKER,
  fork: () =>
    markCommandReply(
      renderRefusal({
        refusals: [
          {
            code: 'fork',
            message:
              "Commands are not taken from pull requests opened from forks: a fork's author holds no role in this repository. Comment from a pull request of this repository.",
          },
        ],
      }),
    ),
  notACommand: () =>
    markCommandReply(renderInvalidCommand({ message: 'This is not a command the app knows.' })),
  invalid: (parsed: Extract<ParsedComment, { kind: 'invalid' }>) =>
    markCommandReply(
      renderInvalidCommand({ message: parsed.message, ...(parsed.usage ? { usage: parsed.usage } : {}) }),
    ),
  duplicate: (request: CommentCommandRequest, finished: boolean) =>
    markCommandReply(renderAlreadyHandled({ deliveryId: request.deliveryId, finished })),
  /**
   * A command refused by the ops repository's rules or the registry's state: titled with what was
   * asked (`Cannot promote fraud v5 to production`) and naming the file the rules live in.
   */
  refusedCommand: (
    request: { command: Command; model?: string; environment?: string },
    reasons: readonly string[],
    ruleSource?: RuleSource,
  ) =>
    markCommandReply(
      renderRefusal({
        request: describeRequest(request.command, request),
        refusals: reasons.map((message) => ({ code: 'refused', message })),
        ...(ruleSource ? { ruleSource } : {}),
      }),
    ),
  /** The rules' and the registry's refusals of a resolved promote or rollback, each as worded. */
  refusedByRules: (
    request: { command: Command; model: string; environment: string },
    failures: readonly { code: string; message: string }[],
    context: { ops: { name: string; config: { file: string } } },
  ) =>
    replies.refusedCommand(
      request,
      failures.map((f) => f.message),
      ruleSourceFor(
        context,
        failures.map((f) => f.code),
      ),
    ),
  locked: (environment: string, lock: EnvironmentLock | { unreadable: string }) =>
    markCommandReply(
      'unreadable' in lock
        ? renderLockReply({ outcome: 'unreadable', environment, detail: lock.unreadable })
        : renderLockReply({ outcome: 'held-by-other', environment, lock }),
    ),
  /** A lock in one line, for a sentence of another reply. */
  lockText: (environment: string, lock: EnvironmentLock | { unreadable: string }) =>
    describeLock(environment, lock),
  userError: (error: UserError) => {
    const where = formatLocation(error.location);
    const refusals = [where ? `${error.message} (${where})` : error.message, ...error.details];
    return markCommandReply(
      renderRefusal({ refusals: refusals.map((message) => ({ code: error.kind, message })) }),
    );
  },
  failure: (error: unknown) =>
    markCommandReply(renderCommandFailed({ message: messageOf(error), written: 'unknown' })),
};

/**
 * Where the environment rules live (the ops repository's config on its default branch), for a
 * refusal that a rule — policy, gate, order or soak — made; the registry's state is not a rule there.
 */
export function ruleSourceFor(
  context: { ops: { name: string; config: { file: string } } },
  codes: readonly string[] = ['policy'],
): RuleSource | undefined {
  if (!codes.some((code) => /^(policy|environment|gate-|order-|soak-)/.test(code))) return undefined;
  const path = context.ops.config.file.slice(context.ops.config.file.indexOf(':') + 1);
  return { repository: context.ops.name, path };
}
