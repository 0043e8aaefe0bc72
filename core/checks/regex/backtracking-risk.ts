import { complement, type RegexNode } from './regex-syntax.js';

/** A repetition longer than this counts as unbounded: two such in a row are already 10⁴ tries per start. */
const LONG_REPEAT = 100;

/**
 * Whether V8's backtracking engine can take far more than linear time on some value:
 * - exponential: a repetition whose body itself repeats or alternates (`^(a+)+$`, `(x|xy)*`);
 * - polynomial: two long repetitions that can trade characters, with nothing between them that
 *   only one of them could match (`^.*a.*b.*c$`, `\s*\s*x`, `^(.*),(.*)$`) — 11 s on 900 characters.
 * A sound approximation, not an exact analysis: it errs on the side of "risky", which only costs
 * speed (the pattern then runs on the linear-time engine).
 */
export function backtrackingRisk(tree: RegexNode): 'exponential' | 'polynomial' | undefined {
  if (nestedRepeat(tree)) return 'exponential';
  if (tradingRepeats(tree)) return 'polynomial';
  return undefined;
}

function nestedRepeat(node: RegexNode): boolean {
  switch (node.type) {
    case 'sequence':
      return node.items.some(nestedRepeat);
    case 'alternation':
      return node.options.some(nestedRepeat);
    case 'repeat':
      return (node.max > 1 && ambiguous(node.body)) || nestedRepeat(node.body);
    default:
      return false;
  }
}

/** Whether a node can match the same text in more than one way, or text of several lengths. */
function ambiguous(node: RegexNode): boolean {
  switch (node.type) {
    case 'sequence':
      return node.items.some(ambiguous);
    case 'alternation':
    case 'repeat':
      return true;
    case 'unsupported':
      return node.feature === 'a backreference';
    default:
      return false;
  }
}

interface Shape {
  /** The code units it may consume, as sorted disjoint inclusive ranges. */
  chars: number[];
  /** The code units it may start with. */
  first: number[];
  /** It may consume an unbounded (or very long) run of text. */
  long: boolean;
  /** It may match the empty string. */
  empty: boolean;
}

function tradingRepeats(node: RegexNode): boolean {
  switch (node.type) {
    case 'sequence': {
      const items = flatten(node.items);
      const shapes = items.map(shape);
      for (let i = 0; i < shapes.length; i++) {
        if (!shapes[i]!.long) continue;
        for (let j = i + 1; j < shapes.length; j++) {
          const between = shapes[j]!;
          if (between.long && intersects(shapes[i]!.chars, between.first)) return true;
          // Past an item the first repetition cannot swallow, the two can no longer trade.
          if (!between.empty && !subset(between.chars, shapes[i]!.chars)) break;
        }
      }
      return items.some(tradingRepeats);
    }
    case 'alternation':
      return node.options.some(tradingRepeats);
    case 'repeat':
      return tradingRepeats(node.body);
    default:
      return false;
  }
}

/** Groups are transparent: `(?:a.*)(b.*)` is the sequence `a .* b .*`. */
function flatten(items: readonly RegexNode[]): RegexNode[] {
  return items.flatMap((item) => (item.type === 'sequence' ? flatten(item.items) : [item]));
}

function shape(node: RegexNode): Shape {
  switch (node.type) {
    case 'set': {
      const ranges = normalize(node.ranges);
      const chars = node.negated ? complement(ranges) : ranges;
      return { chars, first: chars, long: false, empty: false };
    }
    case 'assert':
      return { chars: [], first: [], long: false, empty: true };
    case 'unsupported':
      // A backreference repeats what a group took (anything); a lookaround consumes nothing.
      return node.feature === 'a backreference'
        ? { chars: [0, 0xffff], first: [0, 0xffff], long: true, empty: true }
        : { chars: [], first: [], long: false, empty: true };
    case 'sequence': {
      const parts = node.items.map(shape);
      const leading = parts.findIndex((p) => !p.empty);
      return {
        chars: normalize(parts.flatMap((p) => p.chars)),
        first: normalize(parts.slice(0, leading < 0 ? parts.length : leading + 1).flatMap((p) => p.first)),
        long: parts.some((p) => p.long),
        empty: leading < 0,
      };
    }
    case 'alternation': {
      const parts = node.options.map(shape);
      return {
        chars: normalize(parts.flatMap((p) => p.chars)),
        first: normalize(parts.flatMap((p) => p.first)),
        long: parts.some((p) => p.long),
        empty: parts.some((p) => p.empty),
      };
    }
    case 'repeat': {
      const body = shape(node.body);
      return {
        ...body,
        long: body.long || (node.max > LONG_REPEAT && body.chars.length > 0),
        empty: node.min === 0 || body.empty,
      };
    }
  }
}

function normalize(ranges: readonly number[]): number[] {
  const pairs: [number, number][] = [];
  for (let i = 0; i < ranges.length; i += 2) pairs.push([ranges[i]!, ranges[i + 1]!]);
  pairs.sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  for (const [lo, hi] of pairs) {
    if (out.length > 0 && lo <= out[out.length - 1]! + 1)
      out[out.length - 1] = Math.max(out[out.length - 1]!, hi);
    else out.push(lo, hi);
  }
  return out;
}

function intersects(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i += 2)
    for (let j = 0; j < b.length; j += 2) if (a[i]! <= b[j + 1]! && b[j]! <= a[i + 1]!) return true;
  return false;
}

/** Every range of `a` lies within one range of `b` (b normalized, so merged ranges are whole). */
function subset(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i += 2) {
    let inside = false;
    for (let j = 0; j < b.length; j += 2) if (a[i]! >= b[j]! && a[i + 1]! <= b[j + 1]!) inside = true;
    if (!inside) return false;
  }
  return true;
}
