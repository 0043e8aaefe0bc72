import { UserError } from '../errors.js';

/**
 * SemVer 2.0.0 (https://semver.org) as GTO writes it in tags: `v` + MAJOR.MINOR.PATCH, an optional
 * `-prerelease` and `+build`. Numbers are kept as digit strings and compared by length then text,
 * so `v99999999999999999999.0.0` orders right without floating point.
 */
export interface Semver {
  major: string;
  minor: string;
  patch: string;
  /** Dot-separated identifiers after `-`; empty for a release. */
  prerelease: string[];
  /** Dot-separated identifiers after `+`; ignored by precedence. */
  build: string[];
}

const NUMBER = '0|[1-9][0-9]*';
const PRE_ID = '0|[1-9][0-9]*|[0-9]*[a-zA-Z-][0-9a-zA-Z-]*';
/** semver.org's own regular expression, ASCII digits only, without the leading `v`. */
export const SEMVER_PATTERN =
  `(${NUMBER})\\.(${NUMBER})\\.(${NUMBER})` +
  `(?:-((?:${PRE_ID})(?:\\.(?:${PRE_ID}))*))?` +
  `(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?`;
const SEMVER_RE = new RegExp(`^v?${SEMVER_PATTERN}$`);
const NUMERIC = /^[0-9]+$/;

/** `v1.2.3-rc.1+b5` or `1.2.3` → its parts; undefined when it is not SemVer 2.0. */
export function parseSemver(text: string): Semver | undefined {
  const m = SEMVER_RE.exec(text);
  if (!m) return undefined;
  return {
    major: m[1]!,
    minor: m[2]!,
    patch: m[3]!,
    prerelease: m[4] === undefined ? [] : m[4].split('.'),
    build: m[5] === undefined ? [] : m[5].split('.'),
  };
}

/** `v` + the canonical text of a parsed version. */
export function formatSemver(v: Semver): string {
  const pre = v.prerelease.length > 0 ? `-${v.prerelease.join('.')}` : '';
  const build = v.build.length > 0 ? `+${v.build.join('.')}` : '';
  return `v${v.major}.${v.minor}.${v.patch}${pre}${build}`;
}

/** Two digit strings without leading zeros, compared as the integers they write. */
function compareDigits(a: string, b: string): number {
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareIdentifier(a: string, b: string): number {
  const an = NUMERIC.test(a);
  const bn = NUMERIC.test(b);
  // Numeric identifiers compare as numbers and sort before alphanumeric ones (semver.org §11.4).
  if (an && bn) return compareDigits(a, b);
  if (an !== bn) return an ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * SemVer precedence: negative when `a` comes before `b`. Build metadata does not count; a
 * prerelease comes before its release (`v1.0.0-rc.1` < `v1.0.0`). Text that is not SemVer throws.
 */
export function compareSemver(a: string | Semver, b: string | Semver): number {
  const x = typeof a === 'string' ? mustParse(a) : a;
  const y = typeof b === 'string' ? mustParse(b) : b;
  const core =
    compareDigits(x.major, y.major) || compareDigits(x.minor, y.minor) || compareDigits(x.patch, y.patch);
  if (core !== 0) return core;
  if (x.prerelease.length === 0 || y.prerelease.length === 0) {
    return x.prerelease.length === y.prerelease.length ? 0 : x.prerelease.length === 0 ? 1 : -1;
  }
  const n = Math.min(x.prerelease.length, y.prerelease.length);
  for (let i = 0; i < n; i++) {
    const c = compareIdentifier(x.prerelease[i]!, y.prerelease[i]!);
    if (c !== 0) return c;
  }
  return Math.sign(x.prerelease.length - y.prerelease.length);
}

function mustParse(text: string): Semver {
  const v = parseSemver(text);
  if (!v) throw new Error(`not a SemVer version: ${JSON.stringify(text)}`);
  return v;
}

const increment = (digits: string) => (BigInt(digits) + 1n).toString();

/**
 * The next version, as GTO bumps (python-semver's bump_*): the chosen part goes up by one, the
 * lower parts reset, and any prerelease and build are dropped — `v1.2.3-rc.1` → patch → `v1.2.4`.
 */
export function bumpSemver(version: string, part: 'major' | 'minor' | 'patch'): string {
  const v = mustParse(version);
  const next: Semver =
    part === 'major'
      ? { major: increment(v.major), minor: '0', patch: '0', prerelease: [], build: [] }
      : part === 'minor'
        ? { major: v.major, minor: increment(v.minor), patch: '0', prerelease: [], build: [] }
        : { major: v.major, minor: v.minor, patch: increment(v.patch), prerelease: [], build: [] };
  return formatSemver(next);
}

/**
 * A version as people type it → the tag's form: `5.1.2` and `v5.1.2` → `v5.1.2`. Anything else is a
 * UserError that says what a version looks like.
 */
export function normalizeVersion(text: string, field = 'version'): string {
  const trimmed = text.trim();
  if (parseSemver(trimmed)) return trimmed.startsWith('v') ? trimmed : `v${trimmed}`;
  throw new UserError(
    'input',
    `${JSON.stringify(text)} is not a version: write MAJOR.MINOR.PATCH with an optional v, ` +
      'an optional -prerelease and +build (SemVer 2.0), e.g. v1.2.0, 1.2.0 or v2.0.0-rc.1',
    { field },
  );
}
