#!/usr/bin/env node
import { exitCleanlyOnInterrupt } from '../output/interrupt.js';
import { runCli } from './program.js';

// `archgen … | head` closes the pipe early; that is not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

// Ctrl-C: no temp file survives, and the user learns how far the run got.
exitCleanlyOnInterrupt((line) => process.stderr.write(`${line}\n`));

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error('internal error:', error);
    process.exitCode = 3;
  },
);
