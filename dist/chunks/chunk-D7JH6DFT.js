import { createRequire as __msCreateRequire } from 'node:module'; const require = __msCreateRequire(import.meta.url);
function s(n,r){let o=0;for(let e=0;e<r;e++)o+=n[e];let u=o/r,a=0,t=0;for(let e=0;e<r;e++){let m=n[e]-u;a+=m*m,t+=m}return{mean:u,m2:a-t*t/r}}export{s as a};
