import { buildRegistryState } from '../../core/registry/build-registry-state.js';
import { nextStageCounter } from '../../core/registry/next-version.js';
import { formatRegistryTag } from '../../core/registry/tag-grammar.js';
import type { CommentCommandRequest } from './command-ports.js';
import type { CommentCommandPorts } from './comment-command-ports.js';
import type { CommandContext } from './load-command-context.js';
import type { PromotionInput } from './carry-out-promotion.js';

/** How many counters a stage assignment tries when others take them first. */
const ATTEMPTS = 4;

/**
 * The registry's record that the environment runs the version: the stage tag `name#ENV#N` on the
 * version's commit (GTO's format; N one past the model's highest counter). Creating the tag's ref is
 * the claim: a counter taken meanwhile is read again and the next one tried. A version that already
 * holds the stage is left as it is, so a re-run writes nothing.
 */
export async function assignEnvironmentStage(
  input: PromotionInput,
  request: CommentCommandRequest,
  context: CommandContext,
  ports: CommentCommandPorts,
): Promise<string> {
  const held = context.registry.models.get(input.model)?.stages[input.environment];
  if (held?.version === input.version.version) return held.tag;
  let tags = context.tags;
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const name = formatRegistryTag({
      model: input.model,
      action: 'assign',
      stage: input.environment,
      counter: nextStageCounter(buildRegistryState(tags), input.model),
    });
    const written = await ports.stageTags.createTag({
      name,
      commit: input.version.commit,
      message: [
        `${input.kind === 'rollback' ? 'Roll back' : 'Promote'} ${input.model} ${input.version.version} to ${input.environment}`,
        '',
        `Modelship-Requested-By: ${request.comment.author}`,
        `Modelship-Source: ${request.comment.url}`,
        '',
      ].join('\n'),
    });
    if (written.created || written.existing.commit === input.version.commit) return name;
    tags = await ports.registry.listTags({ model: input.model });
  }
  throw new Error(`the stage tag of ${input.environment} kept being taken by other assignments (${ATTEMPTS} tries)`);
}
