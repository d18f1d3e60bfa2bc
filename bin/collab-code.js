#!/usr/bin/env node
// The only place that touches the process: run the CLI, set the exit code.
import { run } from '../dist/cli/main.js';

process.exitCode = await run(process.argv.slice(2));
