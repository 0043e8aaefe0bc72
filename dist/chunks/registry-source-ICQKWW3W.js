import { createRequire as __msCreateRequire } from 'node:module'; const require = __msCreateRequire(import.meta.url);
import{a,b,c}from"./chunk-G4VHKNFC.js";import"./chunk-H5LNFMB6.js";import"./chunk-2QSYZIR4.js";import"./chunk-PR35RQQP.js";import"./chunk-R64QHKY4.js";export{c as printJson,a as registrySource,b as warnAboutTags};
