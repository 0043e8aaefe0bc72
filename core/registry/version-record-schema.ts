import { z } from 'zod';

/**
 * The machine-readable part of a version's tag message (and of `model-card.json`): what was
 * registered, where its artifacts live and what vouches for it. Everything the promotion engine and
 * the app read about a version comes from here, so it is a contract: fields are only ever added.
 */
const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'must be a sha256 in lowercase hex (64 characters)');

export const artifactRecordSchema = z
  .object({
    /** File name as registered (the release asset's name, or the last part of the S3 key). */
    name: z.string().min(1),
    /** `https://…` download URL of a release asset, or `s3://bucket/key`. */
    uri: z.string().min(1),
    sha256: sha256Schema,
    size: z.number().int().nonnegative(),
    /** The S3 object's version id on a versioned bucket; fetch asks for exactly this version. */
    versionId: z.string().min(1).optional(),
  })
  .strict();
export type ArtifactRecord = z.output<typeof artifactRecordSchema>;

export const gateRecordSchema = z
  .object({
    verdict: z.enum(['passed', 'failed']),
    /** Rules checked, failed ones first (the gate report's own order). */
    rules: z
      .array(
        z
          .object({
            metric: z.string(),
            passed: z.boolean(),
            value: z.number().nullable(),
            baseline: z.number().nullable().optional(),
            interval: z.tuple([z.number(), z.number()]).optional(),
            reason: z.string().optional(),
          })
          .strict(),
      )
      .default([]),
  })
  .strict();
export type GateRecord = z.output<typeof gateRecordSchema>;

export const sliceRecordSchema = z
  .object({
    column: z.string(),
    /** The slice's value (or bin, e.g. `[18, 65)`) as text. */
    value: z.string(),
    rows: z.number().int().nonnegative(),
    metrics: z.record(z.string(), z.number().nullable()),
  })
  .strict();
export type SliceRecord = z.output<typeof sliceRecordSchema>;

export const versionRecordSchema = z
  .object({
    /** Format of this block. */
    schema: z.literal('modelship/version@1'),
    model: z.string(),
    version: z.string(),
    /** The commit that produced the model (the tag's target). */
    commit: z.string().regex(/^[0-9a-f]{40}$/),
    artifacts: z.array(artifactRecordSchema).min(1),
    /** Overall metrics on the holdout (name → value). */
    metrics: z.record(z.string(), z.number().nullable()).default({}),
    gate: gateRecordSchema.optional(),
    /** Metrics per slice of the holdout, as the evaluation reported them (the model card's slices). */
    slices: z.array(sliceRecordSchema).optional(),
    dataset: z.object({ location: z.string(), sha256: sha256Schema }).strict().optional(),
    /** The workflow run that registered it. */
    run: z.string().url().optional(),
    /** The version registered before it (the model card's lineage). */
    parent: z.string().optional(),
    /** Who registered it (the actor of the run, or the CLI's git identity). */
    registeredBy: z.string().optional(),
    /** URL of the build-provenance attestation, when one was made. */
    attestation: z.string().url().optional(),
  })
  .strict();
export type VersionRecord = z.output<typeof versionRecordSchema>;
