import { createRequire as __msCreateRequire } from 'node:module'; const require = __msCreateRequire(import.meta.url);
import{a as u,b as l,c}from"./chunk-2QSYZIR4.js";import{a as i}from"./chunk-PR35RQQP.js";var y=`nodes {
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
      pageInfo { hasNextPage endCursor }`,R=`query RegistryTags($owner: String!, $name: String!, $filter: String, $after: String) {
  repository(owner: $owner, name: $name) {
    refs(refPrefix: "refs/tags/", query: $filter, first: 100, after: $after) {
      ${y}
    }
  }
}`;function _(r,e){return{listTags:(t={})=>T(r,e,t)}}async function T(r,e,t={}){let[a,o]=e.split("/"),{model:g}=t,d=[],n=t.first,f;for(;;){if(!n){let s=await r.graphql(R,{owner:a,name:o,...g!==void 0?{filter:g}:{},...f!==void 0?{after:f}:{}}).catch(p=>{throw w(p,e)});if(!s.repository)throw m(e);n=s.repository.refs}for(let s of n?.nodes??[])s.target&&c(s.name,g)&&d.push(h(s.name,s.target));if(!n?.pageInfo.hasNextPage||!n.pageInfo.endCursor)return d;f=n.pageInfo.endCursor,n=void 0}}function h(r,e){if(e.__typename!=="Tag")return{name:r,commit:e.oid,annotated:!1};let t=e.tagger;return{name:r,commit:e.target?.oid??e.oid,annotated:!0,object:e.oid,...t?.date?{tagger:{name:t.name??"",email:t.email??"",date:u(t.date)}}:{},message:l(e.message??"")}}function m(r){return new i("not-found",`repository ${r} was not found, or the token cannot see it: check --repo (owner/name) and that GITHUB_TOKEN/GH_TOKEN may read it (contents: read)`)}function w(r,e){if(r instanceof i)return r;let t=r,a=(t.errors??[]).map(o=>o.type);return a.includes("NOT_FOUND")?m(e):t.status===401?new i("access",`GitHub refused the token (401 Bad credentials) while reading ${e}'s tags: set GITHUB_TOKEN or GH_TOKEN to a valid token`):t.status===403||a.includes("FORBIDDEN")||a.includes("INSUFFICIENT_SCOPES")?new i("access",`the token may not read ${e}'s tags (${t.message??"forbidden"}): it needs contents: read on the repository (a fine-grained token or a workflow's GITHUB_TOKEN), or the repo scope for a classic token`):r}export{y as a,_ as b,T as c,w as d};
