import { createRequire as __msCreateRequire } from 'node:module'; const require = __msCreateRequire(import.meta.url);
import"./chunks/chunk-R64QHKY4.js";import*as a from"node:module";function o(){let e=a;if(!(typeof e.enableCompileCache!="function"||typeof e.flushCompileCache!="function"))try{e.enableCompileCache()}catch{}}o();await import("./chunks/main-TTXQUKDK.js");
