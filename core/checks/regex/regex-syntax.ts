/**
 * The syntax tree of a JavaScript regular expression (no flags, so not in unicode mode: a character
 * is a UTF-16 code unit), as far as a linear-time engine can run it. What it cannot run
 * (backreferences, lookaround) becomes an `unsupported` node that says what it is, so the caller can
 * still judge the rest of the pattern and name the feature in its message.
 */
export type RegexNode =
  /** One code unit from a set of ranges (`[lo, hi, lo, hi…]`, inclusive), or outside it when negated. */
  | { type: 'set'; ranges: number[]; negated: boolean }
  | { type: 'sequence'; items: RegexNode[] }
  | { type: 'alternation'; options: RegexNode[] }
  | { type: 'repeat'; body: RegexNode; min: number; max: number }
  | { type: 'assert'; kind: 'start' | 'end' | 'word-boundary' | 'not-word-boundary' }
  | { type: 'unsupported'; feature: string };

const DIGIT = [0x30, 0x39];
const WORD = [0x30, 0x39, 0x41, 0x5a, 0x5f, 0x5f, 0x61, 0x7a];
// JavaScript's \s: WhiteSpace and LineTerminator.
const SPACE = [
  0x09, 0x0d, 0x20, 0x20, 0xa0, 0xa0, 0x1680, 0x1680, 0x2000, 0x200a, 0x2028, 0x2029, 0x202f, 0x202f, 0x205f,
  0x205f, 0x3000, 0x3000, 0xfeff, 0xfeff,
];
/** `.` without the s flag: anything but a line terminator. */
const LINE_TERMINATORS = [0x0a, 0x0a, 0x0d, 0x0d, 0x2028, 0x2029];

/** Parses a pattern that `new RegExp(pattern)` accepts. */
export function parseRegex(pattern: string): RegexNode {
  return new Parser(pattern).parse();
}

class Parser {
  private at = 0;
  constructor(private readonly src: string) {}

  parse(): RegexNode {
    const node = this.alternation();
    if (this.at < this.src.length) return { type: 'unsupported', feature: `"${this.src.slice(this.at)}"` };
    return node;
  }

  private alternation(): RegexNode {
    const options = [this.sequence()];
    while (this.peek() === '|') {
      this.at++;
      options.push(this.sequence());
    }
    if (options.length === 1) return options[0]!;
    // `(a|b|c)` is one character from a set: no more ambiguous than `[abc]`.
    if (options.every((o) => o.type === 'set' && !o.negated))
      return {
        type: 'set',
        ranges: options.flatMap((o) => (o as { ranges: number[] }).ranges),
        negated: false,
      };
    return { type: 'alternation', options };
  }

  private sequence(): RegexNode {
    const items: RegexNode[] = [];
    while (this.at < this.src.length && this.peek() !== '|' && this.peek() !== ')') {
      const atom = this.atom();
      items.push(this.quantified(atom));
    }
    return items.length === 1 ? items[0]! : { type: 'sequence', items };
  }

  private quantified(atom: RegexNode): RegexNode {
    let node = atom;
    for (;;) {
      const c = this.peek();
      let min: number;
      let max: number;
      if (c === '*') [min, max] = [0, Infinity];
      else if (c === '+') [min, max] = [1, Infinity];
      else if (c === '?') [min, max] = [0, 1];
      else if (c === '{') {
        const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.at));
        if (!m) return node; // a literal brace (Annex B), read as an atom next
        min = Number(m[1]);
        max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
        this.at += m[0].length - 1;
      } else return node;
      this.at++;
      if (this.peek() === '?') this.at++; // lazy: the same verdict for a yes/no match
      node = { type: 'repeat', body: node, min, max };
    }
  }

  private atom(): RegexNode {
    const c = this.src[this.at++]!;
    switch (c) {
      case '^':
        return { type: 'assert', kind: 'start' };
      case '$':
        return { type: 'assert', kind: 'end' };
      case '.':
        return { type: 'set', ranges: LINE_TERMINATORS, negated: true };
      case '[':
        return this.characterClass();
      case '(':
        return this.group();
      case '\\':
        return this.escape();
      default:
        return literal(c.charCodeAt(0));
    }
  }

  private group(): RegexNode {
    let unsupported: string | undefined;
    if (this.src.startsWith('?:', this.at)) this.at += 2;
    else if (/^\?<[A-Za-z_$]/.test(this.src.slice(this.at))) this.at = this.src.indexOf('>', this.at) + 1;
    else if (this.peek() === '?') {
      const lookaround = /^\?(=|!|<=|<!)/.exec(this.src.slice(this.at));
      unsupported = lookaround ? 'a lookaround' : 'a group modifier';
      this.at += lookaround ? lookaround[0].length : 1;
    }
    const body = this.alternation();
    if (this.peek() !== ')') return { type: 'unsupported', feature: 'an unclosed group' };
    this.at++;
    return unsupported ? { type: 'unsupported', feature: unsupported } : body;
  }

  private escape(): RegexNode {
    const c = this.src[this.at++]!;
    if (c === 'b') return { type: 'assert', kind: 'word-boundary' };
    if (c === 'B') return { type: 'assert', kind: 'not-word-boundary' };
    if (/[1-9]/.test(c) || (c === 'k' && this.peek() === '<'))
      return { type: 'unsupported', feature: 'a backreference' };
    const set = this.classEscape(c);
    return set ?? { type: 'unsupported', feature: `the escape \\${c}` };
  }

  /** An escape that stands for characters, in or out of a class (`\d`, `\n`, `\x41`, `\.`…). */
  private classEscape(c: string): RegexNode | undefined {
    switch (c) {
      case 'd':
        return { type: 'set', ranges: DIGIT, negated: false };
      case 'D':
        return { type: 'set', ranges: DIGIT, negated: true };
      case 'w':
        return { type: 'set', ranges: WORD, negated: false };
      case 'W':
        return { type: 'set', ranges: WORD, negated: true };
      case 's':
        return { type: 'set', ranges: SPACE, negated: false };
      case 'S':
        return { type: 'set', ranges: SPACE, negated: true };
      case 't':
        return literal(0x09);
      case 'n':
        return literal(0x0a);
      case 'v':
        return literal(0x0b);
      case 'f':
        return literal(0x0c);
      case 'r':
        return literal(0x0d);
      case '0':
        return /[0-9]/.test(this.peek() ?? '') ? undefined : literal(0);
      case 'x':
      case 'u': {
        const m = (c === 'x' ? /^[0-9A-Fa-f]{2}/ : /^[0-9A-Fa-f]{4}/).exec(this.src.slice(this.at));
        if (!m) return undefined;
        this.at += m[0].length;
        return literal(parseInt(m[0], 16));
      }
      case 'c': {
        const letter = this.peek() ?? '';
        if (!/[A-Za-z]/.test(letter)) return undefined;
        this.at++;
        return literal(letter.charCodeAt(0) % 32);
      }
      default:
        // An escaped symbol stands for itself; an escaped letter or digit means something else.
        return /[A-Za-z0-9]/.test(c) ? undefined : literal(c.charCodeAt(0));
    }
  }

  private characterClass(): RegexNode {
    const negated = this.peek() === '^';
    if (negated) this.at++;
    const ranges: number[] = [];
    while (this.peek() !== ']') {
      if (this.at >= this.src.length) return { type: 'unsupported', feature: 'an unclosed class' };
      const low = this.classAtom();
      if (low === undefined) return { type: 'unsupported', feature: 'a class escape' };
      if (this.peek() === '-' && this.src[this.at + 1] !== ']' && this.at + 1 < this.src.length) {
        this.at++;
        const high = this.classAtom();
        if (
          high === undefined ||
          low.length !== 2 ||
          high.length !== 2 ||
          low[0] !== low[1] ||
          high[0] !== high[1]
        )
          return { type: 'unsupported', feature: 'a class range between sets' };
        ranges.push(low[0]!, high[0]!);
      } else ranges.push(...low);
    }
    this.at++;
    return { type: 'set', ranges, negated };
  }

  /** The ranges of one class member: a character, or an escape like `\d`. */
  private classAtom(): number[] | undefined {
    const c = this.src[this.at++]!;
    if (c !== '\\') return [c.charCodeAt(0), c.charCodeAt(0)];
    const e = this.src[this.at++]!;
    if (e === 'b') return [0x08, 0x08];
    if (e === '-') return [0x2d, 0x2d];
    const set = this.classEscape(e);
    if (set?.type !== 'set') return undefined;
    return set.negated ? complement(set.ranges) : set.ranges;
  }

  private peek(): string | undefined {
    return this.src[this.at];
  }
}

function literal(code: number): RegexNode {
  return { type: 'set', ranges: [code, code], negated: false };
}

/** The code units outside sorted, disjoint ranges. */
export function complement(ranges: readonly number[]): number[] {
  const out: number[] = [];
  let next = 0;
  for (let i = 0; i < ranges.length; i += 2) {
    if (ranges[i]! > next) out.push(next, ranges[i]! - 1);
    next = ranges[i + 1]! + 1;
  }
  if (next <= 0xffff) out.push(next, 0xffff);
  return out;
}
