import { createRequire as __msCreateRequire } from 'node:module'; const require = __msCreateRequire(import.meta.url);
import{b as a,c as b,d as c}from"./chunk-A3UX7GQV.js";import"./chunk-PR35RQQP.js";import"./chunk-R64QHKY4.js";export{a as githubRegistryTagWriter,b as githubRegistryTagsWriter,c as readTag};
