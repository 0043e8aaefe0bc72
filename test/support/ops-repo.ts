import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const IDENTITY = {
  GIT_AUTHOR_NAME: 'Ops',
  GIT_AUTHOR_EMAIL: 'ops@example.com',
  GIT_COMMITTER_NAME: 'Ops',
  GIT_COMMITTER_EMAIL: 'ops@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
};

/** A throw-away ops repository: a checkout with `files` committed on `main` (or a bare one). */
export class OpsRepo {
  constructor(readonly dir: string) {}

  static create(files: Record<string, string>, options: { bare?: boolean } = {}): OpsRepo {
    const work = new OpsRepo(mkdtempSync(join(tmpdir(), 'modelship-ops-')));
    work.git(['init', '--quiet', '--initial-branch=main']);
    work.git(['config', 'user.name', 'Ops']);
    work.git(['config', 'user.email', 'ops@example.com']);
    work.git(['config', 'core.autocrlf', 'false']);
    work.write(files);
    work.git(['add', '-A']);
    work.git(['commit', '--quiet', '-m', 'initial']);
    if (!options.bare) return work;
    const bare = new OpsRepo(mkdtempSync(join(tmpdir(), 'modelship-ops-bare-')));
    bare.git(['clone', '--quiet', '--bare', work.dir, bare.dir]);
    bare.git(['config', 'user.name', 'Ops']);
    bare.git(['config', 'user.email', 'ops@example.com']);
    work.remove();
    return bare;
  }

  git(args: string[], input?: string): string {
    return execFileSync('git', args, {
      cwd: this.dir,
      env: { ...process.env, ...IDENTITY },
      encoding: 'utf8',
      ...(input !== undefined ? { input } : {}),
    }).trimEnd();
  }

  write(files: Record<string, string>): void {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(this.dir, path)), { recursive: true });
      writeFileSync(join(this.dir, path), text);
    }
  }

  /** Commits files on the checked-out branch (a checkout only). */
  commit(files: Record<string, string>, message = 'change'): string {
    this.write(files);
    this.git(['add', '-A']);
    this.git(['commit', '--quiet', '-m', message]);
    return this.head();
  }

  head(branch = 'main'): string {
    return this.git(['rev-parse', `refs/heads/${branch}`]);
  }

  show(path: string, rev = 'main'): string {
    return execFileSync('git', ['show', `${rev}:${path}`], { cwd: this.dir, encoding: 'utf8' });
  }

  /** Every ref with its sha: a test compares it before and after to prove nothing was written. */
  refs(): string {
    return this.git(['for-each-ref', '--format=%(refname) %(objectname)']);
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
