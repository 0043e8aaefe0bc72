import { z } from 'zod';
import { MODEL_NAME_PATTERN, STAGE_NAME_PATTERN } from '../registry/tag-grammar.js';

/**
 * `registry:` in `.github/modelship.yml`: how `register` and the stage commands write the registry
 * (git tags in GTO's format, GitHub Releases for the model cards).
 */
const stageSchema = z
  .string()
  .regex(
    new RegExp(STAGE_NAME_PATTERN),
    'must be a stage name: letters, digits, "-", "_", "/", starting and ending with a letter or digit (e.g. prod)',
  );

const STORAGE_RULE = 'must be "release" or s3://bucket/prefix (e.g. s3://acme-models/registry)';

export const registryStorageSchema = z
  .union(
    [
      z.literal('release').describe('Model files are assets of the version’s GitHub Release.'),
      z
        .string()
        .regex(/^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](?:\/[^\s]*)?$/, STORAGE_RULE)
        .describe(
          'Model files go to s3://bucket/prefix/<model>/<sha256>/<file>, content-addressed (with the object version id on a versioned bucket).',
        ),
    ],
    { error: STORAGE_RULE },
  )
  .describe(
    'Where registered model files live: "release" (GitHub Release assets, up to 2 GiB each) or s3://bucket/prefix.',
  );

export const registryConfigSchema = z
  .object({
    name: z
      .string()
      .regex(
        new RegExp(MODEL_NAME_PATTERN),
        'must be a model name: letters, digits, "-", "_", "/", starting and ending with a letter or digit, optionally after a folder and ":" (e.g. fraud, models/churn:xgb)',
      )
      .optional()
      .describe('The model name `register` uses when none is given (e.g. fraud).'),
    stages: z
      .array(stageSchema)
      .min(1, 'must list at least one stage, or be left out to allow any')
      .optional()
      .describe(
        'The stages that may be assigned (e.g. [staging, prod]); assigning any other is refused. Default: any stage.',
      ),
    storage: registryStorageSchema.default('release'),
  })
  .strict();

export type RegistryConfig = z.output<typeof registryConfigSchema>;
