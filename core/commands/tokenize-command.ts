/** A word of a command line, with where it stands (an unquoted `--reason` takes the rest of the line). */
export interface CommandToken {
  text: string;
  quoted: boolean;
  /** Offsets in the line: the token's first character (its opening quote) and one past its last. */
  start: number;
  end: number;
}

/**
 * Closing quotes for each opening one. Phones and some keyboards turn `"` into “ ” or „ “, so the
 * typographic pairs count too, leniently (either curly quote closes).
 */
const QUOTES: Readonly<Record<string, readonly string[]>> = {
  '"': ['"'],
  "'": ["'"],
  '“': ['”', '“'],
  '„': ['“', '”'],
  '‘': ['’', '‘'],
};

/** Phones turn `--` into an em or en dash; a flag written so is read as the flag. */
const DASH_FLAG = /^[—–−](?=[a-z])/u;

const SPACE = /\s/u;

/**
 * Splits a command line into words on whitespace; a word that starts with a quote runs to its
 * closing quote, which must end the word. Throws a plain-text message for an unclosed quote.
 */
export function tokenizeCommand(line: string): CommandToken[] {
  const tokens: CommandToken[] = [];
  let i = 0;
  while (i < line.length) {
    if (SPACE.test(line[i]!)) {
      i++;
      continue;
    }
    const start = i;
    const closers = QUOTES[line[i]!];
    if (closers) {
      let j = i + 1;
      while (j < line.length && !closers.includes(line[j]!)) j++;
      if (j >= line.length) throw new Error(`the quote opened at column ${start + 1} is not closed`);
      if (j + 1 < line.length && !SPACE.test(line[j + 1]!))
        throw new Error(`the quoted text at column ${start + 1} must be followed by a space`);
      tokens.push({ text: line.slice(i + 1, j), quoted: true, start, end: j + 1 });
      i = j + 1;
      continue;
    }
    while (i < line.length && !SPACE.test(line[i]!)) i++;
    tokens.push({ text: line.slice(start, i).replace(DASH_FLAG, '--'), quoted: false, start, end: i });
  }
  return tokens;
}
