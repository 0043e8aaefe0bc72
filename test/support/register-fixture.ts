import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RegisterPorts } from '../../jobs/register/register-ports.js';
import {
  resolveRegisterSettings,
  type RegisterOverrides,
  type RegisterSettings,
} from '../../jobs/register/register-settings.js';
import { modelshipConfigSchema } from '../../core/config/modelship-config-schema.js';
import { createGitHubClient } from '../../platform/github/client.js';
import { githubRegistryTags } from '../../platform/registry/github-registry-tags.js';
import { githubRegistryTagsWriter } from '../../platform/registry/github-registry-tags-writer.js';
import { registerPortsFor } from '../../platform/registry/register-ports-for.js';
import type { StorageEnvironment } from '../../platform/context/storage-environment.js';
import type { GitHubStandIn } from './github/server.js';

/** What the evaluate-model action writes (the fields the gate and the registry read). */
export const evaluationReport = {
  task: 'binary',
  rows: 2000,
  metrics: { accuracy: 0.91, roc_auc: 0.934, log_loss: 0.25 },
  slices: [{ column: 'plan', value: 'pro', rows: 800, metrics: { roc_auc: 0.96 } }],
};

/** What the metric-gate action writes (core/report/gate/gate-json.ts). */
export const gateReport = {
  name: 'churn',
  passed: true,
  failures: [],
  notes: [],
  task: 'binary',
  rows: { candidate: 2000, production: 2000 },
  sources: { candidate: 'cand.json', production: 'prod.json' },
  metrics: {
    roc_auc: {
      candidate: 0.934,
      production: 0.92,
      difference: 0.014,
      interval: { low: 0.004, high: 0.024, confidence: 0.95 },
      passed: true,
      failures: [],
    },
    accuracy: {
      candidate: 0.91,
      production: 0.9,
      difference: 0.01,
      interval: null,
      passed: null,
      failures: [],
    },
  },
};

/** A workspace with a model file, the two reports and a dataset. */
export function registerWorkspace(prefix = 'modelship-register-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  mkdirSync(join(dir, 'model'));
  writeFileSync(join(dir, 'model/churn.onnx'), 'ONNX churn model, trained');
  writeFileSync(join(dir, 'evaluation.json'), JSON.stringify(evaluationReport));
  writeFileSync(join(dir, 'gate-report.json'), JSON.stringify(gateReport));
  writeFileSync(join(dir, 'holdout.csv'), 'plan,churned\npro,0\nfree,1\n');
  return dir;
}

export const names = {
  name: '--name',
  files: '--model',
  version: '--version',
  storage: '--storage',
  force: '--force',
  datasetSha256: '--dataset-sha256',
  attestation: '--attestation-url',
};

export function settingsFor(commit: string, overrides: RegisterOverrides = {}): RegisterSettings {
  return resolveRegisterSettings(
    modelshipConfigSchema.parse({}),
    {
      name: 'churn',
      files: ['model/churn.onnx'],
      evaluation: 'evaluation.json',
      gate: 'gate-report.json',
      dataset: 'holdout.csv',
      ...overrides,
    },
    names,
    { commit, run: 'https://github.com/acme/models/actions/runs/7', registeredBy: 'ada' },
  );
}

/** The register job's ports against the stand-in, as the action wires them. */
export function standInPorts(
  gh: GitHubStandIn,
  cwd: string,
  settings: RegisterSettings,
  options: { token?: string; env?: StorageEnvironment; fullName?: string } = {},
): RegisterPorts & { close(): Promise<void> } {
  const fullName = options.fullName ?? 'acme/models';
  const [owner, repo] = fullName.split('/') as [string, string];
  const octokit = createGitHubClient({
    token: options.token ?? gh.createWorkflowToken(fullName),
    baseUrl: gh.url,
    pacing: false,
    retries: 0,
  });
  return registerPortsFor({
    cwd,
    tags: {
      reader: githubRegistryTags(octokit, fullName),
      writer: githubRegistryTagsWriter(octokit, fullName),
    },
    github: { octokit, repository: { owner, repo }, serverUrl: gh.webUrl },
    storage: settings.storage,
    env: options.env ?? {},
  });
}
