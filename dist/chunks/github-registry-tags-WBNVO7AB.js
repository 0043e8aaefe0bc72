import { createRequire as __msCreateRequire } from 'node:module'; const require = __msCreateRequire(import.meta.url);
import{a,b}from"./chunk-MIDLNDAD.js";import"./chunk-2QSYZIR4.js";import"./chunk-PR35RQQP.js";import"./chunk-R64QHKY4.js";export{b as githubReadError,a as githubRegistryTags};
