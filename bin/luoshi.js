#!/usr/bin/env node
'use strict';
// The CLI is written in TypeScript and compiled to dist/ by `npm run build` (run by npm ci via "prepare").
// The command runs in a child process that dist/src/cli/supervisor.js watches, so V8 running out of heap
// ends with one line rather than V8's dump (LUOSHI_NO_SUPERVISOR=1 runs it in this process).
// The exit code is set, never process.exit(): that would cut off a report still draining into a pipe.
let supervisor = null;
try {
  supervisor = require('../dist/src/cli/supervisor.js');
} catch {
  // a dist/ built before the supervisor: run unsupervised
}
if (supervisor && !process.env[supervisor.SUPERVISED] && !process.env.LUOSHI_NO_SUPERVISOR) {
  supervisor.supervise(__filename, process.argv.slice(2));
} else {
  if (supervisor) supervisor.adoptTerminal();
  const cli = require('../dist/src/cli/main.js');
  if (cli.cli) cli.cli(process.argv.slice(2));
  else cli.main(process.argv.slice(2)).then((code) => (process.exitCode = code)); // a dist/ built before cli()
}
