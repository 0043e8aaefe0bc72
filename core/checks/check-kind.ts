import type { z } from 'zod';
import type { CheckAccumulator } from './accumulator.js';

/** What a check kind is: the schema of its entries in a checks file and what runs it on the data. */
export interface CheckKindSpec<S extends z.ZodType> {
  /** The accumulator that runs one check of this kind over the stream. */
  create(check: z.output<S>, maxExamples: number): CheckAccumulator;
  /** Reads only the header: its columns need not exist in the data's values, let alone be decoded. */
  header?: boolean;
  /** Needs its column's text as written (so `"01234"` is not read as 1234). */
  forcesText?(check: z.output<S>): boolean;
}

export interface CheckKindDef<S extends z.ZodType = z.ZodType> extends CheckKindSpec<S> {
  name: string;
  schema: S;
}

/** One entry of the registry (check-kinds.ts), named by its schema's `check` literal. */
export function checkKind<S extends z.ZodType & { shape?: unknown }>(
  schema: S,
  spec: CheckKindSpec<S>,
): CheckKindDef<S> {
  return { ...spec, name: kindName(schema), schema };
}

function kindName(schema: z.ZodType): string {
  // A kind's schema is an object (possibly refined) whose `check` is a literal.
  const def = (schema as unknown as { shape?: { check?: { value?: string } } }).shape;
  const name = def?.check?.value;
  if (typeof name !== 'string') throw new Error('a check kind schema needs a literal "check"');
  return name;
}
