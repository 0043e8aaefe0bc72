import { createRequire as __msCreateRequire } from 'node:module'; const require = __msCreateRequire(import.meta.url);
function l(n,o){let t=n.length,e=o*(t-1),r=Math.floor(e),u=n[r];if(r>=t-1)return n[t-1];let a=n[r+1],c=e-r,i=a-u;return c>=.5?a-i*(1-c):u+i*c}function f(n){let o=n.length,t=o>>1;return o%2===1?n[t]:(n[t-1]+n[t])/2}export{l as a,f as b};
