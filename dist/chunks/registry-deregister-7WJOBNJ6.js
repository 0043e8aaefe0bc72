import { createRequire as __msCreateRequire } from 'node:module'; const require = __msCreateRequire(import.meta.url);
import{a as p}from"./chunk-YOJBBLUK.js";import{a as y,b as f,c as l,d as u,e as v,f as R,g as h}from"./chunk-B6TSEKYE.js";import{b as c,d}from"./chunk-UUHGAXLE.js";import"./chunk-G4VHKNFC.js";import"./chunk-XGWZJMKH.js";import"./chunk-H5LNFMB6.js";import"./chunk-4E7EML5C.js";import"./chunk-2QSYZIR4.js";import{k as a,l as g}from"./chunk-6VXFI7LM.js";import{a as m}from"./chunk-JHRZGDU3.js";import"./chunk-LRQZTIBJ.js";import"./chunk-PR35RQQP.js";import"./chunk-R64QHKY4.js";async function E(t,o){let e=t.model;return g(e,"model"),y(o,e,n=>{let r=p(c(n,e),t.version),i={model:e,action:"deregister",version:r.version},s=a({model:e,action:"deregister",version:r.version});return r.status==="deregistered"?{noop:{...i,changed:!1,tag:s,summary:`${e} ${r.version} is already deregistered; nothing written`}}:{write:{name:s,commit:r.commit,message:f(`Deregistering artifact ${e} version ${r.version}`,t)},outcome:{...i,changed:!0,tag:s,summary:`deregistered ${e} ${r.version} (${s})`}}},t.tagger)}var O=`Usage: modelship registry deregister NAME VERSION [options]

Deregisters the exact VERSION with GTO's tag NAME@VERSION!: latest and version ranges skip it from
then on, and resolving it is refused with the reason. Its tag and release stay (history is append-only).

Options:
${u}
`,P=async(t,o)=>{let{values:e,positionals:n}=d("deregister",t,l,["NAME","VERSION"]);if(e.help)return o.out(O),m.ok;let[r,i]=n,s=await E({model:r,version:i,...h(e)},await v(o,e));return R(o,s,e.json),m.ok};export{P as registryDeregister};
