import { check, column, mostly } from '../check-fields.js';
import { z } from 'zod';
import { checkKind } from '../check-kind.js';
import { formatCount } from '../describe.js';
import { VALUE } from '../numeric-reader.js';
import { ValueCheck, type NumericRule, type TextRule } from '../value-check.js';

/** Distinct disallowed values kept to show what came instead. */
const SHOWN_UNEXPECTED = 20;

/**
 * `allowed-values`: every value is one of the list. A list of numbers compares numbers (so `1.0` in
 * a text column is the allowed `1`); any other list compares text (`true`, `ST-001`).
 */
export function allowedValuesCheck(
  check: z.output<typeof allowedValuesSchema>,
  maxExamples: number,
): ValueCheck {
  const unexpected = new Set<string | number>();
  const note = (value: string | number) => {
    if (unexpected.size < SHOWN_UNEXPECTED) unexpected.add(value);
  };
  const common = {
    mostly: check.mostly,
    failure: `are not among the ${formatCount(check.values.length)} allowed values`,
    passing: 'are allowed values',
    /** The distinct values that are not allowed (the first 20). */
    observed: () => [...unexpected],
  };
  if (check.values.every((v) => typeof v === 'number')) {
    const allowed = new Set<number>(check.values as number[]);
    const rule: NumericRule = {
      ...common,
      domain: 'number',
      judge: (values, state, fails) => {
        let failed = 0;
        for (let i = 0; i < state.length; i++) {
          if (state[i] !== VALUE) continue;
          const ok = allowed.has(values[i]!);
          fails[i] = ok ? 0 : 1;
          if (!ok) {
            failed++;
            note(values[i]!);
          }
        }
        return failed;
      },
    };
    return new ValueCheck(rule, maxExamples);
  }
  const allowed = new Set(check.values.map(String));
  const rule: TextRule = {
    ...common,
    test: (text) => allowed.has(text),
    seen: (text, passed) => {
      if (!passed) note(text);
    },
  };
  return new ValueCheck(rule, maxExamples);
}

export const allowedValuesSchema = check('allowed-values', 'Every value is one of the listed values.', {
  column,
  values: z
    .array(z.union([z.string(), z.number(), z.boolean()]))
    .min(1)
    .describe('The allowed values (strings, numbers or booleans).'),
  mostly,
});

export const allowedValuesKind = checkKind(allowedValuesSchema, {
  create: (check, maxExamples) => allowedValuesCheck(check, maxExamples),
  forcesText: (check) => check.values.some((v) => typeof v === 'string'),
});
