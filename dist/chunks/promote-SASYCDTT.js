import { createRequire as __msCreateRequire } from 'node:module'; const require = __msCreateRequire(import.meta.url);
import{a as $,b as v}from"./chunk-2SD2SE2B.js";import"./chunk-H5LNFMB6.js";import{b as g,c as f}from"./chunk-PLTYWVPF.js";import{q as y}from"./chunk-NKHI34HS.js";import"./chunk-WY2B22EX.js";import"./chunk-4E7EML5C.js";import"./chunk-2QSYZIR4.js";import"./chunk-BYFTGOCY.js";import"./chunk-KJH63IV3.js";import"./chunk-H6QRZCQZ.js";import"./chunk-6VXFI7LM.js";import{a}from"./chunk-JHRZGDU3.js";import"./chunk-LRQZTIBJ.js";import"./chunk-T5OLOLFX.js";import{a as u}from"./chunk-PR35RQQP.js";import"./chunk-R64QHKY4.js";function P(o){let{changes:n,...e}=o;return{...e,changedFiles:n.map(t=>t.path)}}function b(o){return{model:o.model,version:o.version.version,opsRepository:o.opsRepository,dryRun:!0,environments:o.environments.map(P)}}function w(o){return{model:o.model,version:o.version.version,opsRepository:o.opsRepository,environments:o.environments.map(({plan:n,...e})=>({...e,plan:P(n)}))}}function O(o){return`${o.environments.map(e=>{let t=`${e.message.headline}
  ${o.opsRepository}, branch ${e.branch} at ${e.commit.slice(0,7)}${e.mode==="pull-request"?" (by pull request)":""}
`,r=e.files.filter(s=>s.changed).map(s=>s.diff),i=e.nothingToChange?`  nothing to change: ${e.environment} already runs ${e.model} ${e.version}
`:`
${r.join("")}`;return`${t}${q(e)}${i}`}).join(`
`)}
(dry run: nothing written)
`}function R(o){return o.environments.map(n=>`${n.plan.message.headline}
${q(n.plan)}${E(n,o.opsRepository)}
`).join(`
`)}function q(o){let n=o.targets.map(t=>`${t.file}:${t.line}`),e=Math.max(0,...n.map(t=>t.length));return o.targets.map((t,r)=>{let i=t.before===t.after?`${t.after} (unchanged)`:`${t.before} \u2192 ${t.after}`;return`  ${n[r].padEnd(e)}  ${t.target}: ${i}
`}).join("")}function E(o,n){switch(o.status){case"unchanged":return`\u2713 nothing to change: ${o.environment} already runs ${o.plan.model} ${o.plan.version}`;case"committed":return`\u2713 committed ${o.commit.slice(0,7)} to ${o.plan.branch} of ${n}${o.url?`: ${o.url}`:""}${x(o.attempts)}`;case"pull-request":{let e=o.pullRequest;return`\u2713 ${e.number===void 0?`branch ${e.branch} ${e.changed?"set to":"already at"} ${e.commit.slice(0,7)} in ${n}: push it and open a pull request into ${o.plan.branch}`:`pull request #${e.number} ${e.created?"opened":e.changed?"updated":"already up to date"}: ${e.url}`}${x(o.attempts)}`}case"refused":return`\u2717 refused: ${o.reason}`}}function x(o){return o>1?` (after ${o-1} lost race${o>2?"s":""})`:""}var T=`Usage: modelship promote <name> <version> --to <environment> [options]

Promotes a registered version of a model to an environment of the ops repository: the values its
.github/modelship.yml (on the ops repository's default branch) lists for the environment are set for
the version, byte for byte, in ONE commit to the environment's branch \u2014 or one pull request on the
branch modelship/<environment>/<name> when the environment says mode: pull-request. Run it in the
model repository: the version is resolved through its registry tags (GTO's too) and must exist and
be active. A promotion that changes nothing writes nothing.

Arguments:
  <name>               the model (e.g. fraud)
  <version>            v5.1.0, 5.1.0, v5.1 (the highest v5.1.x), latest, or #stage

Options:
  --to <environment>   the environment to promote to
  --ops-repo <where>   the ops repository: a local clone's path (default: the current directory), or
                       owner/repo on GitHub (with GITHUB_TOKEN)
  --repo <owner/name>  read the model's registry through GitHub's API instead of the current
                       directory's git tags
  --config <path>      the ops config's path in the ops repository (default .github/modelship.yml)
  --requested-by <who> recorded in the commit's Modelship-Requested-By trailer
                       (default GITHUB_ACTOR in a workflow)
  --dry-run            print the plan and the diff; write nothing
  --json               print the result as JSON
  -h, --help           show this help

Exit status: 0 promoted (or nothing to change), 1 refused (the branch kept moving, uncommitted
edits in a checkout), 2 on a usage or input error (nothing is written).
`,S=async(o,n)=>{let{values:e,positionals:t}=$("promote",o,{to:{type:"string"},"ops-repo":{type:"string"},repo:{type:"string"},config:{type:"string"},"requested-by":{type:"string"},"dry-run":{type:"boolean"},json:{type:"boolean"},help:{type:"boolean",short:"h"}});if(e.help)return n.out(T),a.ok;let[r,i,...s]=t;if(r===void 0||i===void 0||s.length>0)throw new u("usage",'expected a model and a version, e.g. "modelship promote fraud v5.1.0 --to production". Run "modelship promote --help" for its options.');if(e.to===void 0)throw new u("usage","which environment? Pass --to <environment>, e.g. --to staging");let{github:p}=n.context,d=e["requested-by"]??p.actor,l=y({model:r,version:i,environment:e.to,...d?{requestedBy:d}:{},...p.runUrl?{source:p.runUrl}:{},...e.config?{configPath:e.config}:{}}),c=await v(n,{...e["ops-repo"]?{opsRepo:e["ops-repo"]}:{},...e.repo?{repo:e.repo}:{},writes:!e["dry-run"]});if(e["dry-run"]){let m=await f(l,c);return n.out(e.json?`${JSON.stringify(b(m),null,2)}
`:O(m)),a.ok}let h=await g(l,c);return n.out(e.json?`${JSON.stringify(w(h),null,2)}
`:R(h)),h.environments.some(m=>m.status==="refused")?a.failed:a.ok};export{S as promote,T as promoteUsage};
