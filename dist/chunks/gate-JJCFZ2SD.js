import { createRequire as __msCreateRequire } from 'node:module'; const require = __msCreateRequire(import.meta.url);
import{a as $,b as j,d as v,e as x,g as G,h as T}from"./chunk-G5U4LCSK.js";import"./chunk-LG6IUO2N.js";import{a as y}from"./chunk-SJVFMZTR.js";import{c as h,d as w,e as b}from"./chunk-I7GN2AAR.js";import{i as g}from"./chunk-V5MFN6CV.js";import"./chunk-2ZZX4CWQ.js";import"./chunk-4XZLGEMA.js";import{a as s,e as m}from"./chunk-LRQZTIBJ.js";import{a as l}from"./chunk-JHRZGDU3.js";import"./chunk-PR35RQQP.js";import"./chunk-R64QHKY4.js";function E(e){let{candidate:n,baseline:t,sources:o,verdict:r}=e,d=["metric","candidate","production","difference (interval)","rule","result"],a=$(e).map(i=>[i.metric,C(i.candidate),C(i.baseline),F(i),i.judgement?j(i.judgement.rule,s):"",i.judgement?i.judgement.passed?"pass":"FAIL":""]),O=d.map((i,p)=>Math.max(i.length,...a.map(f=>f[p].length))),u=i=>i.map((p,f)=>p.padEnd(O[f])).join("  ").trimEnd(),_=t?`Candidate ${o.candidate} (${n.task}, ${m(n.rows)} rows) against production ${o.baseline??""} (${m(t.rows)} rows).`:`Candidate ${o.candidate} (${n.task}, ${m(n.rows)} rows); no production metrics.`;return[`${r.passed?"\u2713":"\u2717"} ${x(e)}`,_,"",u(d),...a.map(u),...r.failures.length>0?["","Why it failed:",...r.failures.map(i=>`  - ${i}`)]:[],...r.notes.length>0?["",...r.notes]:[],""].join(`
`)}function C(e){return e===void 0?"\u2014":typeof e=="number"?s(e):"not computable"}function c(e){return e>0?`+${s(e)}`:e<0?`\u2212${s(-e)}`:"0"}function F(e){let n=e.interval;return n&&!("notComputable"in n)?`${c(n.difference)} (${s(n.confidence*100)}%: ${c(n.low)} to ${c(n.high)})`:e.difference===void 0?"\u2014":c(e.difference)}var J=`Usage: modelship gate --candidate <metrics.json> [--baseline <metrics.json>] [options]

Judges a candidate model's metrics against the rules under gate.metrics in .github/modelship.yml
(MLflow's MetricThreshold semantics: threshold, min_absolute_change, min_relative_change) and, for
the rules that compare, against production's metrics. The metrics files are what
\`modelship evaluate --output\` writes. Every failure is reported, not only the first.

Options:
  --candidate <file>  the candidate's metrics
  --baseline <file>   production's metrics (needed when a rule compares with production)
  --config <file>     configuration file (default .github/modelship.yml)
  --name <name>       the model's name in the report (default gate.name, else "model")
  --json              print the result as JSON
  --report <file>     also write the JSON result to this file (never over an input)
  -h, --help          show this help

Exit status: 0 when every rule passed, 1 when the gate failed, 2 on a usage or input error.
`,q=async(e,n)=>{let t=y("gate",e,{candidate:{type:"string"},baseline:{type:"string"},config:{type:"string"},name:{type:"string"},json:{type:"boolean"},report:{type:"string"},help:{type:"boolean",short:"h"}});if(t.help)return n.out(J),l.ok;let{cwd:o}=n.context,r=await h({cwd:o,...t.config?{path:t.config}:{}}),d=G(r,{...t.candidate!==void 0?{candidate:t.candidate}:{},...t.baseline!==void 0?{baseline:t.baseline}:{},...t.name!==void 0?{name:t.name}:{},...t.report!==void 0?{report:t.report}:{}},{candidate:"--candidate",baseline:"--baseline"},t.config??g),a=await T(d,{files:b(o),reports:w(o)});return n.out(t.json?`${JSON.stringify(v(a.view),null,2)}
`:E(a.view)),a.passed?l.ok:l.failed};export{q as gate,J as gateUsage};
