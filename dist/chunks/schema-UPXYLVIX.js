import { createRequire as __msCreateRequire } from 'node:module'; const require = __msCreateRequire(import.meta.url);
import{c}from"./chunk-QALCQ3PG.js";import"./chunk-IDKGBBUA.js";import"./chunk-DLH27S2E.js";import"./chunk-EWICFW4J.js";import{a as h}from"./chunk-SJVFMZTR.js";import{d as m}from"./chunk-PY3IBGUZ.js";import"./chunk-H6QRZCQZ.js";import{a as s}from"./chunk-6VXFI7LM.js";import{a as o}from"./chunk-JHRZGDU3.js";import"./chunk-LRQZTIBJ.js";import"./chunk-HTFCX3P5.js";import"./chunk-2RZZIEF5.js";import"./chunk-WVRQZCIV.js";import"./chunk-T5OLOLFX.js";import"./chunk-PXBDZHU2.js";import"./chunk-V6OPBOWF.js";import"./chunk-O6JFAZHL.js";import"./chunk-6SDWKMME.js";import"./chunk-32MJEG2B.js";import"./chunk-PR35RQQP.js";import"./chunk-R64QHKY4.js";var n=`Usage: modelship schema [--checks]

Prints the JSON Schema of .github/modelship.yml (or, with --checks, of a checks file), for editors
and validators. Generated from the same zod schema the tools validate with.
`,u=async(r,e)=>{let t=h("schema",r,{checks:{type:"boolean"},help:{type:"boolean",short:"h"}});if(t.help)return e.out(n),o.ok;let a=t.checks?c:m,i=s.toJSONSchema(a,{io:"input",target:"draft-2020-12"});return e.out(`${JSON.stringify(i,null,2)}
`),o.ok};export{u as schema,n as schemaUsage};
