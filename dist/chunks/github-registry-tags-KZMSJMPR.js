import { createRequire as __msCreateRequire } from 'node:module'; const require = __msCreateRequire(import.meta.url);
import{a,b,c,d}from"./chunk-L4VU24UG.js";import"./chunk-2QSYZIR4.js";import"./chunk-PR35RQQP.js";import"./chunk-R64QHKY4.js";export{a as REGISTRY_REFS_PAGE,d as githubReadError,b as githubRegistryTags,c as listRegistryTags};
