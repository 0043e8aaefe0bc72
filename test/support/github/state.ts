import { join } from 'node:path';
import { GitRepo } from './git-repo.js';

export type Permission = 'admin' | 'maintain' | 'write' | 'triage' | 'read' | 'none';

export interface User {
  login: string;
  id: number;
  type: 'User' | 'Bot';
}

export interface Repo {
  id: number;
  owner: User;
  name: string;
  fullName: string;
  defaultBranch: string;
  private: boolean;
  git: GitRepo;
  collaborators: Map<string, Permission>;
  checkRuns: Map<number, Record<string, unknown>>;
  releases: Map<number, Record<string, unknown>>;
  assets: Map<number, { releaseId: number; meta: Record<string, unknown>; content: Buffer }>;
  comments: Map<number, Record<string, unknown> & { issue_number: number }>;
  reactions: Map<number, Record<string, unknown>[]>;
  pulls: Map<number, Record<string, unknown>>;
  deployments: Map<number, Record<string, unknown>>;
  deploymentStatuses: Map<number, Record<string, unknown>[]>;
  dispatches: { event_type: string; client_payload: unknown }[];
  nextIssueNumber: number;
}

export interface Installation {
  id: number;
  account: User;
  repos: Set<string>;
  permissions: Record<string, string>;
}

export interface Token {
  /** Who acts: a user's login, or the app's bot. */
  actor: User;
  /** Repositories the token may see (undefined: every repository). */
  repos?: Set<string>;
  installationId?: number;
  /** An installation token's permissions (`contents: 'write'`, …); undefined for a user's token. */
  permissions?: Record<string, string>;
  expiresAt?: number;
}

/** Everything the stand-in knows, in memory, with each repository's git data in a bare repo on disk. */
export class GitHubState {
  private nextId = 1000;
  readonly repos = new Map<string, Repo>();
  readonly users = new Map<string, User>();
  readonly installations = new Map<number, Installation>();
  readonly tokens = new Map<string, Token>();

  constructor(readonly root: string) {}

  id(): number {
    return this.nextId++;
  }

  user(login: string, type: User['type'] = 'User'): User {
    let user = this.users.get(login);
    if (!user) {
      user = { login, id: this.id(), type };
      this.users.set(login, user);
    }
    return user;
  }

  async createRepo(
    fullName: string,
    options: { defaultBranch?: string; private?: boolean } = {},
  ): Promise<Repo> {
    const [owner, name] = fullName.split('/') as [string, string];
    const defaultBranch = options.defaultBranch ?? 'main';
    const repo: Repo = {
      id: this.id(),
      owner: this.user(owner),
      name,
      fullName,
      defaultBranch,
      private: options.private ?? false,
      git: await GitRepo.init(join(this.root, `${fullName}.git`), defaultBranch),
      collaborators: new Map([[owner, 'admin']]),
      checkRuns: new Map(),
      releases: new Map(),
      assets: new Map(),
      comments: new Map(),
      reactions: new Map(),
      pulls: new Map(),
      deployments: new Map(),
      deploymentStatuses: new Map(),
      dispatches: [],
      nextIssueNumber: 1,
    };
    this.repos.set(fullName.toLowerCase(), repo);
    return repo;
  }

  repo(owner: string, name: string): Repo | undefined {
    return this.repos.get(`${owner}/${name}`.toLowerCase());
  }
}
