#!/usr/bin/env node
// The installed CLI runs the same bundle the actions run.
await import('../dist/cli.js');
