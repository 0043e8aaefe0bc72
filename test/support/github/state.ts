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
  /** ISO time of creation (GitHub's created_at, updated_at and pushed_at). */
  createdAt: string;
  git: GitRepo;
  collaborators: Map<string, Permission>;
  checkRuns: Map<number, Record<string, unknown>>;
  releases: Map<number, Record<string, unknown>>;
  assets: Map<number, StoredAsset>;
  comments: Map<number, Record<string, unknown> & { issue_number: number }>;
  reactions: Map<number, Record<string, unknown>[]>;
  pulls: Map<number, Record<string, unknown>>;
  deployments: Map<number, Record<string, unknown>>;
  deploymentStatuses: Map<number, Record<string, unknown>[]>;
  dispatches: { event_type: string; client_payload: unknown }[];
  /** Issues and pull requests share this sequence. */
  nextIssueNumber: number;
  /** Plain issues by number (pull requests live in `pulls`; their labels and assignees too). */
  issues: Map<number, IssueRecord>;
  /** The repository's labels by lower-cased name (GitHub matches label names case-insensitively). */
  labels: Map<string, LabelRecord>;
  /** Reactions on issues and pull requests, by issue number (comment reactions are in `reactions`). */
  issueReactions: Map<number, Record<string, unknown>[]>;
  /**
   * Commit statuses by commit sha, oldest first (as created through `POST /statuses/{sha}`): what the
   * combined status and deployments' `required_contexts` read.
   */
  commitStatuses: Map<string, CommitStatus[]>;
  /** Workflow ids by path (`.github/workflows/x.yml`), handed out on first sight as GitHub does on push. */
  workflowIds: Map<string, number>;
  /** Accepted `workflow_dispatch` requests, for tests to assert on. */
  workflowDispatches: WorkflowDispatch[];
}

export interface IssueRecord {
  id: number;
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  state_reason: 'completed' | 'not_planned' | 'reopened' | 'duplicate' | null;
  /** Label names (lower-cased keys into `repo.labels`). */
  labels: string[];
  /** Assignee logins. */
  assignees: string[];
  user: User;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  closed_by: User | null;
}

export interface LabelRecord {
  id: number;
  name: string;
  color: string;
  description: string | null;
  default: boolean;
}

export interface CommitStatus {
  id: number;
  state: 'error' | 'failure' | 'pending' | 'success';
  context: string;
  description: string | null;
  target_url: string | null;
  creator: User;
  created_at: string;
  updated_at: string;
}

export interface WorkflowDispatch {
  workflowId: number;
  path: string;
  ref: string;
  /** The commit the ref pointed at when the dispatch was accepted. */
  sha: string;
  inputs: Record<string, unknown>;
  actor: string;
}

/** A release asset: its API representation, and its bytes in a file on disk (assets can be gigabytes). */
export interface StoredAsset {
  releaseId: number;
  meta: Record<string, unknown>;
  file: string;
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
  /** The stand-in's GitHub App (`GET /app`); the server sets its id. */
  readonly app = { id: 0, slug: 'modelship', name: 'Modelship', owner: 'modelship' };

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
      createdAt: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
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
      issues: new Map(),
      labels: new Map(),
      issueReactions: new Map(),
      commitStatuses: new Map(),
      workflowIds: new Map(),
      workflowDispatches: [],
    };
    this.repos.set(fullName.toLowerCase(), repo);
    return repo;
  }

  repo(owner: string, name: string): Repo | undefined {
    return this.repos.get(`${owner}/${name}`.toLowerCase());
  }
}
