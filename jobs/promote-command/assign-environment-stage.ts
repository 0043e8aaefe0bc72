import { buildRegistryState } from '../../core/registry/build-registry-state.js';
import { nextStageCounter } from '../../core/registry/next-stage-counter.js';
import { formatRegistryTag } from '../../core/registry/tag-grammar.js';
import type { RegistryTag } from '../../core/registry/registry-types.js';
import type { CommentCommandRequest } from './command-ports.js';
import type { CommentCommandPorts } from './comment-command-ports.js';
import type { CommandContext } from './load-command-context.js';
import type { PromotionInput } from './carry-out-promotion.js';

/** How many counters a stage tag tries when others take them first. */
const ATTEMPTS = 4;

/**
 * The registry's record that the environment runs the version, in GTO's format: the stage tag
 * `name#ENV#N` on the version's commit — or, for a default rollback, `name#ENV!#N` on the withdrawn
 * version's commit (the stage falls back to the version before it). N is one past the model's
 * highest counter; creating the tag's ref is the claim, so a counter taken meanwhile is read again
 * and the next one tried. Nothing is written when the ops repository was not changed and the stage
 * (as read on arrival) already names the version: a re-run. After a commit the tag is always written:
 * under the environment's lock, the last commit and the last stage tag are the same promotion's,
 * even when another promotion moved the stage since this command read it.
 */
export async function assignEnvironmentStage(
  input: PromotionInput,
  request: CommentCommandRequest,
  context: CommandContext,
  ports: CommentCommandPorts,
  write: {
    /** The ops repository was changed by this command. */
    committed: boolean;
    /** The version withdrawn (a default rollback), when it is still what ran just before the commit. */
    withdraw?: string;
  },
): Promise<string> {
  const model = context.registry.models.get(input.model);
  const held = model?.stages[input.environment];
  if (!write.committed && held?.version === input.version.version) return held.tag;
  const withdrawn = write.withdraw ? model?.versions.find((v) => v.version === write.withdraw) : undefined;
  const commit = withdrawn?.commit ?? input.version.commit;
  const verb = withdrawn ? 'Withdraw' : input.kind === 'rollback' ? 'Roll back to' : 'Promote';
  let tags: RegistryTag[] = context.tags;
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const name = formatRegistryTag({
      model: input.model,
      action: withdrawn ? 'unassign' : 'assign',
      stage: input.environment,
      counter: nextStageCounter(buildRegistryState(tags), input.model),
    });
    const written = await ports.stageTags.createTag({
      name,
      commit,
      message: [
        `${verb} ${input.model} ${withdrawn ? withdrawn.version : input.version.version} ${withdrawn ? 'from' : 'to'} ${input.environment}`,
        '',
        `Modelship-Requested-By: ${request.comment.author}`,
        `Modelship-Source: ${request.comment.url}`,
        '',
      ].join('\n'),
    });
    // An existing tag of that name on the same commit is this same assignment retried.
    if (written.created || written.existing.commit === commit) return name;
    tags = await ports.registry.listTags({ model: input.model });
  }
  throw new Error(
    `the stage tag of ${input.environment} kept being taken by other assignments (${ATTEMPTS} tries)`,
  );
}
