import { createRequire as __msCreateRequire } from 'node:module'; const require = __msCreateRequire(import.meta.url);
import{a as w,b as y,c as h}from"./chunk-Z7SQYAPP.js";import{a as G}from"./chunk-XGWZJMKH.js";import{a as $,b as T,d as O}from"./chunk-H5LNFMB6.js";import"./chunk-EHGAMZ6Q.js";import"./chunk-5NXQNWWE.js";import"./chunk-4E7EML5C.js";import{k as v}from"./chunk-FS3NGKJE.js";import{b as R}from"./chunk-L4VU24UG.js";import"./chunk-2QSYZIR4.js";import{c as H}from"./chunk-A3UX7GQV.js";import"./chunk-MWOQBGNS.js";import{a as f}from"./chunk-6HR2AFRI.js";import{a as u}from"./chunk-SJVFMZTR.js";import"./chunk-KJH63IV3.js";import"./chunk-PY3IBGUZ.js";import{e as p}from"./chunk-H6QRZCQZ.js";import"./chunk-6VXFI7LM.js";import{a as d}from"./chunk-JHRZGDU3.js";import"./chunk-LRQZTIBJ.js";import"./chunk-HPRQCTM5.js";import"./chunk-3RZXYQSR.js";import"./chunk-WVRQZCIV.js";import"./chunk-T5OLOLFX.js";import"./chunk-AS5IP47M.js";import"./chunk-PXBDZHU2.js";import"./chunk-6SDWKMME.js";import"./chunk-32MJEG2B.js";import{a as b}from"./chunk-Q6XULI2X.js";import"./chunk-C4BWDA6C.js";import{a as n}from"./chunk-PR35RQQP.js";import"./chunk-R64QHKY4.js";var E=`Usage: modelship register --name <model> --model <file> [--model <file>\u2026] [options]

Registers a model version: an annotated tag <model>@vX.Y.Z (GTO's format) on the commit that
produced it, whose message records the artifacts' sha256, the metrics, the gate's verdict and the
dataset's digest; online, also a GitHub release whose body is the model card, with model-card.json,
metrics.json and (release storage) the model files as assets. Re-running the same registration
completes what is missing and creates nothing twice; concurrent registrations get distinct versions.

Online (--repo owner/name, token from GITHUB_TOKEN or GH_TOKEN): the tag and the release are written
through the GitHub API. Offline (no --repo): the tag is written in the local clone (--push sends it
to origin); release storage needs the API, S3 storage (--storage s3://bucket/prefix) works offline.

Options:
  --name <model>        the model's name: letters, digits, -, _ and /, starting and ending with
                        a letter or digit (e.g. churn, team/churn)
  --model <file|glob>   a model file to register (repeatable)
  --version <v>         v1.2.0, or a bump of the latest version: major, minor, patch (default patch;
                        the first version is v0.0.1)
  --evaluation <file>   the evaluation report (\`modelship evaluate --output\`)
  --gate <file>         the gate report (\`modelship gate --report\`)
  --dataset <location>  the dataset the model was trained or evaluated on
  --dataset-sha256 <hex>
                        its sha256 (computed when the dataset is a local file)
  --storage <where>     release (default, or registry.storage) or s3://bucket/prefix
  --force               allow a second version on a commit that already has one (GTO's rule)
  --attestation-url <url>
                        a build-provenance attestation of the files, recorded in the model card
  --commit <rev>        the commit to tag (default HEAD of the clone in the working directory)
  --repo <owner/name>   register through the GitHub API in this repository
  --push                offline: push the new tag to origin (a tag already there is a lost claim)
  --config <file>       configuration file (default .github/modelship.yml)
  --json                print the outcome as JSON
  -h, --help            show this help

Exit status: 0 when the version is registered (or already was), 2 on a usage or input error.
`,Z=async(t,r)=>{let e=u("register",t,{name:{type:"string"},model:{type:"string",multiple:!0},version:{type:"string"},evaluation:{type:"string"},gate:{type:"string"},dataset:{type:"string"},"dataset-sha256":{type:"string"},storage:{type:"string"},force:{type:"boolean"},"attestation-url":{type:"string"},commit:{type:"string"},repo:{type:"string"},push:{type:"boolean"},config:{type:"string"},json:{type:"boolean"},help:{type:"boolean",short:"h"}});if(e.help)return r.out(E),d.ok;let{cwd:i,github:a,storage:c}=r.context,o=e.repo===void 0?void 0:A(e.repo);if(o&&e.push)throw new n("usage","--push goes with a local clone; with --repo the tag is created on GitHub directly");let U=await f({cwd:i,...e.config?{path:e.config}:{}}),k=await _(i,e.commit,o!==void 0),g=w(U,{...e.name!==void 0?{name:e.name}:{},files:e.model??[],...e.version!==void 0?{version:e.version}:{},...e.evaluation!==void 0?{evaluation:e.evaluation}:{},...e.gate!==void 0?{gate:e.gate}:{},...e.dataset!==void 0?{dataset:e.dataset}:{},...e["dataset-sha256"]!==void 0?{datasetSha256:e["dataset-sha256"]}:{},...e.storage!==void 0?{storage:e.storage}:{},...e.force!==void 0?{force:e.force}:{},...e["attestation-url"]!==void 0?{attestation:e["attestation-url"]}:{}},{name:"--name",files:"--model",version:"--version",storage:"--storage",force:"--force",datasetSha256:"--dataset-sha256",attestation:"--attestation-url"},{commit:k,...o?{repository:`${o.owner}/${o.repo}`,serverUrl:a.serverUrl}:{}},e.config??p),m=s=>r.err(`modelship register: ${s}
`),l;if(o){if(!a.token)throw new n("usage","--repo needs a token that can write the repository's contents: set GITHUB_TOKEN (or GH_TOKEN, e.g. `GH_TOKEN=$(gh auth token)`)");let s=v({token:a.token,baseUrl:b({GITHUB_API_URL:a.apiUrl}),log:m});l=h({cwd:i,tags:{reader:R(s,`${o.owner}/${o.repo}`),writer:H(s,`${o.owner}/${o.repo}`)},github:{octokit:s,repository:o,serverUrl:a.serverUrl},storage:g.storage,env:c,log:m})}else l=h({cwd:i,tags:{reader:O({cwd:i}),writer:G({cwd:i,...e.push?{push:{remote:"origin"}}:{}})},storage:g.storage,env:c,log:m});try{let s=await y(g,l);return r.out(e.json?`${JSON.stringify(j(s),null,2)}
`:I(s)),d.ok}finally{await l.close()}};function A(t){let r=/^([\w.-]+)\/([\w.-]+)$/.exec(t);if(!r)throw new n("usage",`--repo must be owner/name, e.g. acme/models, not "${t}"`);return{owner:r[1],repo:r[2]}}async function _(t,r,e){if(r!==void 0&&/^[0-9a-f]{40}$/.test(r)&&e)return r;try{return(await T({cwd:t},["rev-parse","--verify","--end-of-options",`${r??"HEAD"}^{commit}`])).trim()}catch(i){throw i instanceof $?new n("usage",r===void 0?`cannot find the commit to tag: ${t} is not a git clone with a HEAD commit. Run in the model repository's clone, or pass --commit <full sha> with --repo`:`--commit ${r} is not a commit of the clone in ${t}${e?" (with --repo, a full 40-character sha needs no clone)":""}`):i}}function j(t){return{model:t.model,version:t.version,tag:t.tag,commit:t.commit,created:t.created,release:t.release??null,artifacts:t.artifacts,subjects:t.subjects}}function I(t){return`${[t.created?`Registered ${t.tag} on ${t.commit}.`:`${t.tag} was already registered on ${t.commit}; completed what was missing.`,...t.release?[`Release: ${t.release.url}`]:[],...t.artifacts.map(e=>`  ${e.name}  sha256:${e.sha256}  ${e.size} bytes  ${e.uri}`)].join(`
`)}
`}export{Z as register,E as registerUsage};
