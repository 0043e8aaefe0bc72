/** What a promotion commit's trailers say (promotion-commit-message.ts writes them). */
export interface PromotionTrailers {
  model: string;
  version: string;
  environment: string;
  previous?: string;
  requestedBy?: string;
  /** Where it was asked for: the app's command comment, a workflow run. */
  source?: string;
}

const TRAILER = /^(Modelship-[A-Za-z-]+):[ \t]*(.*?)\s*$/;

/**
 * The trailers of a promotion commit, read from the message's last paragraph as
 * `git interpret-trailers` does; undefined when it is not one (no `Modelship-Model: name@version`
 * or no `Modelship-Environment`). The first of a repeated trailer counts.
 */
export function parsePromotionTrailers(message: string): PromotionTrailers | undefined {
  const paragraphs = message
    .replace(/\r\n/g, '\n')
    .trim()
    .split(/\n\s*\n/);
  const last = paragraphs.at(-1) ?? '';
  const values = new Map<string, string>();
  for (const line of last.split('\n')) {
    const match = TRAILER.exec(line);
    if (match && !values.has(match[1]!.toLowerCase())) values.set(match[1]!.toLowerCase(), match[2]!);
  }
  const modelAt = values.get('modelship-model');
  const environment = values.get('modelship-environment');
  const at = modelAt?.lastIndexOf('@') ?? -1;
  if (!modelAt || at <= 0 || at === modelAt.length - 1 || !environment) return undefined;
  const optional = (key: string, name: keyof PromotionTrailers) => {
    const value = values.get(key);
    return value ? { [name]: value } : {};
  };
  return {
    model: modelAt.slice(0, at),
    version: modelAt.slice(at + 1),
    environment,
    ...optional('modelship-previous', 'previous'),
    ...optional('modelship-requested-by', 'requestedBy'),
    ...optional('modelship-source', 'source'),
  };
}
