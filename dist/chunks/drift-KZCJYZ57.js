import { createRequire as __msCreateRequire } from 'node:module'; const require = __msCreateRequire(import.meta.url);
import{a as y,b as S,c as b,d as v,e as C,f as x,g as $,j as k}from"./chunk-RXAF6PFT.js";import"./chunk-RJZJ4RVC.js";import"./chunk-3GEH7FFZ.js";import{a as w}from"./chunk-SJVFMZTR.js";import{c,d as h,e as g}from"./chunk-WTPACKQ5.js";import{f as u}from"./chunk-NSO2XJYR.js";import"./chunk-2RZZIEF5.js";import"./chunk-D7JH6DFT.js";import{a as l}from"./chunk-5R7K2UM6.js";import{a}from"./chunk-JHRZGDU3.js";import{a as p}from"./chunk-PR35RQQP.js";import"./chunk-R64QHKY4.js";function D(r,n,f){let e=S(r.columns).map(t=>[t.drift?"\u2717":t.status==="tested"?"\u2713":"\xB7",t.column,t.kind,t.test??"",v(t.statistic),t.pValue===void 0?"":b(t.pValue),t.threshold===void 0?"":String(t.threshold),x(t.status,t.drift)]),i=["","column","kind","test","statistic","p-value","threshold","verdict"],d=i.map((t,o)=>Math.max(t.length,...e.map(m=>m[o].length))),s=t=>t.map((o,m)=>o.padEnd(d[m])).join("  ").trimEnd();return[`Comparing ${f} (${l(r.dataset.currentRows)} rows) with ${n} (${l(r.dataset.referenceRows)} rows)`,"",s(i),...e.map(s),"",`${C(r.dataset)} (${(r.durationMs/1e3).toFixed(2)} s)`,""].join(`
`)}var E=`Usage: modelship drift [--reference <location>] [--current <location>] [options]

Compares current data with reference data (usually the training set) column by column, with
Evidently's default tests, and decides whether the dataset drifted. Locations are files, globs or
s3:// URIs (CSV, TSV, JSON Lines, Parquet). Unset options come from .github/modelship.yml (drift:).

Options:
  --reference <location>  reference data
  --current <location>    current data
  --config <file>         configuration file (default .github/modelship.yml)
  --drift-share <share>   share of drifted columns that makes the dataset drift (default 0.5)
  --json                  print the result as JSON
  --report <file>         also write the JSON result to this file (never over an input)
  --html <file>           also write a self-contained HTML report with charts (never over an input)
  -h, --help              show this help

Exit status: 0 when the dataset did not drift, 1 when it did, 2 on a usage or input error.
`,q=async(r,n,f)=>{let e=w("drift",r,{reference:{type:"string"},current:{type:"string"},config:{type:"string"},"drift-share":{type:"string"},json:{type:"boolean"},report:{type:"string"},html:{type:"string"},help:{type:"boolean",short:"h"}});if(e.help)return n.out(E),a.ok;let{cwd:i}=n.context,d=await h({cwd:i,...e.config?{path:e.config}:{}}),s=e["drift-share"],t=$(d,{...e.reference!==void 0?{reference:e.reference}:{},...e.current!==void 0?{current:e.current}:{},...s!==void 0?{driftShare:O(s)}:{},...e.report!==void 0?{report:e.report}:{},...e.html!==void 0?{html:e.html}:{}},{reference:"--reference",current:"--current"},e.config??u),{report:o}=await k(t,{samples:f,reports:g(i),clock:c});return n.out(e.json?`${JSON.stringify(y(o),null,2)}
`:D(o,t.reference,t.current)),o.dataset.drift?a.failed:a.ok};function O(r){let n=Number(r);if(!(n>0&&n<=1))throw new p("usage",`--drift-share must be a number in (0, 1], not "${r}"`);return n}export{q as drift,E as driftUsage};
