#!/usr/bin/env node
'use strict';
// The CLI is written in TypeScript and compiled to dist/ by `npm run build` (run by npm ci via "prepare").
// The exit code is set, never process.exit(): that would cut off a report still draining into a pipe.
const cli = require('../dist/src/cli/main.js');
if (cli.cli) cli.cli(process.argv.slice(2));
else cli.main(process.argv.slice(2)).then((code) => (process.exitCode = code)); // a dist/ built before cli()
