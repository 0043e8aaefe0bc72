import { UserError } from '../../errors.js';
import { DEFAULT_MISSING_TOKENS, MissingTokens } from '../infer/missing-tokens.js';
import type { CsvOptions } from '../types.js';

export interface CsvDialect {
  delimiter: number;
  quote: number;
  missing: MissingTokens;
}

/** Delimiter, quote and missing tokens for one file: options first, then the file's extension. */
export function csvDialect(file: string, options: CsvOptions = {}): CsvDialect {
  const tsv = /\.tsv(\.gz)?$/i.test(file);
  const delimiter = singleByte(options.delimiter ?? (tsv ? '\t' : ','), 'delimiter', file);
  const quote = singleByte(options.quote ?? '"', 'quote', file);
  if (delimiter === quote)
    throw new UserError('usage', 'the CSV delimiter and quote character must differ', { file });
  return { delimiter, quote, missing: new MissingTokens(options.nullValues ?? DEFAULT_MISSING_TOKENS) };
}

function singleByte(text: string, what: string, file: string): number {
  const normalized = text === '\\t' ? '\t' : text;
  if (
    normalized.length !== 1 ||
    normalized.charCodeAt(0) > 0x7f ||
    normalized === '\n' ||
    normalized === '\r'
  ) {
    throw new UserError(
      'usage',
      `the CSV ${what} must be one ASCII character other than a line break, not ${JSON.stringify(text)}`,
      {
        file,
        field: what,
      },
    );
  }
  return normalized.charCodeAt(0);
}
