import { createRequire as __msCreateRequire } from 'node:module'; const require = __msCreateRequire(import.meta.url);
import{a}from"./chunk-AS5IP47M.js";import"./chunk-R64QHKY4.js";export default a();
