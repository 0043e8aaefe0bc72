import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const IDENTITY = {
  GIT_AUTHOR_NAME: 'Ada',
  GIT_AUTHOR_EMAIL: 'ada@example.com',
  GIT_COMMITTER_NAME: 'Ada',
  GIT_COMMITTER_EMAIL: 'ada@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
};

/** A throw-away git repository with a few commits, and tags made the way GTO makes them (`git tag -a`). */
export class RegistryRepo {
  readonly commits: string[] = [];
  private clock = Date.parse('2026-01-01T00:00:00Z') / 1000;

  constructor(readonly dir: string) {}

  static create(prefix = 'modelship-registry-', commits = 3): RegistryRepo {
    const repo = new RegistryRepo(mkdtempSync(join(tmpdir(), prefix)));
    repo.git(['init', '--quiet', '--initial-branch=main']);
    // Also for the code under test, which runs git with the process's own environment.
    repo.git(['config', 'user.name', 'Ada']);
    repo.git(['config', 'user.email', 'ada@example.com']);
    for (let i = 0; i < commits; i++) repo.commit(`commit ${i}`);
    return repo;
  }

  git(args: string[], env: Record<string, string> = {}, input?: string): string {
    return execFileSync('git', args, {
      cwd: this.dir,
      env: { ...process.env, ...IDENTITY, ...env },
      input,
      encoding: 'utf8',
    }).trimEnd();
  }

  commit(message: string): string {
    this.git(['commit', '--quiet', '--allow-empty', '-m', message]);
    const sha = this.git(['rev-parse', 'HEAD']);
    this.commits.push(sha);
    return sha;
  }

  /** `git tag -a NAME -m MESSAGE COMMIT` as GTO runs it; each tag one minute after the last. */
  tag(name: string, commit: string, message: string, who = 'Ada'): void {
    this.clock += 60;
    this.git(['tag', '-a', name, '-m', message, commit], {
      GIT_COMMITTER_NAME: who,
      GIT_COMMITTER_EMAIL: `${who.toLowerCase()}@example.com`,
      GIT_COMMITTER_DATE: `${this.clock} +0000`,
    });
  }

  lightweight(name: string, commit: string): void {
    this.git(['tag', name, commit]);
  }

  /** The time the next tag written by someone else should carry, after every tag made here. */
  now(): string {
    this.clock += 60;
    return new Date(this.clock * 1000).toISOString();
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** GTO's messages (gto/tag.py and gto/api.py). */
export const gtoMessage = {
  register: (name: string, version: string) => `Registering artifact ${name} version ${version}`,
  assign: (name: string, version: string, stage: string) =>
    `Assigning stage ${stage} to artifact ${name} version ${version}`,
  unassign: (name: string, version: string, stage: string) =>
    `Unassigning stage ${stage} to artifact ${name} version ${version}`,
  deregister: (name: string, version: string) => `Deregistering artifact ${name} version ${version}`,
  deprecate: (name: string) => `Deprecating artifact ${name}`,
};
