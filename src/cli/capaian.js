#!/usr/bin/env node
// Package bin: runs the TypeScript command line through tsx, so no build step is needed.
'use strict';

// Output piped into a program that stops reading early (head, less): end quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err && err.code === 'EPIPE') process.exit(process.exitCode || 0);
    throw err;
  });
}

require('tsx/cjs/api').register();
const { main } = require('./main.ts');

main(process.argv.slice(2)).then(
  (code) => {
    // exitCode (not process.exit) lets piped stdout drain before the process ends.
    process.exitCode = code;
  },
  (err) => {
    // main() catches everything; this is a last resort.
    process.stderr.write(`capaian: Kesalahan tak terduga: ${err && err.message ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
