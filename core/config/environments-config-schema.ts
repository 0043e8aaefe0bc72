import { z } from 'zod';

/**
 * The ops repository's `.github/modelship.yml` says what a promotion may change. It is read from the
 * ops repository's default branch only, so a pull request cannot change its own rules.
 */

const modelName = z
  .string()
  .regex(
    /^[a-zA-Z0-9](?:[a-zA-Z0-9_/-]*[a-zA-Z0-9])?$/,
    'must be a model name: letters, digits, "-", "_", "/", starting and ending with a letter or digit (e.g. fraud)',
  );

const targetBase = {
  file: z.string().min(1).describe('Path of the manifest in the ops repository.'),
  model: modelName.describe('The registered model this target follows.'),
  value: z
    .string()
    .min(1)
    .describe(
      'The value to write; placeholders: {name}, {version} (v5.1.0), {semver} (5.1.0), {uri}, {digest}.',
    ),
};

export const manifestTargetSchema = z.discriminatedUnion(
  'kind',
  [
    z
      .object({
        ...targetBase,
        kind: z.literal('image').describe("A container's image in any pod template."),
        container: z
          .string()
          .optional()
          .describe("The container's name; default: containers whose image repository matches the value's."),
      })
      .strict(),
    z
      .object({
        ...targetBase,
        kind: z
          .literal('kserve')
          .describe(
            'An InferenceService: spec.predictor.model.storageUri or spec.predictor.<framework>.storageUri.',
          ),
      })
      .strict(),
    z
      .object({
        ...targetBase,
        kind: z.literal('yaml').describe('Any scalar at a path.'),
        path: z.string().min(1).describe('a.b.c, list[0].x, or key["with.dots"]'),
      })
      .strict(),
    z
      .object({
        ...targetBase,
        kind: z
          .literal('kustomize-image')
          .describe('The images: entry whose name is `image`; sets newTag (or digest for a sha256 value).'),
        image: z.string().min(1),
      })
      .strict(),
  ],
  { error: 'kind must be one of image, kserve, yaml, kustomize-image' },
);
export type ManifestTarget = z.output<typeof manifestTargetSchema>;

const durationSchema = z
  .string()
  .regex(/^\d+(?:\.\d+)?\s*(?:s|m|h|d|w)$/, 'must be a duration such as 30m, 24h or 7d');

const roleSchema = z.enum(['read', 'triage', 'write', 'maintain', 'admin']);

export const environmentPolicySchema = z
  .object({
    'min-role': roleSchema
      .default('write')
      .describe('The least role (from the API, not the payload) that may promote here.'),
    users: z
      .array(z.string())
      .optional()
      .describe('When set, only these logins (still subject to min-role).'),
    teams: z
      .array(z.string())
      .optional()
      .describe('When set, members of these teams (org/team-slug) may promote.'),
  })
  .strict();
export type EnvironmentPolicy = z.output<typeof environmentPolicySchema>;

export const environmentSchema = z
  .object({
    branch: z
      .string()
      .optional()
      .describe("The ops branch Argo CD syncs; default: the repository's default branch."),
    mode: z
      .enum(['commit', 'pull-request'])
      .default('commit')
      .describe('Commit to the branch, or open / update one pull request per environment and model.'),
    targets: z.array(manifestTargetSchema).default([]).describe('The values a promotion changes.'),
    files: z
      .array(z.string().min(1))
      .optional()
      .describe(
        'Globs of files to scan for Flux-style setter comments: # {"$modelship": "fraud"} or "fraud:tag".',
      ),
    after: z.string().optional().describe('The environment a version must have run in first.'),
    soak: durationSchema.optional().describe('How long the version must have run in `after` (e.g. 24h).'),
    'require-gate': z.boolean().default(true).describe('Refuse a version whose gate did not pass.'),
    protected: z.boolean().default(false).describe('Commands must name this environment (no default).'),
    policy: environmentPolicySchema.prefault({}).describe('Who may promote to this environment.'),
    url: z.string().url().optional().describe('The environment_url of its GitHub deployments.'),
  })
  .strict();
export type Environment = z.output<typeof environmentSchema>;

export const environmentsSchema = z
  .record(
    z.string().regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/, 'must be an environment name such as staging'),
    environmentSchema,
  )
  .describe('Deployment environments (in the ops repository): what a promotion changes and who may do it.');
export type Environments = z.output<typeof environmentsSchema>;
