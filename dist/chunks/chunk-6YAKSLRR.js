import { createRequire as __msCreateRequire } from 'node:module'; const require = __msCreateRequire(import.meta.url);
import{mkdir as o,rename as s,writeFile as m}from"node:fs/promises";import{dirname as a,resolve as c}from"node:path";async function w(i,e,n){let r=c(n,i);await o(a(r),{recursive:!0});let t=`${r}.${process.pid}.tmp`;return await m(t,e),await s(t,r),r}export{w as a};
