import { createRequire as __msCreateRequire } from 'node:module'; const require = __msCreateRequire(import.meta.url);
import{a as u}from"./chunk-SJVFMZTR.js";import{a as f}from"./chunk-JHRZGDU3.js";import{a as p,b as g,c as w,d as y,f as S,g as b,h as $,i as x}from"./chunk-FIB6VULL.js";import"./chunk-B6SL5Y63.js";import"./chunk-6YAKSLRR.js";import{c as l}from"./chunk-HIV7JUZB.js";import{d as h}from"./chunk-GWBLAJJQ.js";import"./chunk-SZZUIHQE.js";import{a as c}from"./chunk-PR35RQQP.js";import"./chunk-R64QHKY4.js";function C(n,e,r){let s=g(n.columns).map(t=>[t.drift?"\u2717":t.status==="tested"?"\u2713":"\xB7",t.column,t.kind,t.test??"",y(t.statistic),t.pValue===void 0?"":w(t.pValue),t.threshold===void 0?"":String(t.threshold),b(t.status,t.drift)]),a=["","column","kind","test","statistic","p-value","threshold","verdict"],d=a.map((t,i)=>Math.max(t.length,...s.map(m=>m[i].length))),o=t=>t.map((i,m)=>i.padEnd(d[m])).join("  ").trimEnd();return[`Comparing ${r} (${n.dataset.currentRows.toLocaleString("en-US")} rows) with ${e} (${n.dataset.referenceRows.toLocaleString("en-US")} rows)`,"",o(a),...s.map(o),"",`${S(n.dataset)} (${(n.durationMs/1e3).toFixed(2)} s)`,""].join(`
`)}var U=`Usage: modelship drift [--reference <location>] [--current <location>] [options]

Compares current data with reference data (usually the training set) column by column, with
Evidently's default tests, and decides whether the dataset drifted. Locations are files, globs or
s3:// URIs (CSV, TSV, JSON Lines, Parquet). Unset options come from .github/modelship.yml (drift:).

Options:
  --reference <location>  reference data
  --current <location>    current data
  --config <file>         configuration file (default .github/modelship.yml)
  --drift-share <share>   share of drifted columns that makes the dataset drift (default 0.5)
  --json                  print the result as JSON
  --html <file>           also write a self-contained HTML report with charts
  -h, --help              show this help

Exit status: 0 when the dataset did not drift, 1 when it did, 2 on a usage or input error.
`,M=async(n,e)=>{let r=u("drift",n,{reference:{type:"string"},current:{type:"string"},config:{type:"string"},"drift-share":{type:"string"},json:{type:"boolean"},html:{type:"string"},help:{type:"boolean",short:"h"}});if(r.help)return e.out(U),f.ok;let s=await l({cwd:e.cwd,...r.config?{path:r.config}:{}}),a=r["drift-share"],d=a===void 0?s.drift:h.parse({...s.drift,"drift-share":j(a)}),o=r.reference??d.reference,t=r.current??d.current;if(o===void 0||t===void 0)throw new c("usage","drift needs both --reference and --current (or drift.reference and drift.current in .github/modelship.yml)");let i=await x({reference:o,current:t,config:d,cwd:e.cwd});return r.html&&await $(i,{reference:o,current:t,path:r.html,cwd:e.cwd}),e.out(r.json?`${JSON.stringify(p(i),null,2)}
`:C(i,o,t)),i.dataset.drift?f.failed:f.ok};function j(n){let e=Number(n);if(!(e>0&&e<=1))throw new c("usage",`--drift-share must be a number in (0, 1], not "${n}"`);return e}export{M as drift,U as driftUsage};
