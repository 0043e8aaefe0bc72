import { createRequire as __msCreateRequire } from 'node:module'; const require = __msCreateRequire(import.meta.url);
import{a as y}from"./chunk-CZYSLNPD.js";import{a as d,c as u,d as v}from"./chunk-UUHGAXLE.js";import{a as p,b as c,c as l}from"./chunk-G4VHKNFC.js";import"./chunk-H5LNFMB6.js";import"./chunk-4E7EML5C.js";import"./chunk-2QSYZIR4.js";import{c as m}from"./chunk-6VXFI7LM.js";import{a as n}from"./chunk-JHRZGDU3.js";import"./chunk-LRQZTIBJ.js";import"./chunk-PR35RQQP.js";import"./chunk-R64QHKY4.js";function f(r){if(r.models.length===0)return`No models in the registry (no tag NAME@vX.Y.Z).
`;let t=[...new Set(r.models.flatMap(e=>Object.keys(e.stages)))].sort(),o=r.models.map(e=>[e.model,e.deprecated?"deprecated":e.latest??"-",e.active===e.registered?String(e.registered):`${e.active}/${e.registered}`,...t.map(i=>e.stages[i]??"-")]);return`${y(["model","latest","versions",...t.map(e=>`#${e}`)],o).join(`
`)}
`}async function R(r){let t=await d(r.tags);return{models:[...t.models.values()].map(e=>{let i=e.versions.filter(s=>s.status==="active"),g=[...i].sort((s,a)=>m(a.version,s.version))[0];return{model:e.name,deprecated:e.deprecated,...g&&!e.deprecated?{latest:g.version}:{},active:i.length,registered:e.versions.length,stages:Object.fromEntries(Object.entries(e.stages).sort(([s],[a])=>s.localeCompare(a)).map(([s,a])=>[s,a.version]))}}).sort((e,i)=>e.model.localeCompare(i.model)),problems:t.problems}}var h=`Usage: modelship registry list [options]

Every model in the registry: its latest active version, how many versions are active of those
registered, and the version holding each stage.

Options:
${u}
`,k=async(r,t)=>{let{values:o}=v("list",r,{},[]);if(o.help)return t.out(h),n.ok;let e=await R({tags:(await p(t,o)).tags});return c(t,e.problems),o.json?l(t,e):t.out(f(e)),n.ok};export{k as registryList};
