import { createRequire as __msCreateRequire } from 'node:module'; const require = __msCreateRequire(import.meta.url);
import{a as m,b as c,c as l}from"./chunk-2QSYZIR4.js";import{a}from"./chunk-PR35RQQP.js";var y=`query RegistryTags($owner: String!, $name: String!, $filter: String, $after: String) {
  repository(owner: $owner, name: $name) {
    refs(refPrefix: "refs/tags/", query: $filter, first: 100, after: $after) {
      nodes {
        name
        target {
          __typename
          oid
          ... on Tag {
            message
            tagger { name email date }
            target { oid }
          }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;function _(t,e){let[r,s]=e.split("/");return{async listTags(i={}){let{model:g}=i,d=[],f;for(;;){let u=await t.graphql(y,{owner:r,name:s,...g!==void 0?{filter:g}:{},...f!==void 0?{after:f}:{}}).catch(n=>{throw h(n,e)}),o=u.repository?.refs;if(!u.repository)throw p(e);for(let n of o?.nodes??[])n.target&&l(n.name,g)&&d.push(T(n.name,n.target));if(!o?.pageInfo.hasNextPage||!o.pageInfo.endCursor)return d;f=o.pageInfo.endCursor}}}}function T(t,e){if(e.__typename!=="Tag")return{name:t,commit:e.oid,annotated:!1};let r=e.tagger;return{name:t,commit:e.target?.oid??e.oid,annotated:!0,object:e.oid,...r?.date?{tagger:{name:r.name??"",email:r.email??"",date:m(r.date)}}:{},message:c(e.message??"")}}function p(t){return new a("not-found",`repository ${t} was not found, or the token cannot see it: check --repo (owner/name) and that GITHUB_TOKEN/GH_TOKEN may read it (contents: read)`)}function h(t,e){if(t instanceof a)return t;let r=t,s=(r.errors??[]).map(i=>i.type);return s.includes("NOT_FOUND")?p(e):r.status===401?new a("access",`GitHub refused the token (401 Bad credentials) while reading ${e}'s tags: set GITHUB_TOKEN or GH_TOKEN to a valid token`):r.status===403||s.includes("FORBIDDEN")||s.includes("INSUFFICIENT_SCOPES")?new a("access",`the token may not read ${e}'s tags (${r.message??"forbidden"}): it needs contents: read on the repository (a fine-grained token or a workflow's GITHUB_TOKEN), or the repo scope for a classic token`):t}export{_ as a,h as b};
