import { z } from 'zod';
import { dataFormatSchema } from '../config/validate-config-schema.js';
import type { CheckKindDef } from './check-kind.js';
import { CHECK_KIND_LIST } from './check-kinds.js';

/**
 * The checks file: a `checks:` list of entries discriminated by `check`, each validated by its kind's
 * schema (core/checks/kinds/), and where the data lives.
 */

type SchemasOf<T extends readonly unknown[]> = {
  -readonly [I in keyof T]: T[I] extends CheckKindDef<infer S> ? S : never;
};
const checkOptions = CHECK_KIND_LIST.map((kind) => kind.schema) as unknown as SchemasOf<
  typeof CHECK_KIND_LIST
>;

/** Every check kind, in the order the documentation lists them. */
export const CHECK_KINDS = CHECK_KIND_LIST.map((kind) => kind.name);

export const checkSchema = z
  .discriminatedUnion('check', checkOptions, {
    error: (issue) => {
      if (issue.code !== 'invalid_union') return undefined;
      const kind = (issue.input as { check?: unknown } | undefined)?.check;
      const head = kind === undefined ? 'missing "check:"' : `unknown check ${JSON.stringify(kind)}`;
      return `${head}; the checks are: ${CHECK_KINDS.join(', ')}`;
    },
  })
  .describe('One check on the data.');

export const checksFileSchema = z
  .object({
    checks: z
      .array(checkSchema, {
        error: (issue) =>
          issue.input === undefined
            ? 'missing: a checks file lists its checks under a "checks:" key'
            : issue.input === null
              ? 'is empty, so there is nothing to check: list the checks under it'
              : undefined,
      })
      .min(1, { error: 'the list is empty, so there is nothing to check' })
      .describe('The checks to run on the data.'),
    data: z
      .object({
        path: z.string().min(1).optional().describe('Data to check: a path, a glob or an s3:// URI.'),
        format: dataFormatSchema.optional(),
        delimiter: z
          .string()
          .length(1)
          .optional()
          .describe('CSV field delimiter (default "," and tab for .tsv).'),
      })
      .strict()
      .optional()
      .describe('Where the data lives, used when no data is given otherwise.'),
  })
  .strict()
  .describe('A Modelship checks file: declarative checks on a dataset.');

export type Check = z.output<typeof checkSchema>;
export type CheckKind = Check['check'];
export type ChecksFile = z.output<typeof checksFileSchema>;
/** The parameters of one kind of check. */
export type CheckOf<K extends CheckKind> = Extract<Check, { check: K }>;
