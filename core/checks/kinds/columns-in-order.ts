import { check, columnList } from '../check-fields.js';
import { z } from 'zod';
import { checkKind } from '../check-kind.js';
import type { CheckAccumulator, CheckOutcome, FinishContext } from '../accumulator.js';

/**
 * `columns-in-order`: the listed columns appear in this relative order (others may sit between);
 * with `exact`, the header is exactly the list.
 */
export class ColumnsInOrderCheck implements CheckAccumulator {
  constructor(private readonly check: z.output<typeof columnsInOrderSchema>) {}

  add(): void {}

  finish({ names }: FinishContext): CheckOutcome {
    const expected = this.check.columns;
    const problem = this.check.exact ? exactProblem(expected, names) : orderProblem(expected, names);
    return {
      success: problem === undefined,
      observed: [...names],
      unexpectedCount: 0,
      unexpectedPercent: 0,
      examples: [],
      message: problem ?? `the ${expected.length} columns are in order`,
    };
  }
}

function exactProblem(expected: readonly string[], names: readonly string[]): string | undefined {
  const length = Math.max(expected.length, names.length);
  for (let i = 0; i < length; i++) {
    if (expected[i] === names[i]) continue;
    if (names[i] === undefined)
      return `the header ends after ${names.length} columns; expected "${expected[i]}" next`;
    if (expected[i] === undefined)
      return `unexpected column "${names[i]}" at position ${i + 1} (after the ${expected.length} listed)`;
    return `column ${i + 1} is "${names[i]}", expected "${expected[i]}"`;
  }
  return undefined;
}

function orderProblem(expected: readonly string[], names: readonly string[]): string | undefined {
  const position = new Map(names.map((n, i) => [n, i]));
  const missing = expected.filter((c) => !position.has(c));
  if (missing.length > 0) return `missing ${missing.map((c) => `"${c}"`).join(', ')}`;
  for (let i = 1; i < expected.length; i++) {
    if (position.get(expected[i]!)! < position.get(expected[i - 1]!)!)
      return `"${expected[i]}" comes before "${expected[i - 1]}"`;
  }
  return undefined;
}

export const columnsInOrderSchema = check(
  'columns-in-order',
  'The listed columns appear in this relative order; with exact, the header is exactly this list.',
  {
    columns: columnList.describe('Columns in their expected order.'),
    exact: z.boolean().default(false).describe('Require the header to equal the list exactly.'),
  },
);

export const columnsInOrderKind = checkKind(columnsInOrderSchema, {
  create: (check) => new ColumnsInOrderCheck(check),
  header: true,
});
