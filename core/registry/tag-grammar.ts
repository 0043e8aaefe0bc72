import { UserError, type ErrorLocation } from '../errors.js';
import type { RegistryAction, RegistryTagName } from './registry-types.js';
import { parseSemver, SEMVER_PATTERN } from './semver.js';

/**
 * GTO's tag grammar (gto/constants.py `tag_re`), restated:
 *   TAG      = ARTIFACT ( ( "#" STAGE | "@v" SEMVER ) "!"? | "@deprecated" | "@created" ) ( "#" COUNTER )?
 *   ARTIFACT = ( DIRNAME "=" )? NAME          (a monorepo's `path:name` is written `path=name`)
 *   NAME     = [a-zA-Z0-9] ( [a-zA-Z0-9_/-]* [a-zA-Z0-9] )?   (one character is valid, as in GTO)
 *   DIRNAME  = [a-zA-Z0-9_./-]+
 * One difference, on purpose: Python's `\d` also matches non-ASCII digits; ours are ASCII only.
 * test/core/registry/tag-grammar-gto.test.ts checks both directions against GTO's pattern in Python.
 */
const NAME = '[a-zA-Z0-9](?:[a-zA-Z0-9_/-]*[a-zA-Z0-9])?';
const DIRNAME = '[a-zA-Z0-9_./-]+';
const TAG_RE = new RegExp(
  `^((?:${DIRNAME}=)?${NAME})` +
    `(?:(?:#(${NAME})|@(v${SEMVER_PATTERN}))(!?)|@(deprecated|created))` +
    `(?:#([0-9]+))?$`,
);
/** A model name (`fraud`, `models/churn:xgb`) and a stage name, for schemas (GTO's rule). */
export const MODEL_NAME_PATTERN = `^(?:${DIRNAME}:)?${NAME}$`;
export const STAGE_NAME_PATTERN = `^${NAME}$`;
const NAME_RE = new RegExp(STAGE_NAME_PATTERN);
const FULLNAME_RE = new RegExp(MODEL_NAME_PATTERN);
// Capture groups of TAG_RE: 1 artifact, 2 stage, 3 version (4–8 inside SEMVER_PATTERN), 9 cancel, 10 deprecated|created, 11 counter.
const STAGE = 2;
const VERSION = 3;
const CANCEL = 9;
const MODEL_EVENT = 10;
const COUNTER = 11;

export type TagGrammarMatch =
  RegistryTagName | { tag: string; model: string; action: 'created'; counter?: number };

/**
 * Any tag GTO's grammar accepts, including `name@created` (an event GTO no longer writes and
 * that changes nothing here). Undefined when the grammar rejects the name.
 */
export function matchRegistryTag(tag: string): TagGrammarMatch | undefined {
  // Most tags of a repository are not the registry's: skip them before the regular expression.
  if (!tag.includes('@') && !tag.includes('#')) return undefined;
  const m = TAG_RE.exec(tag);
  if (!m) return undefined;
  const model = m[1]!.replace('=', ':');
  const counter = m[COUNTER] === undefined ? undefined : Number(m[COUNTER]);
  const withCounter = <T extends object>(parts: T) => (counter === undefined ? parts : { ...parts, counter });
  if (m[MODEL_EVENT] === 'created') return withCounter({ tag, model, action: 'created' as const });
  if (m[MODEL_EVENT] === 'deprecated') return withCounter({ tag, model, action: 'deprecate' as const });
  const cancel = m[CANCEL] === '!';
  if (m[VERSION] !== undefined) {
    const action: RegistryAction = cancel ? 'deregister' : 'register';
    return withCounter({ tag, model, action, version: m[VERSION] });
  }
  const action: RegistryAction = cancel ? 'unassign' : 'assign';
  return withCounter({ tag, model, action, stage: m[STAGE]! });
}

/** A tag name → what it says, by GTO's grammar; undefined for any other tag (and for `@created`). */
export function parseRegistryTagName(tag: string): RegistryTagName | undefined {
  const match = matchRegistryTag(tag);
  return match === undefined || match.action === 'created' ? undefined : match;
}

/**
 * A tag that was probably meant for the registry but that the grammar refuses (`fraud@v1.2`,
 * `fraud#prod#x`): it has `@v<digit>` or `#` after a valid model name. Reported, never read.
 */
export function looksLikeRegistryTag(tag: string): boolean {
  const at = /@v[0-9]|#/.exec(tag);
  if (!at) return false;
  const prefix = tag.slice(0, at.index).replace('=', ':');
  return FULLNAME_RE.test(prefix);
}

/** The tag for an event; every part is checked so that no tag we write is one GTO cannot read. */
export function formatRegistryTag(parts: Omit<RegistryTagName, 'tag'>): string {
  assertModelName(parts.model);
  let tag = parts.model.replace(':', '=');
  switch (parts.action) {
    case 'register':
    case 'deregister': {
      const version = parts.version ?? '';
      if (!version.startsWith('v') || !parseSemver(version)) {
        throw new UserError(
          'input',
          `${JSON.stringify(version)} is not a version: write v + SemVer, e.g. v1.2.0`,
          {
            field: 'version',
          },
        );
      }
      tag += `@${version}${parts.action === 'deregister' ? '!' : ''}`;
      break;
    }
    case 'assign':
    case 'unassign':
      assertStageName(parts.stage ?? '');
      tag += `#${parts.stage}${parts.action === 'unassign' ? '!' : ''}`;
      break;
    case 'deprecate':
      tag += '@deprecated';
      break;
  }
  if (parts.counter !== undefined) {
    if (!Number.isSafeInteger(parts.counter) || parts.counter < 0) {
      throw new Error(`a tag counter is a non-negative integer, got ${parts.counter}`);
    }
    tag += `#${parts.counter}`;
  }
  return tag;
}

const NAME_RULE =
  'letters, digits, "-", "_" and "/", starting and ending with a letter or digit, ' +
  'optionally after a folder and ":" in a monorepo';

function location(where: ErrorLocation | string | undefined, fallback: string): ErrorLocation {
  if (typeof where === 'string') return { field: where };
  return where ?? { field: fallback };
}

/**
 * GTO's model name rule (`fullname_re`: one character is enough), plus what git refuses in a tag
 * name (`//`, `..`, a part starting with `.` or `/`, a part ending with `.lock`). Throws a UserError.
 */
export function assertModelName(name: string, where?: ErrorLocation | string): void {
  // git check-ref-format refuses these in the folder part, which GTO's pattern allows.
  const gitRefuses = /\/\/|\.\.|(^|\/)[./]|\.lock\//.test(name);
  if (!FULLNAME_RE.test(name) || gitRefuses) {
    throw new UserError(
      'input',
      `${JSON.stringify(name)} is not a valid model name: use ${NAME_RULE} (e.g. fraud, fraud-detector/v2, models/churn:xgb)`,
      location(where, 'name'),
    );
  }
}

/** A stage is a NAME (no folder part): `prod`, `staging-eu`. */
export function assertStageName(stage: string, where?: ErrorLocation | string): void {
  if (!NAME_RE.test(stage)) {
    throw new UserError(
      'input',
      `${JSON.stringify(stage)} is not a valid stage: use letters, digits, "-", "_" and "/", starting and ending with a letter or digit (e.g. prod, staging-eu)`,
      location(where, 'stage'),
    );
  }
}
