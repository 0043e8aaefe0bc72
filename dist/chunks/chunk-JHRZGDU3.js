import { createRequire as __msCreateRequire } from 'node:module'; const require = __msCreateRequire(import.meta.url);
var t={ok:0,failed:1,usage:2};export{t as a};
