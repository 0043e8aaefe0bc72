import { createRequire as __msCreateRequire } from 'node:module'; const require = __msCreateRequire(import.meta.url);
import{a as w}from"./chunk-SJVFMZTR.js";import{a as m,b as p,c as h,d as u,f as y,g as k}from"./chunk-MAPEMW36.js";import"./chunk-EWICFW4J.js";import"./chunk-RR6HLPCQ.js";import{c as g}from"./chunk-BUAPPVZT.js";import"./chunk-5R7K2UM6.js";import{b as f,c as l}from"./chunk-GWBLAJJQ.js";import{a as d}from"./chunk-JHRZGDU3.js";import"./chunk-JVNL6CMV.js";import"./chunk-PWCUBD67.js";import"./chunk-JKHTJA5Q.js";import"./chunk-HTFCX3P5.js";import"./chunk-O6JFAZHL.js";import{a as c}from"./chunk-PR35RQQP.js";import"./chunk-R64QHKY4.js";function S(a){let{report:e}=a,t=h(e.results),i=Math.min(48,Math.max(...t.map(o=>o.name.length),5)),n=[`Validating ${a.data} with ${a.checksSource}`,""];for(let o of t){let s=o.success?"\u2713":o.severity==="error"?"\u2717":"!",r=o.success?"pass":o.severity==="error"?"FAIL":"warn";n.push(`${s} ${r}  ${o.name.padEnd(i)}  ${o.message}`)}return n.push("",`${u(e)} (${(e.durationMs/1e3).toFixed(2)} s)`,""),n.join(`
`)}var V=`Usage: modelship validate [--data <path|glob|s3://\u2026>] [--checks <file>] [options]
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
  --infer               print a starter checks file inferred from the data
  -h, --help            show this help

Exit status: 0 when the checks pass under --fail-on, 1 when they do not, 2 on a usage or input error.
`,A=async(a,e)=>{let t=w("validate",a,{data:{type:"string"},checks:{type:"string"},config:{type:"string"},format:{type:"string"},delimiter:{type:"string"},"fail-on":{type:"string"},json:{type:"boolean"},infer:{type:"boolean"},help:{type:"boolean",short:"h"}});if(t.help)return e.out(V),d.ok;let i=v("--format",t.format,l),n=v("--fail-on",t["fail-on"],f),o=await g({cwd:e.cwd,...t.config?{path:t.config}:{}});if(t.infer){let{infer:$}=await import("./validate-infer-4TJUALCP.js");return $(t.data??o.validate.data,i,t.delimiter,e)}let s=k({...t.data!==void 0?{data:t.data}:{},...t.checks!==void 0?{checks:t.checks}:{},...i!==void 0?{format:i}:{},...t.delimiter!==void 0?{delimiter:t.delimiter}:{},...n!==void 0?{failOn:n}:{}},o.validate,{data:"--data",checks:"--checks"}),r=await y(s,{cwd:e.cwd});return e.out(t.json?`${JSON.stringify(p(r),null,2)}
`:S(r)),m(r.report,s.failOn)?d.failed:d.ok};function v(a,e,t){if(e===void 0)return;let i=t.safeParse(e);if(i.success)return i.data;throw new c("usage",`${a} must be one of ${t.options.join(", ")}, not "${e}"`)}export{A as validate,V as validateUsage};
