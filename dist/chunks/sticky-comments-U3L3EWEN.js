import { createRequire as __msCreateRequire } from 'node:module'; const require = __msCreateRequire(import.meta.url);
import{a}from"./chunk-DJU3IT2T.js";import"./chunk-NL7PZWW7.js";import"./chunk-2SLY6YAM.js";import"./chunk-R64QHKY4.js";export{a as pullRequestComments};
