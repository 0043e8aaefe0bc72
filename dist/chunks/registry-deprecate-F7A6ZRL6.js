import { createRequire as __msCreateRequire } from 'node:module'; const require = __msCreateRequire(import.meta.url);
import{a as l,b as y,c as f,d as u,e as w,f as h,g as R}from"./chunk-B6TSEKYE.js";import{b as d,d as g}from"./chunk-UUHGAXLE.js";import"./chunk-G4VHKNFC.js";import"./chunk-XGWZJMKH.js";import"./chunk-H5LNFMB6.js";import"./chunk-4E7EML5C.js";import"./chunk-2QSYZIR4.js";import{k as n,l as p}from"./chunk-6VXFI7LM.js";import{a}from"./chunk-JHRZGDU3.js";import"./chunk-LRQZTIBJ.js";import"./chunk-PR35RQQP.js";import"./chunk-R64QHKY4.js";async function M(t,r){let e=t.model;return p(e,"model"),l(r,e,s=>{let o=d(s,e),i=n({model:e,action:"deprecate"}),c={model:e,action:"deprecate",tag:i};if(o.deprecated)return{noop:{...c,changed:!1,summary:`${e} is already deprecated; nothing written`}};let m=o.events.at(-1)??o.versions[0];if(!m)throw new Error(`${e} has no tag to deprecate at`);return{write:{name:i,commit:m.commit,message:y(`Deprecating artifact ${e}`,t)},outcome:{...c,changed:!0,summary:`deprecated ${e} (${i})`}}},t.tagger)}var E=`Usage: modelship registry deprecate NAME [options]

Deprecates the model with GTO's tag NAME@deprecated: none of its versions resolves any more and
no stage can be assigned (a later registration revives it, as in GTO).

Options:
${u}
`,N=async(t,r)=>{let{values:e,positionals:s}=g("deprecate",t,f,["NAME"]);if(e.help)return r.out(E),a.ok;let o=await M({model:s[0],...R(e)},await w(r,e));return h(r,o,e.json),a.ok};export{N as registryDeprecate};
