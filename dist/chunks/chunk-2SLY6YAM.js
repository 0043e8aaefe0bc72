import { createRequire as __msCreateRequire } from 'node:module'; const require = __msCreateRequire(import.meta.url);
var e=class extends Error{constructor(u,r){super(r);this.reason=u}reason;name="PublishError"};export{e as a};
