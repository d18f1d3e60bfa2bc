// Runs the CLI in this process and records wall time (start-up included), CPU time and peak resident memory.
// CPU time varies less than wall time on a shared machine.
import { writeFileSync } from 'node:fs';

const started = performance.now();
const { run } = await import('../../dist/cli/main.js');
const [report, ...argv] = process.argv.slice(2);
const code = await run(argv);
const usage = process.resourceUsage();
writeFileSync(report, JSON.stringify({ seconds: (performance.now() - started) / 1000, cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6, maxRssMB: usage.maxRSS / 1024, code }));
process.exitCode = code;
