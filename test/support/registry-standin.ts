import type { GitHubStandIn } from './github/server.js';

/** A stand-in repository with `count` commits on main (oldest first): distinct commits to register. */
export async function seedModelRepository(
  gh: GitHubStandIn,
  fullName: string,
  count: number,
): Promise<{ commits: string[]; gitDir: string }> {
  const repo = await gh.createRepo(fullName, { files: { 'train.py': 'print("train")\n' } });
  const commits = [repo.headSha];
  const tree = await repo.git.git(['rev-parse', `${repo.headSha}^{tree}`]);
  for (let i = 1; i < count; i++)
    commits.push(await repo.git.commit(tree, [commits.at(-1)!], `training run ${i}`));
  await repo.git.updateRef(`refs/heads/${repo.defaultBranch}`, commits.at(-1)!);
  return { commits, gitDir: repo.git.dir };
}

/** `git` in the stand-in's backing bare repository, as a person would check it. */
export async function gitIn(gh: GitHubStandIn, fullName: string, args: string[]): Promise<string> {
  const [owner, name] = fullName.split('/') as [string, string];
  return gh.state.repo(owner, name)!.git.git(args);
}
