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
  const thompson = new ThompsonMatcher(program);
  // Word boundaries depend on the next character too, which a DFA state cannot hold.
  if (program.some((p) => p.op === ASSERT && (p.kind === WORD_BOUNDARY || p.kind === NOT_WORD_BOUNDARY)))
    return thompson.test;
  return new LazyDfa(program, thompson).test;
}

/** DFA states kept before the cache starts over (each holds a 128-entry table). */
const MAX_DFA_STATES = 4_000;

interface DfaState {
  /** The automaton's CHAR states, and its END assertions waiting to learn whether the text ends here. */
  pcs: Int32Array;
  matched: boolean;
  /** Whether the text may end here: 1, 0, or -1 until asked. */
  acceptsAtEnd: number;
  /** Next state per ASCII code unit (-1: not computed yet). */
  ascii: Int32Array;
  other: Map<number, number>;
}

/**
 * The same automaton, with each set of states it reaches built once and cached as a DFA state, so a
 * character usually costs one table lookup (RE2's approach): an order of magnitude faster than
 * advancing every state each time. Still linear: at most one new state per character, and the
 * cache starts over when full.
 */
class LazyDfa {
  private states: DfaState[] = [];
  private byKey = new Map<string, number>();
  private startState = -1;
  private readonly mark: Uint32Array;
  private generation = 0;
  private readonly stack: Int32Array;
  private readonly found: Int32Array;

  constructor(
    private readonly program: readonly Instruction[],
    private readonly thompson: ThompsonMatcher,
  ) {
    this.mark = new Uint32Array(program.length);
    this.stack = new Int32Array(program.length * 2 + 2);
    this.found = new Int32Array(program.length);
  }

  readonly test = (text: string): boolean => {
    // The empty text is at its start and its end at once; the automaton's own search handles it.
    if (text.length === 0) return this.thompson.test(text);
    let state = this.start();
    for (let at = 0; at < text.length; at++) {
      if (this.states[state]!.matched) return true;
      const code = text.charCodeAt(at);
      const current = this.states[state]!;
      let next = code < 128 ? current.ascii[code]! : (current.other.get(code) ?? -1);
      if (next < 0) {
        if (this.states.length >= MAX_DFA_STATES) {
          // Full: start the cache over from the current state, as RE2 does; memory stays bounded
          // and each character still costs at most one new state.
          this.reset();
          next = this.step(this.states[this.intern(current.pcs)]!, code);
        } else {
          next = this.step(current, code);
          if (code < 128) current.ascii[code] = next;
          else current.other.set(code, next);
        }
      }
      state = next;
    }
    const last = this.states[state]!;
    if (last.matched) return true;
    if (last.acceptsAtEnd < 0) last.acceptsAtEnd = this.endAccepts(last) ? 1 : 0;
    return last.acceptsAtEnd === 1;
  };

  private start(): number {
    if (this.startState < 0) this.startState = this.intern(this.closure([0], true));
    return this.startState;
  }

  private reset(): void {
    this.states = [];
    this.byKey = new Map();
    this.startState = -1;
  }

  /** The state after one code unit: the moves of the CHAR states, plus a new search start. */
  private step(state: DfaState, code: number): number {
    const starts: number[] = [];
    for (const pc of state.pcs) {
      const p = this.program[pc]!;
      if (p.op === CHAR && setHas(p.ranges!, p.negated!, code)) starts.push(p.next);
    }
    starts.push(0);
    return this.intern(this.closure(starts, false));
  }

  /** The CHAR states and pending END assertions reachable from `starts`; null when MATCH is. */
  private closure(starts: readonly number[], atStart: boolean): Int32Array | null {
    const gen = ++this.generation;
    const stack = this.stack;
    let count = 0;
    for (const start of starts) {
      let top = 0;
      stack[top++] = start;
      while (top > 0) {
        const pc = stack[--top]!;
        if (this.mark[pc] === gen) continue;
        this.mark[pc] = gen;
        const p = this.program[pc]!;
        if (p.op === MATCH) return null;
        if (p.op === CHAR) this.found[count++] = pc;
        else if (p.op === JUMP) stack[top++] = p.next;
        else if (p.op === SPLIT) {
          stack[top++] = p.alt;
          stack[top++] = p.next;
        } else if (p.kind === END) this.found[count++] = pc;
        else if (p.kind === START && atStart) stack[top++] = p.next;
      }
    }
    return this.found.slice(0, count).sort();
  }

  private intern(pcs: Int32Array | null): number {
    const key = pcs === null ? 'match' : pcs.join(',');
    const known = this.byKey.get(key);
    if (known !== undefined) return known;
    const id = this.states.length;
    this.states.push({
      pcs: pcs ?? new Int32Array(0),
      matched: pcs === null,
      acceptsAtEnd: pcs === null ? 1 : -1,
      ascii: new Int32Array(128).fill(-1),
      other: new Map(),
    });
    this.byKey.set(key, id);
    return id;
  }

  /** Whether some pending END assertion, now true, leads to MATCH (past the start of a non-empty text). */
  private endAccepts(state: DfaState): boolean {
    const gen = ++this.generation;
    const stack = this.stack;
    let top = 0;
    for (const pc of state.pcs) if (this.program[pc]!.op === ASSERT) stack[top++] = this.program[pc]!.next;
    while (top > 0) {
      const pc = stack[--top]!;
      if (this.mark[pc] === gen) continue;
      this.mark[pc] = gen;
      const p = this.program[pc]!;
      if (p.op === MATCH) return true;
      if (p.op === JUMP) stack[top++] = p.next;
      else if (p.op === SPLIT) {
        stack[top++] = p.alt;
        stack[top++] = p.next;
      } else if (p.op === ASSERT && p.kind === END) stack[top++] = p.next;
    }
    return false;
  }
}

function setHas(ranges: readonly number[], negated: boolean, code: number): boolean {
  let inside = false;
  for (let i = 0; i < ranges.length; i += 2) {
    if (code >= ranges[i]! && code <= ranges[i + 1]!) {
      inside = true;
      break;
    }
  }
  return inside !== negated;
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
