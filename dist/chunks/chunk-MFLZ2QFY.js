import { createRequire as __msCreateRequire } from 'node:module'; const require = __msCreateRequire(import.meta.url);
var t=["AWS_ENDPOINT_URL_S3","AWS_ENDPOINT_URL","AWS_REGION","AWS_DEFAULT_REGION","AWS_ACCESS_KEY_ID"];function E(_){_.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED??="true";let n={};for(let S of t)_[S]&&(n[S]=_[S]);return n}export{E as a};
