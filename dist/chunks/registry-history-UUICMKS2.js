import { createRequire as __msCreateRequire } from 'node:module'; const require = __msCreateRequire(import.meta.url);
import{a,b as g}from"./chunk-CZYSLNPD.js";import{a as p,b as u,c,d}from"./chunk-UUHGAXLE.js";import{a as n,b as m,c as y}from"./chunk-G4VHKNFC.js";import"./chunk-H5LNFMB6.js";import"./chunk-4E7EML5C.js";import"./chunk-2QSYZIR4.js";import"./chunk-6VXFI7LM.js";import{a as i}from"./chunk-JHRZGDU3.js";import"./chunk-LRQZTIBJ.js";import"./chunk-PR35RQQP.js";import"./chunk-R64QHKY4.js";function f(e){let r=e.events.map(t=>[g(t.at),t.action,t.version??"-",t.stage??"-",t.by||"-",t.tag]);return`${a(["time (UTC)","event","version","stage","by","tag"],r).join(`
`)}
`}async function l(e,r){let t=await p(r.tags,e.model),s=u(t,e.model);return{model:s.name,events:[...s.events].reverse(),problems:t.problems}}var R=`Usage: modelship registry history NAME [options]

Every event of a model, newest first: registrations, stage assignments and unassignments,
deregistrations, deprecation \u2014 when (tag time, UTC), by whom, and the tag that records it.

Options:
${c}
`,S=async(e,r)=>{let{values:t,positionals:s}=d("history",e,{},["NAME"]);if(t.help)return r.out(R),i.ok;let o=await l({model:s[0]},{tags:(await n(r,t)).tags});return m(r,o.problems),t.json?y(r,o):r.out(f(o)),i.ok};export{S as registryHistory};
