import { linearRegex } from './linear-regex.js';
import { parseRegex, type RegexNode } from './regex-syntax.js';

export type PatternTest =
  { test: (text: string) => boolean; engine: 'native' | 'linear' } | { problem: string };

/**
 * How a `regex` check tests values. V8's engine backtracks: a pattern that repeats a group which
 * itself repeats or alternates (`^(a+)+$`, `(\w+\s?)*`, `(x|xy)+`) can take exponential time on one
 * failing value — 40 s on 30 characters — and a running RegExp cannot be stopped. Such patterns run
 * on a linear-time automaton instead; the rest (nearly every real pattern) keep V8's speed. A risky
 * pattern that also uses what an automaton cannot run (a backreference, a lookaround) is refused.
 */
export function patternTest(pattern: string): PatternTest {
  const tree = parseRegex(pattern);
  const risk = nestedRepeat(tree);
  if (!risk) {
    // No `g` or `y` flag: `test` then keeps no state between values.
    const native = new RegExp(pattern);
    return { test: (text) => native.test(text), engine: 'native' };
  }
  const linear = linearRegex(tree);
  if (linear) return { test: linear, engine: 'linear' };
  const feature = firstUnsupported(tree) ?? 'too many repetitions';
  return {
    problem: `this pattern can take exponential time on some values (it repeats a group that itself repeats or alternates), and it uses ${feature}, which the linear-time engine for such patterns cannot run; rewrite it without the nested repetition or without ${feature}`,
  };
}

/** Whether some repetition (max above 1) has a body that repeats or alternates. */
function nestedRepeat(node: RegexNode): boolean {
  switch (node.type) {
    case 'sequence':
      return node.items.some(nestedRepeat);
    case 'alternation':
      return node.options.some(nestedRepeat);
    case 'repeat':
      if (node.max > 1 && ambiguous(node.body)) return true;
      return nestedRepeat(node.body);
    default:
      return false;
  }
}

/** Whether a node can match the same text in more than one way, or match text of several lengths. */
function ambiguous(node: RegexNode): boolean {
  switch (node.type) {
    case 'sequence':
      return node.items.some(ambiguous);
    case 'alternation':
    case 'repeat':
      return true;
    default:
      return false;
  }
}

function firstUnsupported(node: RegexNode): string | undefined {
  switch (node.type) {
    case 'unsupported':
      return node.feature;
    case 'sequence':
      return node.items.map(firstUnsupported).find((f) => f !== undefined);
    case 'alternation':
      return node.options.map(firstUnsupported).find((f) => f !== undefined);
    case 'repeat':
      return firstUnsupported(node.body);
    default:
      return undefined;
  }
}
