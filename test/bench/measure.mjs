// Runs the CLI in this process and records wall time (start-up included) and peak resident memory.
import { writeFileSync } from 'node:fs';

const started = performance.now();
const { run } = await import('../../dist/cli/main.js');
const [report, ...argv] = process.argv.slice(2);
const code = await run(argv);
writeFileSync(report, JSON.stringify({ seconds: (performance.now() - started) / 1000, maxRssMB: process.resourceUsage().maxRSS / 1024, code }));
process.exitCode = code;
