import { createRequire as __msCreateRequire } from 'node:module'; const require = __msCreateRequire(import.meta.url);
import{a as h,b as p,c as l,d as u}from"./chunk-UUHGAXLE.js";import{a as m,b as g,c}from"./chunk-G4VHKNFC.js";import"./chunk-H5LNFMB6.js";import"./chunk-4E7EML5C.js";import"./chunk-2QSYZIR4.js";import"./chunk-6VXFI7LM.js";import{a}from"./chunk-JHRZGDU3.js";import"./chunk-LRQZTIBJ.js";import"./chunk-PR35RQQP.js";import"./chunk-R64QHKY4.js";async function y(s,r){let o=await h(r.tags,s.model),i=p(o,s.model),e=i.stages[s.stage],n=e&&i.versions.find(t=>t.version===e.version);return{model:i.name,stage:s.stage,...e?{holder:e}:{},...n?{version:n}:{},problems:o.problems}}var d=`Usage: modelship registry which NAME STAGE [options]

Prints the version in a stage (GTO's default: the most recent assignment still in effect), e.g.
v5.1.0, for scripts: VERSION=$(modelship registry which fraud production).

Options:
${l}

Exit status: 0 with the version, 1 when no version holds the stage, 2 on a usage or input error.
`,O=async(s,r)=>{let{values:o,positionals:i}=u("which",s,{},["NAME","STAGE"]);if(o.help)return r.out(d),a.ok;let[e,n]=i,t=await y({model:e,stage:n},{tags:(await m(r,o)).tags});return g(r,t.problems),o.json?c(r,t):t.holder?r.out(`${t.holder.version}
`):r.err(`modelship registry which: no version of ${e} is in ${n}
`),t.holder?a.ok:a.failed};export{O as registryWhich};
