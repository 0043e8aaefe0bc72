import { createRequire as __msCreateRequire } from 'node:module'; const require = __msCreateRequire(import.meta.url);
import{a as g}from"./chunk-SJVFMZTR.js";import{a as w,b as y,c as b,d as S,f as C,g as $,h as x,i as D}from"./chunk-P4WZIXIS.js";import"./chunk-6YAKSLRR.js";import{c as p}from"./chunk-BUAPPVZT.js";import{a as h}from"./chunk-5R7K2UM6.js";import{d as u,f as l}from"./chunk-GWBLAJJQ.js";import{a as f}from"./chunk-JHRZGDU3.js";import"./chunk-7VEZT5AW.js";import"./chunk-JVNL6CMV.js";import"./chunk-PWCUBD67.js";import"./chunk-JKHTJA5Q.js";import"./chunk-O6JFAZHL.js";import{a as c}from"./chunk-PR35RQQP.js";import"./chunk-R64QHKY4.js";function E(n,r,e){let s=y(n.columns).map(t=>[t.drift?"\u2717":t.status==="tested"?"\u2713":"\xB7",t.column,t.kind,t.test??"",S(t.statistic),t.pValue===void 0?"":b(t.pValue),t.threshold===void 0?"":String(t.threshold),$(t.status,t.drift)]),a=["","column","kind","test","statistic","p-value","threshold","verdict"],d=a.map((t,i)=>Math.max(t.length,...s.map(m=>m[i].length))),o=t=>t.map((i,m)=>i.padEnd(d[m])).join("  ").trimEnd();return[`Comparing ${e} (${h(n.dataset.currentRows)} rows) with ${r} (${h(n.dataset.referenceRows)} rows)`,"",o(a),...s.map(o),"",`${C(n.dataset)} (${(n.durationMs/1e3).toFixed(2)} s)`,""].join(`
`)}var T=`Usage: modelship drift [--reference <location>] [--current <location>] [options]

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
`,A=async(n,r)=>{let e=g("drift",n,{reference:{type:"string"},current:{type:"string"},config:{type:"string"},"drift-share":{type:"string"},json:{type:"boolean"},html:{type:"string"},help:{type:"boolean",short:"h"}});if(e.help)return r.out(T),f.ok;let s=await p({cwd:r.cwd,...e.config?{path:e.config}:{}}),a=e["drift-share"],d=a===void 0?s.drift:u.parse({...s.drift,"drift-share":j(a)}),o=e.reference??d.reference,t=e.current??d.current;if(o===void 0||t===void 0)throw new c("usage","drift needs both --reference and --current (or drift.reference and drift.current in .github/modelship.yml)");let i=await D({reference:o,current:t,config:d,configPath:e.config??l,cwd:r.cwd});return e.html&&await x(i,{reference:o,current:t,path:e.html,cwd:r.cwd}),r.out(e.json?`${JSON.stringify(w(i),null,2)}
`:E(i,o,t)),i.dataset.drift?f.failed:f.ok};function j(n){let r=Number(n);if(!(r>0&&r<=1))throw new c("usage",`--drift-share must be a number in (0, 1], not "${n}"`);return r}export{A as drift,T as driftUsage};
