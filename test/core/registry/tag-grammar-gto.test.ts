import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { formatRegistryTag, matchRegistryTag } from '../../../core/registry/tag-grammar.js';
import type { RegistryTagName } from '../../../core/registry/registry-types.js';

/**
 * The oracle: GTO's tag pattern (gto/constants.py, `tag_re`, with `fullname_in_tag` expanded: the
 * `:` of a monorepo name is `=` in tags), run by Debian's Python on every generated name. Python
 * says what matches and what each group holds; our grammar must agree in both directions.
 */
const GTO_TAG_RE = String.raw`
import json, re, sys
dirname = "[a-zA-Z0-9-_./]+"
name = r"[a-zA-Z0-9]([a-zA-Z0-9-/_]*[a-zA-Z0-9])?"
semver = r"(?P<major>0|[1-9]\d*)\.(?P<minor>0|[1-9]\d*)\.(?P<patch>0|[1-9]\d*)(?:-(?P<prerelease>(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+(?P<buildmetadata>[0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?"
counter = "?P<counter>[0-9]+"
fullname_in_tag = f"(?P<dirname>{dirname}=)?(?P<name>{name})"
tag_re = re.compile(
    f"^(?P<artifact>{fullname_in_tag})(((#(?P<stage>{name})|@(?P<version>v{semver}))(?P<cancel>!?))|@((?P<deprecated>deprecated)|(?P<created>created)))(#({counter}))?$"
)
out = []
for t in json.load(sys.stdin):
    m = tag_re.search(t)
    if not m:
        out.append(None)
        continue
    action = "created" if m["created"] else "deprecate" if m["deprecated"] else None
    if m["version"]:
        action = "deregister" if m["cancel"] == "!" else "register"
    if m["stage"]:
        action = "unassign" if m["cancel"] == "!" else "assign"
    out.append({"model": m["artifact"].replace("=", ":"), "action": action, "version": m["version"],
                "stage": m["stage"], "counter": int(m["counter"]) if m["counter"] else None})
json.dump(out, sys.stdout)
`;

/** mulberry32: the same names on every run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const next = random(13);
const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;

const NAMES = ['m', '7', 'fraud', 'Fraud_Detector', 'churn-model', 'dvclive/model', 'a-b_c/d9', 'models/x'];
const DIRS = ['dir', 'some/folder', 'a.b/c_d', 'x-y'];
const VERSIONS = [
  'v0.0.1',
  'v1.2.3',
  'v10.0.0',
  'v1.0.0-rc.1',
  'v2.0.0-alpha.beta.0',
  'v1.0.0+build.5',
  'v3.1.4-0a.x-y+sha.1f',
];
const STAGES = ['prod', 'staging', 'qa-1', 'x', '42', 'eu/prod', 'Prod_2'];

function validParts(): Omit<RegistryTagName, 'tag'> {
  const model = next() < 0.3 ? `${pick(DIRS)}:${pick(NAMES)}` : pick(NAMES);
  const counter = next() < 0.5 ? Math.floor(next() * 300) : undefined;
  const action = pick(['register', 'deregister', 'assign', 'unassign', 'deprecate'] as const);
  const extra =
    action === 'register' || action === 'deregister'
      ? { version: pick(VERSIONS) }
      : action === 'deprecate'
        ? {}
        : { stage: pick(STAGES) };
  return { model, action, ...extra, ...(counter === undefined ? {} : { counter }) };
}

/** Near misses: one character changed, dropped or added in a valid tag. */
function mutate(tag: string): string {
  const at = Math.floor(next() * (tag.length + 1));
  const char = pick(['@', '#', '!', '=', ':', '.', '-', '_', '/', ' ', 'v', '0', '01', '+', 'é', '٣', '']);
  return next() < 0.5 ? tag.slice(0, at) + char + tag.slice(at + 1) : tag.slice(0, at) + char + tag.slice(at);
}

test("our grammar agrees with GTO's tag_re on 600 generated names, both directions", () => {
  const valid = Array.from({ length: 300 }, () => formatRegistryTag(validParts()));
  const fixed = [
    'm@created',
    'm@created#3',
    'm@deprecated!',
    'm#prod!!',
    'a=b=c@v1.0.0',
    'm@v1.0',
    'm@V1.0.0',
    'm#12',
    'm#1#2',
    '=m@v1.0.0',
    'm@v1.0.0#',
  ];
  const names = [...valid, ...fixed, ...Array.from({ length: 300 }, () => mutate(pick(valid)))];
  const python = spawnSync('/usr/bin/python3', ['-c', GTO_TAG_RE], {
    input: JSON.stringify(names),
    encoding: 'utf8',
  });
  assert.equal(python.status, 0, python.stderr);
  const oracle = JSON.parse(python.stdout) as ({
    model: string;
    action: string;
    version: string | null;
    stage: string | null;
    counter: number | null;
  } | null)[];
  let accepted = 0;
  for (const [i, tag] of names.entries()) {
    const gto = oracle[i];
    // Python's \d also matches other scripts' digits; ours are ASCII only (see tag-grammar.ts).
    if (/\p{Nd}/u.test(tag.replace(/[0-9]/g, ''))) continue;
    const ours = matchRegistryTag(tag);
    if (gto === null) {
      assert.equal(ours, undefined, `GTO refuses ${JSON.stringify(tag)}, we read it`);
      continue;
    }
    accepted++;
    assert.ok(ours, `GTO reads ${JSON.stringify(tag)}, we refuse it`);
    assert.deepEqual(
      {
        model: ours.model,
        action: ours.action,
        version: 'version' in ours ? (ours.version ?? null) : null,
        stage: 'stage' in ours ? (ours.stage ?? null) : null,
        counter: 'counter' in ours ? (ours.counter ?? null) : null,
      },
      gto,
      tag,
    );
  }
  assert.ok(
    accepted > 300 && accepted < names.length - 50,
    `both kinds are tested (${accepted} accepted of ${names.length})`,
  );
});
