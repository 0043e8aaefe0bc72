/** Markdown with its code spans and fenced blocks removed: what GitHub scans for mentions and HTML. */
export function outsideCode(markdown: string): string {
  const withoutBlocks = markdown.replace(/^(`{3,})[^\n]*\n[\s\S]*?^\1\s*$/gm, '');
  return withoutBlocks.replace(/(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g, '');
}

/** `@name` GitHub would turn into a mention (outside code, not preceded by a word character). */
export function mentionsIn(markdown: string): string[] {
  return [...outsideCode(markdown).matchAll(/(?<![\w`])@[A-Za-z0-9][\w-]*/g)].map((m) => m[0]);
}

/** Raw HTML tags outside code. */
export function htmlIn(markdown: string): string[] {
  return [...outsideCode(markdown).matchAll(/<\/?[a-z][^>]*>/gi)]
    .map((m) => m[0])
    .filter((tag) => !/^<\/?(details|summary)\b/.test(tag) && !tag.startsWith('<!--'));
}
