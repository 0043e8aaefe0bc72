import { createRequire as __msCreateRequire } from 'node:module'; const require = __msCreateRequire(import.meta.url);
function r(e,t){return e===t?e:e==="integer"&&t==="float"||e==="float"&&t==="integer"?"float":"string"}export{r as a};
