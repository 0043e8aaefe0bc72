import type { RegexNode } from './regex-syntax.js';

const CHAR = 0;
const SPLIT = 1;
const JUMP = 2;
const ASSERT = 3;
const MATCH = 4;

const START = 0;
const END = 1;
const WORD_BOUNDARY = 2;
const NOT_WORD_BOUNDARY = 3;

/** Most instructions a compiled pattern may have (`(a{1,100}){1,100}` would need 10,000). */
export const MAX_PROGRAM = 20_000;

interface Instruction {
  op: number;
  /** CHAR: the set's ranges; ASSERT: unused. */
  ranges?: readonly number[];
  negated?: boolean;
  /** ASSERT: which. */
  kind?: number;
  /** The next instruction (CHAR, JUMP, ASSERT) or the first branch (SPLIT). */
  next: number;
  /** SPLIT: the second branch. */
  alt: number;
}

/**
 * A search (`RegExp.prototype.test` without flags) that runs in time linear in the text: the
 * pattern becomes a Thompson automaton, and every state it can be in is advanced one character at
 * a time together, so no input makes it backtrack. Slower than V8's engine on ordinary patterns,
 * hence used only for the patterns that could make V8 backtrack without end. Returns undefined when
 * the pattern holds something an automaton cannot run (`unsupported` nodes) or is too large.
 */
export function linearRegex(tree: RegexNode): ((text: string) => boolean) | undefined {
  const program: Instruction[] = [];
  const emit = (instruction: Instruction) => program.push(instruction) - 1;
  let supported = true;

  // Emits `node` with its exits patched to the instruction emitted after it.
  const compile = (node: RegexNode): void => {
    if (program.length > MAX_PROGRAM) {
      supported = false;
      return;
    }
    switch (node.type) {
      case 'set':
        emit({ op: CHAR, ranges: node.ranges, negated: node.negated, next: program.length + 1, alt: -1 });
        return;
      case 'assert': {
        const kind = {
          start: START,
          end: END,
          'word-boundary': WORD_BOUNDARY,
          'not-word-boundary': NOT_WORD_BOUNDARY,
        }[node.kind];
        emit({ op: ASSERT, kind, next: program.length + 1, alt: -1 });
        return;
      }
      case 'sequence':
        for (const item of node.items) compile(item);
        return;
      case 'alternation': {
        const jumps: number[] = [];
        node.options.forEach((option, i) => {
          const last = i === node.options.length - 1;
          const split = last ? -1 : emit({ op: SPLIT, next: program.length + 1, alt: -1 });
          compile(option);
          if (!last) {
            jumps.push(emit({ op: JUMP, next: -1, alt: -1 }));
            program[split]!.alt = program.length;
          }
        });
        for (const j of jumps) program[j]!.next = program.length;
        return;
      }
      case 'repeat': {
        for (let i = 0; i < node.min; i++) compile(node.body);
        if (node.max === Infinity) {
          const split = emit({ op: SPLIT, next: program.length + 1, alt: -1 });
          compile(node.body);
          emit({ op: JUMP, next: split, alt: -1 });
          program[split]!.alt = program.length;
          return;
        }
        const splits: number[] = [];
        for (let i = node.min; i < node.max; i++) {
          splits.push(emit({ op: SPLIT, next: program.length + 1, alt: -1 }));
          compile(node.body);
          if (!supported) return;
        }
        for (const s of splits) program[s]!.alt = program.length;
        return;
      }
      case 'unsupported':
        supported = false;
        return;
    }
  };
  compile(tree);
  emit({ op: MATCH, next: -1, alt: -1 });
  if (!supported || program.length > MAX_PROGRAM) return undefined;
  return new ThompsonMatcher(program).test;
}

class ThompsonMatcher {
  private readonly ops: Int32Array;
  private readonly next: Int32Array;
  private readonly alt: Int32Array;
  private readonly kinds: Int32Array;
  private readonly sets: (readonly number[])[];
  private readonly negated: Uint8Array;
  private readonly mark: Uint32Array;
  private generation = 0;
  private current: Int32Array;
  private following: Int32Array;
  private readonly stack: Int32Array;

  constructor(program: readonly Instruction[]) {
    const n = program.length;
    this.ops = Int32Array.from(program, (p) => p.op);
    this.next = Int32Array.from(program, (p) => p.next);
    this.alt = Int32Array.from(program, (p) => p.alt);
    this.kinds = Int32Array.from(program, (p) => p.kind ?? 0);
    this.sets = program.map((p) => p.ranges ?? []);
    this.negated = Uint8Array.from(program, (p) => (p.negated ? 1 : 0));
    this.mark = new Uint32Array(n);
    this.current = new Int32Array(n);
    this.following = new Int32Array(n);
    this.stack = new Int32Array(n * 2 + 2);
  }

  readonly test = (text: string): boolean => {
    let count = 0;
    for (let at = 0; at <= text.length; at++) {
      // A search: a match may start at every position.
      this.generation++;
      const gen = this.generation;
      let added = 0;
      const list = this.following;
      for (let i = 0; i < count; i++) {
        const pc = this.current[i]!;
        if (this.matches(pc, text.charCodeAt(at - 1))) {
          const result = this.close(this.next[pc]!, text, at, gen, list, added);
          if (result < 0) return true;
          added = result;
        }
      }
      const result = this.close(0, text, at, gen, list, added);
      if (result < 0) return true;
      this.following = this.current;
      this.current = list;
      count = result;
    }
    return false;
  };

  /** Adds the CHAR states reachable from `start` at `at` to `list`; -1 when MATCH is reachable. */
  private close(
    start: number,
    text: string,
    at: number,
    gen: number,
    list: Int32Array,
    added: number,
  ): number {
    const stack = this.stack;
    let top = 0;
    stack[top++] = start;
    while (top > 0) {
      const pc = stack[--top]!;
      if (this.mark[pc] === gen) continue;
      this.mark[pc] = gen;
      switch (this.ops[pc]) {
        case CHAR:
          list[added++] = pc;
          break;
        case MATCH:
          return -1;
        case JUMP:
          stack[top++] = this.next[pc]!;
          break;
        case SPLIT:
          stack[top++] = this.alt[pc]!;
          stack[top++] = this.next[pc]!;
          break;
        case ASSERT:
          if (holds(this.kinds[pc]!, text, at)) stack[top++] = this.next[pc]!;
          break;
      }
    }
    return added;
  }

  private matches(pc: number, code: number): boolean {
    const ranges = this.sets[pc]!;
    let inside = false;
    for (let i = 0; i < ranges.length; i += 2) {
      if (code >= ranges[i]! && code <= ranges[i + 1]!) {
        inside = true;
        break;
      }
    }
    return inside !== (this.negated[pc] === 1);
  }
}

function holds(kind: number, text: string, at: number): boolean {
  if (kind === START) return at === 0;
  if (kind === END) return at === text.length;
  const boundary = isWord(text.charCodeAt(at - 1)) !== isWord(text.charCodeAt(at));
  return kind === WORD_BOUNDARY ? boundary : !boundary;
}

function isWord(code: number): boolean {
  // charCodeAt out of range is NaN: no word character there.
  return (
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x41 && code <= 0x5a) ||
    code === 0x5f ||
    (code >= 0x61 && code <= 0x7a)
  );
}
