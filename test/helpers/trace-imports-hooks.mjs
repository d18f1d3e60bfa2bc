// Module resolution hook (runs off the main thread): appends each resolved URL to TRACE_IMPORTS.
import { appendFileSync } from 'node:fs';

export async function resolve(specifier, context, nextResolve) {
  const result = await nextResolve(specifier, context);
  if (process.env.TRACE_IMPORTS) appendFileSync(process.env.TRACE_IMPORTS, `${result.url}\n`);
  return result;
}
