import { createRequire as __msCreateRequire } from 'node:module'; const require = __msCreateRequire(import.meta.url);
import{a}from"./chunk-7HVIJFVR.js";import"./chunk-6EFA5N3R.js";import"./chunk-V6OPBOWF.js";import"./chunk-O6JFAZHL.js";import"./chunk-6SDWKMME.js";import"./chunk-32MJEG2B.js";import"./chunk-PR35RQQP.js";import"./chunk-R64QHKY4.js";export{a as startReaderThreads};
