/**
 * Whether git writes `name` or `email` into an ident line exactly as given: git trims "crud"
 * (whitespace and `.,:;<>"\'` at either end) and drops `<`, `>` and line breaks, so only text
 * without any of those is written here without git; anything else still goes through git itself.
 */
// eslint-disable-next-line no-control-regex -- control characters are what git trims or drops
const SAFE = /^[^\0-\x20.,:;<>"\\'](?:[^\0-\x1f<>]*[^\0-\x20.,:;<>"\\'])?$/;

export function isPlainIdent(text: string): boolean {
  return SAFE.test(text);
}

/** The local time zone as git writes it (`+0100`), for the instant `ms`: what git takes from TZ. */
export function gitTimeZone(ms: number): string {
  const offset = -new Date(ms).getTimezoneOffset();
  const abs = Math.abs(offset);
  const hhmm = `${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
  return `${offset < 0 ? '-' : '+'}${hhmm}`;
}
