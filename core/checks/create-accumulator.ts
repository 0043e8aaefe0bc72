import type { CheckAccumulator } from './accumulator.js';
import type { CheckKindDef } from './check-kind.js';
import { CHECK_KIND_LIST } from './check-kinds.js';
import type { Check } from './check-schema.js';

const KINDS = new Map<string, CheckKindDef>(CHECK_KIND_LIST.map((kind) => [kind.name, kind as CheckKindDef]));

/** The kind of a loaded check (the schema admitted only registered kinds). */
export function kindOf(check: Check): CheckKindDef {
  return KINDS.get(check.check)!;
}

/** The accumulator that runs one check over the stream. */
export function createAccumulator(check: Check, maxExamples: number): CheckAccumulator {
  return kindOf(check).create(check, maxExamples);
}
