import { createRequire as __msCreateRequire } from 'node:module'; const require = __msCreateRequire(import.meta.url);
var r={name:"metric-gate",readers:()=>({spares:0}),load:()=>import("./main-4XAC37IT.js"),failureOutputs:{passed:"false",metrics:"{}",report:"","check-run-url":"","comment-url":""}};export{r as a};
