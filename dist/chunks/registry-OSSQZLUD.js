import { createRequire as __msCreateRequire } from 'node:module'; const require = __msCreateRequire(import.meta.url);
import{a as t}from"./chunk-JHRZGDU3.js";import{a as i}from"./chunk-PR35RQQP.js";import"./chunk-R64QHKY4.js";var a={list:{summary:"every model: its latest version and who holds each stage",load:async()=>(await import("./registry-list-S475TBMP.js")).registryList},show:{summary:"a model's versions, or one version's record: NAME, NAME@v5.1.2, NAME@latest, NAME#stage",load:async()=>(await import("./registry-show-27VDR5PM.js")).registryShow},which:{summary:"the version in a stage: NAME STAGE",load:async()=>(await import("./registry-which-64LDHW2K.js")).registryWhich},history:{summary:"a model's events, newest first: NAME",load:async()=>(await import("./registry-history-UUICMKS2.js")).registryHistory},assign:{summary:"assign a stage to a version: NAME VERSION STAGE",load:async()=>(await import("./registry-assign-HYEQ3VKB.js")).registryAssign},unassign:{summary:"take a version out of a stage: NAME STAGE [VERSION]",load:async()=>(await import("./registry-unassign-XUE4BPFW.js")).registryUnassign},deregister:{summary:"deregister a version: NAME VERSION",load:async()=>(await import("./registry-deregister-7WJOBNJ6.js")).registryDeregister},deprecate:{summary:"deprecate a model: NAME",load:async()=>(await import("./registry-deprecate-F7A6ZRL6.js")).registryDeprecate},fetch:{summary:"download a version's artifacts, verified by sha256: NAME[@VERSION|#STAGE] --to DIR",load:async()=>(await import("./registry-fetch-AEFO4UBC.js")).registryFetch},doctor:{summary:"report broken tags, interrupted registrations, missing release assets",load:async()=>(await import("./registry-doctor-IE3OUDIW.js")).registryDoctor}},m=`Usage: modelship registry <subcommand> [arguments] [options]

The model registry is the repository's git tags in GTO's format (name@vX.Y.Z, name#stage#N, \u2026) and
the GitHub Releases of its versions. Queries read the tags of the local clone (the git repository at
the working directory, or --git-dir) without any API call; with --repo owner/name they read GitHub
instead (token from GITHUB_TOKEN or GH_TOKEN).

Subcommands:
${Object.entries(a).map(([r,s])=>`  ${r.padEnd(10)}  ${s.summary}`).join(`
`)}

Run "modelship registry <subcommand> --help" for its options.
`,g=async(r,s)=>{let[e,...n]=r;if(e===void 0||e==="--help"||e==="-h"||e==="help")return s.out(m),e===void 0?t.usage:t.ok;let o=a[e];if(!o)throw new i("usage",`unknown subcommand "registry ${e}". Subcommands: ${Object.keys(a).join(", ")}`);return(await o.load())(n,s)};export{g as registry,m as registryUsage};
