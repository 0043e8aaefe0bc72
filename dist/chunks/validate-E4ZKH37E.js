import { createRequire as __msCreateRequire } from 'node:module'; const require = __msCreateRequire(import.meta.url);
import{a as u,b as g,c as y,d as k,f as S,g as w}from"./chunk-GF5SRRFN.js";import"./chunk-QALCQ3PG.js";import"./chunk-IDKGBBUA.js";import"./chunk-DLH27S2E.js";import"./chunk-EWICFW4J.js";import{a as V}from"./chunk-DTMLX6KB.js";import{a as $}from"./chunk-MWOQBGNS.js";import{a as x}from"./chunk-6HR2AFRI.js";import{a as b}from"./chunk-SJVFMZTR.js";import{a as v}from"./chunk-QANK5SQW.js";import"./chunk-KJH63IV3.js";import{a as p,b as m}from"./chunk-PY3IBGUZ.js";import{e as h}from"./chunk-H6QRZCQZ.js";import"./chunk-6VXFI7LM.js";import{a as d}from"./chunk-JHRZGDU3.js";import"./chunk-LRQZTIBJ.js";import"./chunk-HTFCX3P5.js";import"./chunk-2RZZIEF5.js";import"./chunk-WVRQZCIV.js";import"./chunk-T5OLOLFX.js";import"./chunk-PXBDZHU2.js";import"./chunk-V6OPBOWF.js";import"./chunk-O6JFAZHL.js";import"./chunk-6SDWKMME.js";import"./chunk-32MJEG2B.js";import{a as c}from"./chunk-PR35RQQP.js";import"./chunk-R64QHKY4.js";function O(r){let{report:e}=r,i=y(e.results),t=Math.min(48,Math.max(...i.map(o=>o.name.length),5)),n=[`Validating ${r.data} with ${r.checksSource}`,""];for(let o of i){let a=o.success?"\u2713":o.severity==="error"?"\u2717":"!",s=o.success?"pass":o.severity==="error"?"FAIL":"warn";n.push(`${a} ${s}  ${o.name.padEnd(t)}  ${o.message}`)}return n.push("",`${k(e)} (${(e.durationMs/1e3).toFixed(2)} s)`,""),n.join(`
`)}var T=`Usage: modelship validate [--data <path|glob|s3://\u2026>] [--checks <file>] [options]
       modelship validate --infer --data <path>

Checks a dataset (CSV, TSV, JSON Lines or Parquet, optionally .gz; local or S3) against the checks
declared in a YAML file. Unset options come from .github/modelship.yml (validate: section).

Options:
  --data <location>     file, glob or s3:// URI of the data
  --checks <file>       checks file (YAML with a "checks:" list)
  --config <file>       configuration file (default .github/modelship.yml)
  --format <format>     csv, jsonl or parquet (default: from the file extension)
  --delimiter <char>    CSV field delimiter (default "," and tab for .tsv)
  --fail-on <severity>  error (default), warning or never
  --json                print the JSON report instead of the table
  --report <file>       also write the JSON report to this file (never over an input)
  --infer               print a starter checks file inferred from the data
  -h, --help            show this help

Exit status: 0 when the checks pass under --fail-on, 1 when they do not, 2 on a usage or input error.
`,G=async(r,e,i)=>{let t=b("validate",r,{data:{type:"string"},checks:{type:"string"},config:{type:"string"},format:{type:"string"},delimiter:{type:"string"},"fail-on":{type:"string"},json:{type:"boolean"},report:{type:"string"},infer:{type:"boolean"},help:{type:"boolean",short:"h"}});if(t.help)return e.out(T),d.ok;let{cwd:n}=e.context,o=C("--format",t.format,m),a=C("--fail-on",t["fail-on"],p),s=await x({cwd:n,...t.config?{path:t.config}:{}});if(t.infer){let{infer:F}=await import("./validate-infer-U5LDSVOT.js");return F(t.data??s.validate.data,o,t.delimiter,e,i)}let l=w(s,{...t.data!==void 0?{data:t.data}:{},...t.checks!==void 0?{checks:t.checks}:{},...o!==void 0?{format:o}:{},...t.delimiter!==void 0?{delimiter:t.delimiter}:{},...a!==void 0?{failOn:a}:{},...t.report!==void 0?{report:t.report}:{}},{data:"--data",checks:"--checks"},t.config??h),f=await S(l,{datasets:i,files:$(n),reports:V(n),clock:v});return e.out(t.json?`${JSON.stringify(g(f),null,2)}
`:O(f)),u(f.report,l.failOn)?d.failed:d.ok};function C(r,e,i){if(e===void 0)return;let t=i.safeParse(e);if(t.success)return t.data;throw new c("usage",`${r} must be one of ${i.options.join(", ")}, not "${e}"`)}export{G as validate,T as validateUsage};
