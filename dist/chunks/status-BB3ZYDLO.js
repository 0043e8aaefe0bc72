import { createRequire as __msCreateRequire } from 'node:module'; const require = __msCreateRequire(import.meta.url);
import{a as h,b as u}from"./chunk-2SD2SE2B.js";import"./chunk-H5LNFMB6.js";import{a as l}from"./chunk-DK2UHMHF.js";import{r as m}from"./chunk-NKHI34HS.js";import"./chunk-WY2B22EX.js";import"./chunk-4E7EML5C.js";import"./chunk-2QSYZIR4.js";import"./chunk-BYFTGOCY.js";import"./chunk-KJH63IV3.js";import"./chunk-H6QRZCQZ.js";import"./chunk-6VXFI7LM.js";import{a as i}from"./chunk-JHRZGDU3.js";import"./chunk-LRQZTIBJ.js";import"./chunk-T5OLOLFX.js";import{a as p}from"./chunk-PR35RQQP.js";import"./chunk-R64QHKY4.js";function g(t){if(t.environments.length===0)return`${t.model}: no environment of ${t.opsRepository} has a target for it
`;let r=Math.max(...t.environments.map(o=>o.environment.length)),e=[`${t.model} in ${t.opsRepository}`];for(let o of t.environments){let s=o.disagreement?"targets disagree":o.version??"no registered version";if(e.push(`  ${o.environment.padEnd(r)}  ${s}  (${o.branch} at ${o.commit.slice(0,7)})`),o.disagreement||o.version===void 0)for(let n of o.targets)e.push(`    ${n.file}:${n.line} ${n.target}: ${n.version??`${n.value} (no registered version)`}`)}return`${e.join(`
`)}
`}var c=`Usage: modelship status <name> [options]

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
`,E=async(t,r)=>{let{values:e,positionals:o}=h("status",t,{"ops-repo":{type:"string"},repo:{type:"string"},config:{type:"string"},env:{type:"string",multiple:!0},json:{type:"boolean"},help:{type:"boolean",short:"h"}});if(e.help)return r.out(c),i.ok;let[s,...n]=o;if(s===void 0||n.length>0)throw new p("usage",'expected one model, e.g. "modelship status fraud". Run "modelship status --help" for its options.');let d=m({model:s,...e.env?{environments:e.env}:{},...e.config?{configPath:e.config}:{}}),f=await u(r,{...e["ops-repo"]?{opsRepo:e["ops-repo"]}:{},...e.repo?{repo:e.repo}:{}}),a=await l(d,f);return r.out(e.json?`${JSON.stringify(a,null,2)}
`:g(a)),i.ok};export{E as status,c as statusUsage};
