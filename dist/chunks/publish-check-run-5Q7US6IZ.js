import { createRequire as __msCreateRequire } from 'node:module'; const require = __msCreateRequire(import.meta.url);
import{a,b,c}from"./chunk-NL7PZWW7.js";import"./chunk-2SLY6YAM.js";import"./chunk-R64QHKY4.js";export{c as asPublishError,a as checkRunPublisher,b as publishCheckRun};
