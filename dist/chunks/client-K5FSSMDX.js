import { createRequire as __msCreateRequire } from 'node:module'; const require = __msCreateRequire(import.meta.url);
import{k as a}from"./chunk-FS3NGKJE.js";import"./chunk-PR35RQQP.js";import"./chunk-R64QHKY4.js";export{a as createGitHubClient};
