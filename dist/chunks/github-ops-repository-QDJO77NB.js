import { createRequire as __msCreateRequire } from 'node:module'; const require = __msCreateRequire(import.meta.url);
import{a,b}from"./chunk-2MTIOT2K.js";import"./chunk-AS5IP47M.js";import"./chunk-PR35RQQP.js";import"./chunk-R64QHKY4.js";export{a as defaultBranchSelection,b as githubOpsRepository};
