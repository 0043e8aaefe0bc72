import { createRequire as __msCreateRequire } from 'node:module'; const require = __msCreateRequire(import.meta.url);
var e={name:"register-model",readers:()=>({spares:0}),load:()=>import("./main-CMYXCWC5.js"),failureOutputs:{tag:"",version:"",created:"false","release-url":"",artifacts:"[]","subject-path":"","subject-digest":"","subject-name":""}};export{e as a};
