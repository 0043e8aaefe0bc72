import { createRequire as __msCreateRequire } from 'node:module'; const require = __msCreateRequire(import.meta.url);
import{a as u,b as C,c as p,d as $,e as v,f as x,g as T,i as k}from"./chunk-L3PXXPBE.js";import"./chunk-6WCKSVEN.js";import"./chunk-BYFTGOCY.js";import"./chunk-2SLY6YAM.js";import{a as y}from"./chunk-DTMLX6KB.js";import{a as b}from"./chunk-MWOQBGNS.js";import{a as w}from"./chunk-6HR2AFRI.js";import{a as S}from"./chunk-SJVFMZTR.js";import{a as g}from"./chunk-QANK5SQW.js";import"./chunk-KJH63IV3.js";import"./chunk-PY3IBGUZ.js";import{e as h}from"./chunk-H6QRZCQZ.js";import"./chunk-6VXFI7LM.js";import{a}from"./chunk-JHRZGDU3.js";import{e as l}from"./chunk-LRQZTIBJ.js";import"./chunk-UIMVBHHH.js";import"./chunk-2RZZIEF5.js";import"./chunk-WVRQZCIV.js";import"./chunk-T5OLOLFX.js";import"./chunk-PXBDZHU2.js";import"./chunk-6SDWKMME.js";import"./chunk-32MJEG2B.js";import{a as c}from"./chunk-PR35RQQP.js";import"./chunk-R64QHKY4.js";function D(r,n,f){let e=x(r.columns).map(t=>[t.drift?"\u2717":t.status==="tested"?"\u2713":"\xB7",t.column,t.kind,t.test??"",t.status==="tested"?u(t).statistic:"",t.pValue===void 0?"":u(t).pValue,t.threshold===void 0?"":String(t.threshold),$(t.status,t.drift)]),i=["","column","kind","test","statistic","p-value","threshold","verdict"],d=i.map((t,o)=>Math.max(t.length,...e.map(m=>m[o].length))),s=t=>t.map((o,m)=>o.padEnd(d[m])).join("  ").trimEnd();return[`Comparing ${f} (${l(r.dataset.currentRows)} rows) with ${n} (${l(r.dataset.referenceRows)} rows)`,"",s(i),...e.map(s),"",...p(r.dataset).map(({label:t,names:o})=>`${t}: ${o}`),...p(r.dataset).length>0?[""]:[],`${C(r.dataset)} (${(r.durationMs/1e3).toFixed(2)} s)`,""].join(`
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
`,X=async(r,n,f)=>{let e=S("drift",r,{reference:{type:"string"},current:{type:"string"},config:{type:"string"},"drift-share":{type:"string"},json:{type:"boolean"},report:{type:"string"},html:{type:"string"},help:{type:"boolean",short:"h"}});if(e.help)return n.out(E),a.ok;let{cwd:i}=n.context,d=await w({cwd:i,...e.config?{path:e.config}:{}}),s=e["drift-share"],t=T(d,{...e.reference!==void 0?{reference:e.reference}:{},...e.current!==void 0?{current:e.current}:{},...s!==void 0?{driftShare:O(s)}:{},...e.report!==void 0?{report:e.report}:{},...e.html!==void 0?{html:e.html}:{}},{reference:"--reference",current:"--current"},e.config??h),{report:o}=await k(t,{samples:f,files:b(i),reports:y(i),clock:g});return n.out(e.json?`${JSON.stringify(v(o),null,2)}
`:D(o,t.reference,t.current)),o.dataset.drift?a.failed:a.ok};function O(r){let n=Number(r);if(!(n>0&&n<=1))throw new c("usage",`--drift-share must be a number in (0, 1], not "${r}"`);return n}export{X as drift,E as driftUsage};
