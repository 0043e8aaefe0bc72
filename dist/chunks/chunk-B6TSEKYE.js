import { createRequire as __msCreateRequire } from 'node:module'; const require = __msCreateRequire(import.meta.url);
import{a as p,c as m}from"./chunk-UUHGAXLE.js";import{a as y,c}from"./chunk-G4VHKNFC.js";import{a as g}from"./chunk-XGWZJMKH.js";import{a}from"./chunk-PR35RQQP.js";var b={push:{type:"boolean"},remote:{type:"string"},by:{type:"string"},reason:{type:"string"}},R=`  --push               push the new tag to the remote (default origin) at once: the remote's
                       refusal of an existing tag is a lost race, and the write is decided again
  --remote <name>      the remote --push pushes to (default origin)
  --by <who>           who asked, written into the tag message (the tagger is git's identity)
  --reason <text>      why, written into the tag message
${m}

Exit status: 0 when written or already in effect (nothing written twice), 2 on a refusal.`;async function L(e,t){let r=await y(e,t);if(r.online){if(t.push)throw new a("usage","--push writes to a clone's remote; with --repo the tag is written on GitHub directly");let{githubRegistryTagWriter:o}=await import("./github-registry-tags-writer-SE7OZAH7.js"),[s,n]=r.repo.split("/");return{tags:r.tags,writer:o(r.client,{owner:s,repo:n})}}if(t.remote!==void 0&&!t.push)throw new a("usage","--remote goes with --push");return{tags:r.tags,writer:g({...r.where,...t.push?{push:{remote:t.remote??"origin"}}:{}})}}function O(e,t,r){r?c(e,t):e.out(`${t.changed?"\u2713":"="} ${t.summary[0].toUpperCase()}${t.summary.slice(1)}
`)}function P(e){return{...e.by!==void 0?{by:e.by}:{},...e.reason!==void 0?{reason:e.reason}:{}}}var f=5;async function $(e,t,r,o){let s="";for(let n=0;n<f;n++){let i=r(await p(e.tags,t));if("noop"in i)return i.noop;if((await e.writer.createTag({...i.write,...o?{tagger:o}:{}})).created)return i.outcome;s=i.write.name}throw new Error(`another writer took the tag name ${f} times in a row (last ${s}); nothing was written by this run \u2014 run it again`)}function j(e,t){let r=[...t?.by?[`Requested-by: ${t.by}`]:[],...t?.reason?[`Reason: ${t.reason.replace(/\s+/g," ").trim()}`]:[]];return r.length>0?`${e}

${r.join(`
`)}
`:`${e}
`}export{$ as a,j as b,b as c,R as d,L as e,O as f,P as g};
