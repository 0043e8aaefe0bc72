import { createRequire as __msCreateRequire } from 'node:module'; const require = __msCreateRequire(import.meta.url);
import{a}from"./chunk-Q6XULI2X.js";import"./chunk-C4BWDA6C.js";import"./chunk-PR35RQQP.js";import"./chunk-R64QHKY4.js";export{a as githubApiUrlFromEnv};
