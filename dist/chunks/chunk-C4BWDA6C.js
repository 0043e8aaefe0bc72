import { createRequire as __msCreateRequire } from 'node:module'; const require = __msCreateRequire(import.meta.url);
function e(n){let t;try{t=new URL(n)}catch{return}return(t.protocol==="http:"||t.protocol==="https:")&&t.hostname?t:void 0}export{e as a};
