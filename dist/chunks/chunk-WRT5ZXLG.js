import { createRequire as __msCreateRequire } from 'node:module'; const require = __msCreateRequire(import.meta.url);
import{i as o}from"./chunk-6VXFI7LM.js";function u(r,n){let s=r.lastCounters?.get(n);if(s!==void 0)return s+1;let t=0;for(let i of r.models.get(n)?.events??[]){let e=o(i.tag)?.counter;e!==void 0&&e>t&&(t=e)}return t+1}export{u as a};
