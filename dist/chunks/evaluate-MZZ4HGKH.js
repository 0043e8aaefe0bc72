import { createRequire as __msCreateRequire } from 'node:module'; const require = __msCreateRequire(import.meta.url);
import{a as v,b as w,c as y,d as k,e as T}from"./chunk-RADA77GY.js";import"./chunk-IDKGBBUA.js";import{a as b}from"./chunk-DTMLX6KB.js";import{a as g}from"./chunk-6HR2AFRI.js";import{a as $}from"./chunk-SJVFMZTR.js";import"./chunk-KJH63IV3.js";import"./chunk-PY3IBGUZ.js";import{e as h}from"./chunk-H6QRZCQZ.js";import"./chunk-6VXFI7LM.js";import{a as m}from"./chunk-JHRZGDU3.js";import{a}from"./chunk-LRQZTIBJ.js";import"./chunk-V6ECVTOR.js";import"./chunk-CDVBOTI4.js";import"./chunk-3RZXYQSR.js";import"./chunk-2RZZIEF5.js";import"./chunk-WVRQZCIV.js";import"./chunk-T5OLOLFX.js";import"./chunk-AS5IP47M.js";import"./chunk-PXBDZHU2.js";import"./chunk-YV34X4IB.js";import"./chunk-6SDWKMME.js";import"./chunk-32MJEG2B.js";import{a as d}from"./chunk-PR35RQQP.js";import"./chunk-R64QHKY4.js";function j(e){let o=[],l=e.dropped>0?`, ${a(e.dropped)} dropped for missing values`:"";o.push(`${e.task} model ${e.model} on ${e.data}: ${a(e.rows)} rows${l}`,"");let t=Math.max(...Object.keys(e.metrics).map(n=>n.length));for(let[n,i]of Object.entries(e.metrics))o.push(`  ${n.padEnd(t)}  ${r(i)}`);e.confusionMatrix&&o.push("",...N(e.confusionMatrix));let s=e.latency;if(o.push("",`latency, one row at a time (${a(s.sample)} rows after warm-up): p50 ${c(s.p50)}, p95 ${c(s.p95)}, p99 ${c(s.p99)}`,`throughput in batches of ${a(s.batchRows)}: ${a(Math.round(s.throughput))} rows/s`,`on ${s.cpu.model}, ${s.cpu.threads} threads, ${s.runtime}`),e.slices.length>0){o.push("","slices:");for(let n of e.slices){let i=Object.entries(n.metrics).map(([u,p])=>`${u} ${r(p)}`);o.push(`  ${n.column} = ${n.value} (${a(n.rows)} rows): ${i.join(", ")}`)}}if(e.fairness){let n=e.fairness;o.push("",`fairness across "${n.column}": demographic parity difference ${r(n.demographicParityDifference)}, equalized odds difference ${r(n.equalizedOddsDifference)}`);for(let i of n.groups)o.push(`  ${i.group} (${a(i.rows)} rows): selection rate ${a(i.selectionRate)}, TPR ${r(i.truePositiveRate)}, FPR ${r(i.falsePositiveRate)}`)}return`${o.join(`
`)}
`}function r(e){return typeof e=="number"?a(e):`not computable: ${e.notComputable}`}function c(e){return`${a(e)} ms`}function N(e){let o=[["",...e.labels],...e.counts.map((t,s)=>[e.labels[s],...t.map(n=>a(n))])],l=Math.max(...o.flat().map(t=>t.length));return["confusion matrix (rows: true class, columns: predicted class):",...o.map(t=>`  ${t.map(s=>s.padStart(l)).join("  ")}`)]}var R=`Usage: modelship evaluate --model <model.onnx> --data <holdout> --label <column> [options]

Scores a labelled holdout with an ONNX model (onnxruntime, on the CPU) and reports every metric of
the task, equal to scikit-learn's, with the confusion matrix, single-row latency and batch
throughput, per-slice metrics and fairness differences (slices: and sensitive: in the evaluate:
section of the configuration). The holdout is a file, glob or s3:// URI (CSV, TSV, JSON Lines,
Parquet) and is read in batches, so it may be larger than memory.

Options:
  --model <location>      the ONNX model (a path or s3:// URI)
  --data <location>       the labelled holdout
  --label <column>        the column of true labels (default evaluate.label)
  --task <task>           binary, multiclass or regression (default: from the model's outputs)
  --positive-label <v>    binary: the positive class (default: the model's second class)
  --threshold <p>         binary: predict positive when its probability is at least p
                          (default: the model's label output, else 0.5)
  --drop-missing          leave out rows with a missing value (counted) instead of failing
  --config <file>         configuration file (default .github/modelship.yml)
  --json                  print the result as JSON
  --output <file>         also write the JSON result to this file (never over an input)
  -h, --help              show this help

Exit status: 0 when the model was evaluated, 2 on a usage or input error.
`,O=["binary","multiclass","regression"],H=async(e,o,l)=>{let t=$("evaluate",e,{model:{type:"string"},data:{type:"string"},label:{type:"string"},task:{type:"string"},"positive-label":{type:"string"},threshold:{type:"string"},"drop-missing":{type:"boolean"},config:{type:"string"},json:{type:"boolean"},output:{type:"string"},help:{type:"boolean",short:"h"}});if(t.help)return o.out(R),m.ok;let{cwd:s,workspace:n,storage:i,onnx:u}=o.context,p=await g({cwd:s,...t.config?{path:t.config}:{}}),x=w(p.evaluate,{...t.model!==void 0?{model:t.model}:{},...t.data!==void 0?{data:t.data}:{},...t.label!==void 0?{label:t.label}:{},...t.task!==void 0?{task:S(t.task)}:{},...t["positive-label"]!==void 0?{positiveLabel:t["positive-label"]}:{},...t.threshold!==void 0?{threshold:C(t.threshold)}:{},...t["drop-missing"]?{missing:"drop"}:{},...t.output!==void 0?{output:t.output}:{}},{model:"--model",data:"--data",label:"--label"},t.config??h),E=await T(u,{cwd:s,workspace:n,storage:i},{info:()=>{},warn:M=>o.err(`modelship evaluate: ${M}
`)}),{result:f}=await y(x,{datasets:l,models:E,machine:k,reports:b(s)});return o.out(t.json?`${JSON.stringify(v(f),null,2)}
`:j(f)),m.ok};function S(e){if(O.includes(e))return e;throw new d("usage",`--task must be one of ${O.join(", ")}, not "${e}"`,{field:"--task"})}function C(e){let o=Number(e);if(!(e.trim()!==""&&o>=0&&o<=1))throw new d("usage",`--threshold must be a probability in [0, 1], not "${e}"`,{field:"--threshold"});return o}export{H as evaluate,R as evaluateUsage};
