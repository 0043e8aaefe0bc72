import { buildRegistryState } from '../../core/registry/build-registry-state.js';
import { nextStageCounter } from '../../core/registry/next-stage-counter.js';
import { formatRegistryTag } from '../../core/registry/tag-grammar.js';
import type { RegistryTag } from '../../core/registry/registry-types.js';
import type { ModelRepositoryPorts } from './merged-promotion-ports.js';

/** How many counters a stage tag tries when others take them first. */
const ATTEMPTS = 4;

/**
 * The stage tag `name#ENV#N` of a merged promotion pull request, as assign-environment-stage.ts
 * writes it for a direct commit — unless the stage already names the version (a redelivered merge,
 * or an earlier run stopped after the tag): then nothing is written and the holding tag is returned;
 * nor when the deployment already succeeded and the stage moved on since (`alreadyDone`).
 * Creating the tag's ref is the claim on the counter; a counter taken meanwhile is read again.
 */
export async function assignMergedStage(
  promotion: { model: string; version: string; environment: string; kind?: string },
  request: { requestedBy?: string; source?: string; pullRequestUrl: string },
  ports: Pick<ModelRepositoryPorts, 'registry' | 'stageTags'>,
  options: { alreadyDone: boolean },
): Promise<{ tag: string; written: boolean }> {
  const { model, version, environment } = promotion;
  let tags: RegistryTag[] = await ports.registry.listTags({ model });
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const state = buildRegistryState(tags);
    const held = state.models.get(model)?.stages[environment];
    if (held?.version === version) return { tag: held.tag, written: false };
    if (options.alreadyDone) {
      // The deployment already succeeded: the stage moved on since (a later promotion); this
      // promotion's own tag is the latest assignment of the version there — never a new one.
      const own = state.models
        .get(model)
        ?.events.filter((e) => e.action === 'assign' && e.stage === environment && e.version === version)
        .at(-1);
      if (own) return { tag: own.tag, written: false };
    }
    const commit = state.models.get(model)?.versions.find((v) => v.version === version)?.commit;
    if (!commit) throw new Error(`${model} ${version} is not in the registry of the model repository`);
    const name = formatRegistryTag({
      model,
      action: 'assign',
      stage: environment,
      counter: nextStageCounter(state, model),
    });
    const verb = promotion.kind === 'rollback' ? 'Roll back to' : 'Promote';
    const written = await ports.stageTags.createTag({
      name,
      commit,
      message: [
        `${verb} ${model} ${version} to ${environment}`,
        '',
        ...(request.requestedBy ? [`Modelship-Requested-By: ${request.requestedBy}`] : []),
        ...(request.source ? [`Modelship-Source: ${request.source}`] : []),
        `Modelship-Pull-Request: ${request.pullRequestUrl}`,
        '',
      ].join('\n'),
    });
    // An existing tag of that name on the same commit is this same assignment retried.
    if (written.created || written.existing.commit === commit) return { tag: name, written: written.created };
    tags = await ports.registry.listTags({ model });
  }
  throw new Error(
    `the stage tag of ${environment} kept being taken by other assignments (${ATTEMPTS} tries)`,
  );
}
