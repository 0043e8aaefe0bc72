import { createRequire as __msCreateRequire } from 'node:module'; const require = __msCreateRequire(import.meta.url);
import{a}from"./chunk-KZ4NDOOV.js";import"./chunk-FX23DWPH.js";import"./chunk-PR35RQQP.js";import"./chunk-R64QHKY4.js";export{a as githubOpsRepository};
