/**
 * git's rules for a full ref name (`git check-ref-format <name>`, without options), checked without
 * a git process: at least two components; no component empty, starting with `.` or ending with
 * `.lock`; no `..`, `@{`, backslash, control character, space, `~ ^ : ? * [`; not ending with `/`
 * or `.`; not `@`. test/github/stand-in-git-ref-name.test.ts compares it with git on hard cases.
 */
export function isValidRefName(name: string): boolean {
  if (name === '@' || name.includes('..') || name.includes('@{') || name.endsWith('.')) return false;
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x20\x7f~^:?*[\\]/.test(name)) return false;
  const components = name.split('/');
  if (components.length < 2) return false;
  return components.every((c) => c !== '' && !c.startsWith('.') && !c.endsWith('.lock'));
}
