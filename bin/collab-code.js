#!/usr/bin/env node
// The only place that touches the process: run the CLI, set the exit code, stop at once on a signal.
import { interrupted, run, STOP_SIGNALS } from '../dist/cli/main.js';

// Output piped into `head` and closed early is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

// Coding yields between batches of transcripts (and Ctrl-C breaks into a batch), so these run promptly.
for (const signal of STOP_SIGNALS) process.on(signal, () => process.exit(interrupted(signal)));

process.exitCode = await run(process.argv.slice(2));
