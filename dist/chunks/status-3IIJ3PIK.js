import { createRequire as __msCreateRequire } from 'node:module'; const require = __msCreateRequire(import.meta.url);
import{g as x,k as O,l as T,m as j,n as E,p as R,r as k,s as M,t as U}from"./chunk-O7S4MQC4.js";import"./chunk-WY2B22EX.js";import"./chunk-4E7EML5C.js";import"./chunk-H5LNFMB6.js";import"./chunk-2QSYZIR4.js";import"./chunk-GNLZQALO.js";import"./chunk-X5RBUTWR.js";import"./chunk-AUHHTGVB.js";import"./chunk-6VXFI7LM.js";import"./chunk-LRQZTIBJ.js";import{a as v}from"./chunk-JHRZGDU3.js";import"./chunk-HY7GMXMX.js";import"./chunk-FX23DWPH.js";import"./chunk-PXBDZHU2.js";import"./chunk-6SDWKMME.js";import"./chunk-32MJEG2B.js";import{a as b}from"./chunk-PR35RQQP.js";import"./chunk-R64QHKY4.js";function C(e){if(e.environments.length===0)return`${e.model}: no environment of ${e.opsRepository} has a target for it
`;let r=Math.max(...e.environments.map(o=>o.environment.length)),t=[`${e.model} in ${e.opsRepository}`];for(let o of e.environments){let a=o.disagreement?"targets disagree":o.version??"no registered version";if(t.push(`  ${o.environment.padEnd(r)}  ${a}  (${o.branch} at ${o.commit.slice(0,7)})`),o.disagreement||o.version===void 0)for(let i of o.targets)t.push(`    ${i.file}:${i.line} ${i.target}: ${i.version??`${i.value} (no registered version)`}`)}return`${t.join(`
`)}
`}async function G(e,r){let[t,{config:o,snapshot:a}]=await Promise.all([R(r.registry,e.model),E(r.ops,e.configPath)]),i=e.environments??Object.entries(o.environments).filter(([,s])=>s.files?.length||s.targets.some(m=>m.model===e.model)).map(([s])=>s),f=[];for(let s of i){let m=O(o,s),h=m.branch??a.defaultBranch,y=h===a.branch?a:await r.ops.snapshot(h),d;try{d=await j(o,s,m,e.model,y)}catch(n){if(e.environments===void 0&&m.targets.every(l=>l.model!==e.model))continue;throw n}let c=[],g=new Map;for(let n of d.targets)g.set(n.file,[...g.get(n.file)??[],n]);for(let[n,l]of g){let H=x({file:n,text:d.texts.get(n),targets:l.map(p=>p.target)});for(let p of l)for(let P of H.filter(u=>u.target===p.target)){let u=P.value??"",$=T(p.template,u,e.model,t);c.push({file:n,line:P.line,target:p.describe,value:u,...$?{version:$}:{}})}}let S=new Set(c.map(n=>n.version??`?${n.value}`)),w=S.size===1?c[0]?.version:void 0;f.push({environment:s,branch:h,commit:y.commit,targets:c,...w?{version:w}:{},disagreement:S.size>1})}return{model:e.model,opsRepository:r.ops.name,environments:f}}var I=`Usage: modelship status <name> [options]

Prints which version of the model each environment of the ops repository runs, read from the
manifests on each environment's branch and mapped back to versions through the targets' values
(an image tag, a {semver}, an artifact {uri} through the registry's records). Targets of one
environment that run different versions are listed.

Options:
  --ops-repo <where>   the ops repository: a local clone's path (default: the current directory), or
                       owner/repo on GitHub (with GITHUB_TOKEN)
  --repo <owner/name>  read the model's registry through GitHub's API instead of the current
                       directory's git tags
  --config <path>      the ops config's path in the ops repository (default .github/modelship.yml)
  --env <environment>  only this environment (repeatable)
  --json               print the result as JSON
  -h, --help           show this help

Exit status: 0, or 2 on a usage or input error.
`,Y=async(e,r)=>{let{values:t,positionals:o}=M("status",e,{"ops-repo":{type:"string"},repo:{type:"string"},config:{type:"string"},env:{type:"string",multiple:!0},json:{type:"boolean"},help:{type:"boolean",short:"h"}});if(t.help)return r.out(I),v.ok;let[a,...i]=o;if(a===void 0||i.length>0)throw new b("usage",'expected one model, e.g. "modelship status fraud". Run "modelship status --help" for its options.');let f=k({model:a,...t.env?{environments:t.env}:{},...t.config?{configPath:t.config}:{}}),s=await U(r,{...t["ops-repo"]?{opsRepo:t["ops-repo"]}:{},...t.repo?{repo:t.repo}:{}}),m=await G(f,s);return r.out(t.json?`${JSON.stringify(m,null,2)}
`:C(m)),v.ok};export{Y as status,I as statusUsage};
