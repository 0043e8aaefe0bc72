import { createRequire as __msCreateRequire } from 'node:module'; const require = __msCreateRequire(import.meta.url);
var r={name:"drift-report",readers:()=>({spares:2}),load:()=>import("./main-QBVVQZFQ.js"),failureOutputs:{"drift-detected":"false","drifted-columns":"[]","check-run-url":""}};export{r as a};
