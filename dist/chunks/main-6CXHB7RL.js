import { createRequire as __msCreateRequire } from 'node:module'; const require = __msCreateRequire(import.meta.url);
import{a}from"./chunk-62N2WYL3.js";import"./chunk-TFG55W6Q.js";import"./chunk-ZL57ZWET.js";import"./chunk-FX23DWPH.js";import"./chunk-NAJHRDEL.js";import"./chunk-PR35RQQP.js";import"./chunk-R64QHKY4.js";export{a as run};
