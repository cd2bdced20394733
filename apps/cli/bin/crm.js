#!/usr/bin/env node
'use strict';
// The `crm` command line, run from source: node apps/cli/bin/crm.js <command> [options]
require('./register-typescript');
const { main } = require('../src/main.ts');

main(process.argv.slice(2)).then(
  (exitCode) => process.exit(exitCode),
  (error) => {
    process.stderr.write(`crm: ${error && error.stack ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
