import { pullHandlers } from './handlers/pulls.js';
import type { HandlerContext, HandlerResult } from './context.js';
import type { GitHubState, Repo } from './state.js';

/** A repository with `files` committed on its default branch, as a test's starting point. */
export async function seedRepo(
  state: GitHubState,
  fullName: string,
  options: { files?: Record<string, string>; private?: boolean; defaultBranch?: string },
): Promise<Repo & { headSha: string }> {
  const repo = await state.createRepo(fullName, options);
  const files = options.files ?? { 'README.md': `# ${repo.name}\n` };
  const tree = await treeWith(repo, files);
  const headSha = await repo.git.commit(tree, [], 'Initial commit');
  await repo.git.updateRef(`refs/heads/${repo.defaultBranch}`, headSha, '');
  return Object.assign(repo, { headSha });
}

async function treeWith(repo: Repo, files: Record<string, string>, base?: string) {
  const entries = await Promise.all(
    Object.entries(files).map(async ([path, content]) => ({
      path,
      mode: '100644',
      sha: await repo.git.writeBlob(Buffer.from(content)),
    })),
  );
  return repo.git.makeTree(entries, base);
}

/** A branch `head` off the default branch with `files` changed, and a pull request from it, opened by the owner. */
export async function seedPullRequest(
  state: GitHubState,
  links: { baseUrl: string; uploadsUrl: string },
  repo: Repo,
  head: string,
  files: Record<string, string>,
  title: string,
): Promise<number> {
  const base = (await repo.git.refSha(`refs/heads/${repo.defaultBranch}`))!;
  const tree = await treeWith(repo, files, (await repo.git.commitInfo(base))!.tree);
  await repo.git.updateRef(`refs/heads/${head}`, await repo.git.commit(tree, [base], title), '');
  const ctx = {
    repo: () => repo,
    token: { actor: repo.owner },
    state,
    ...links,
    body: { title, head, base: repo.defaultBranch },
  } as unknown as HandlerContext;
  const created: HandlerResult = await pullHandlers['pulls/create']!(ctx);
  await created.commit?.();
  return (created.body as { number: number }).number;
}
