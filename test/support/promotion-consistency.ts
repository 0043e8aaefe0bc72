import assert from 'node:assert/strict';
import type { GitHubStandIn } from './github/server.js';

interface OpsCommit {
  sha: string;
  environment: string;
  version: string;
  previous?: string;
}

/**
 * Checks that the ops repository's history, the deployments and the stage tags agree, after any
 * number of concurrent or failing commands:
 * - each environment's promotion commits form a chain (each one's "was" is the version the one before
 *   it wrote): no update was lost;
 * - the manifests say what the last commit of each environment wrote;
 * - every ops commit has a deployment of that version that ended (success, or failure when a later
 *   step failed) — never one left in_progress;
 * - every stage tag has an ops commit of its version to its environment before it (no stage tag
 *   without its commit), and the registry's current stage is what the manifests say, unless the
 *   last promotion of that environment was reported failed (finished by a re-run).
 * Returns the number of ops commits.
 */
export async function checkConsistency(
  gh: GitHubStandIn,
  modelsName: string,
  opsName: string,
  environments: string[],
): Promise<number> {
  const [owner, repo] = modelsName.split('/') as [string, string];
  const [opsOwner, opsRepo] = opsName.split('/') as [string, string];
  const models = gh.state.repo(owner, repo)!;
  const ops = gh.state.repo(opsOwner, opsRepo)!;
  const log = await ops.git.git(['log', '--reverse', '--format=%H%x1f%B%x1e', 'refs/heads/main']);
  const commits: OpsCommit[] = log
    .split('\x1e')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .flatMap((entry) => {
      const [sha, body] = entry.split('\x1f') as [string, string];
      const model = /Modelship-Model: fraud@(\S+)/.exec(body)?.[1];
      const environment = /Modelship-Environment: (\S+)/.exec(body)?.[1];
      if (!model || !environment) return [];
      const previous = /Modelship-Previous: (\S+)/.exec(body)?.[1];
      return [{ sha, environment, version: model, ...(previous ? { previous } : {}) }];
    });

  const deployments = [...models.deployments.values()].map((d) => ({
    environment: d.environment as string,
    version: (d.payload as { version: string }).version,
    states: (models.deploymentStatuses.get(d.id as number) ?? []).map((s) => s.state as string),
  }));
  for (const d of deployments)
    assert.ok(
      // inactive: GitHub's auto_inactive, set on an earlier success when a later one succeeds.
      ['success', 'failure', 'inactive'].includes(d.states.at(-1) ?? ''),
      `a deployment of ${d.version} to ${d.environment} ended ${d.states.join('>') || 'without a status'}`,
    );

  const tags = (
    await models.git.git([
      'for-each-ref',
      '--sort=creatordate',
      '--format=%(refname:short) %(*objectname)',
      'refs/tags/',
    ])
  )
    .split('\n')
    .filter((l) => l.includes('#'));
  const versionOfCommit = new Map(
    (await models.git.git(['for-each-ref', '--format=%(refname:short) %(*objectname)', 'refs/tags/']))
      .split('\n')
      .filter((l) => l.includes('@v'))
      .map((l) => {
        const [name, commit] = l.split(' ') as [string, string];
        return [commit, name.split('@')[1]!];
      }),
  );

  for (const environment of environments) {
    const chain = commits.filter((c) => c.environment === environment);
    for (let i = 1; i < chain.length; i++)
      assert.equal(
        chain[i]!.previous,
        chain[i - 1]!.version,
        `lost update in ${environment} at ${chain[i]!.sha}`,
      );
    const file = await ops.git.git(['show', `refs/heads/main:apps/fraud/${environment}/values.yaml`]);
    const running = /tag: (\S+)/.exec(file)?.[1];
    if (chain.length)
      assert.equal(running, chain.at(-1)!.version, `${environment} runs what its last commit wrote`);
    for (const commit of chain)
      assert.ok(
        deployments.some((d) => d.environment === environment && d.version === commit.version),
        `ops commit ${commit.sha} (${commit.version} to ${environment}) has its deployment`,
      );
    for (const tag of tags.filter((t) => t.startsWith(`fraud#${environment}#`))) {
      const version = versionOfCommit.get(tag.split(' ')[1]!);
      assert.ok(
        chain.some((c) => c.version === version),
        `stage tag ${tag} (${version}) has an ops commit of that version to ${environment}`,
      );
    }
  }
  return commits.length;
}
