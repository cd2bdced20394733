#!/usr/bin/env node
'use strict';
// The `crm` command line, run from source: node apps/cli/bin/crm.js <command> [options]
require('./register-typescript');
// `crm blueprint show opportunity | head` closes the pipe early: the reader has what it wanted, so the rest
// of the output is dropped and the command still ends with its own exit code.
process.stdout.on('error', (error) => {
  if (error.code !== 'EPIPE') throw error;
});
const { main } = require('../src/main.ts');

main(process.argv.slice(2)).then(
  (exitCode) => process.exit(exitCode),
  (error) => {
    process.stderr.write(`crm: ${error && error.stack ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
