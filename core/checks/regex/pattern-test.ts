import { backtrackingRisk } from './backtracking-risk.js';
import { linearRegex } from './linear-regex.js';
import { parseRegex, type RegexNode } from './regex-syntax.js';

export type PatternTest =
  { test: (text: string) => boolean; engine: 'native' | 'linear' } | { problem: string };

/**
 * How a `regex` check tests values. V8's engine backtracks: a pattern that repeats a group which
 * itself repeats or alternates (`^(a+)+$`) can take exponential time on one failing value — 40 s on
 * 30 characters — and `^.*a.*b.*c.*d$` polynomial time (11 s on 900); a running RegExp cannot be
 * stopped. Such patterns (see `backtrackingRisk`) run on a linear-time automaton instead; the rest
 * keep V8's speed. A risky pattern that also needs what an automaton cannot run (a backreference,
 * a lookaround) is refused.
 */
export function patternTest(pattern: string): PatternTest {
  const tree = parseRegex(pattern);
  const risk = backtrackingRisk(tree);
  if (risk === undefined) {
    // No `g` or `y` flag: `test` then keeps no state between values.
    const native = new RegExp(pattern);
    return { test: (text) => native.test(text), engine: 'native' };
  }
  const linear = linearRegex(tree);
  if (linear) return { test: linear, engine: 'linear' };
  const feature = firstUnsupported(tree) ?? 'too many repetitions';
  return {
    problem:
      risk === 'exponential'
        ? `this pattern can take exponential time on some values (it repeats a group that itself repeats or alternates), and it uses ${feature}, which the linear-time engine for such patterns cannot run; rewrite it without the nested repetition or without ${feature}`
        : `this pattern can take polynomial time on long values (two repetitions that can match the same characters, like .*a.*), and it uses ${feature}, which the linear-time engine for such patterns cannot run; make the repetitions match different characters (e.g. [^,]* instead of .*) or drop ${feature}`,
  };
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
