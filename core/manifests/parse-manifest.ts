import { Composer, isAlias, LineCounter, Parser, visit, type Document } from 'yaml';
import { UserError } from '../errors.js';

/** A manifest parsed once: its documents (with their CST tokens) and where each offset is. */
export interface ParsedManifest {
  file: string;
  text: string;
  docs: Document.Parsed[];
  /** Anchor names each document's aliases refer to (anchors are per document). */
  aliased: Set<string>[];
  /** Every CST token of the stream, for the comments (setter markers). */
  tokens: unknown[];
  position(offset: number): { line: number; column: number };
}

/**
 * Parses the manifest through yaml's CST, keeping every source token, so each value found in the
 * documents points back at its exact bytes. An invalid file is refused with yaml's own first error.
 */
export function parseManifest(file: string, text: string): ParsedManifest {
  const lines = new LineCounter();
  const tokens = [...new Parser(lines.addNewLine).parse(text)];
  // merge: false keeps `<<` an ordinary key, so a value that only exists through a merge is seen
  // as what it is: somebody else's value, behind an alias.
  const docs = [...new Composer({ keepSourceTokens: true, merge: false }).compose(tokens)];
  const bom = text.startsWith('\uFEFF');
  const position = (offset: number) => {
    const { line, col } = lines.linePos(offset);
    return { line, column: bom && line === 1 ? Math.max(1, col - 1) : col };
  };
  for (const doc of docs) {
    const error = doc.errors[0];
    if (error) {
      const at = position(error.pos[0]);
      throw new UserError('data', `not valid YAML: ${error.message.split('\n')[0]}`, { file, ...at });
    }
  }
  const aliased = docs.map((doc) => {
    const names = new Set<string>();
    // Without a `*` anywhere there is no alias: skip the walk (a large values file rarely has one).
    if (!text.includes('*')) return names;
    visit(doc, {
      Alias(_key, node) {
        if (isAlias(node)) names.add(node.source);
      },
    });
    return names;
  });
  return { file, text, docs, aliased, tokens, position };
}
