import { createRequire as __msCreateRequire } from 'node:module'; const require = __msCreateRequire(import.meta.url);
import{a as f,d as s,e as p,f as l}from"./chunk-UY5ZPACK.js";import{a as m,c as d}from"./chunk-YQV57U3Z.js";import{b as i,d as u}from"./chunk-PR35RQQP.js";async function y(e,o){try{await e()}catch(t){let r=i(t)?u(t):`Modelship failed unexpectedly: ${t instanceof Error?t.message:String(t)}`;!i(t)&&t instanceof Error&&t.stack&&l(t.stack);for(let[n,a]of Object.entries(o.outputs()))s(n,a);s("error",r),await w(o.name(),r),p(r)}finally{await o.close?.()}}async function w(e,o){let t="`".repeat(Math.max(3,...[...o.matchAll(/`+/g)].map(r=>r[0].length+1)));try{await f.addRaw(`### \u274C ${e} could not finish

${t}
${o}
${t}
`).write()}catch{}}async function P(e){let o,t=typeof e=="function"?"modelship":e.name,r=typeof e=="function"?{}:e.failureOutputs;await y(async()=>{let n=typeof e=="function"?e():e;({name:t,failureOutputs:r}=n);let a=m(),{workspace:c,storage:h}=a;o=d({cwd:c,workspace:c,storage:h},n.readers()),await(await n.load()).run(a,o)},{name:()=>t,outputs:()=>r,close:()=>o?.close()})}export{P as a};
