// Loaded with `node --import`: records every module the process resolves into the file named by TRACE_IMPORTS.
import { register } from 'node:module';

register('./trace-imports-hooks.mjs', import.meta.url);
