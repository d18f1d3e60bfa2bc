// --excel: CSVs a spreadsheet opens right on double-click (UTF-8 byte-order mark, CRLF); without it, clean pipes.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { runCli, scratch } from '../helpers/cli.js';

const args = ['analyze', 'fixtures/example', '--codebook', 'codebooks/collaboration-code.yaml'];

describe('--excel', () => {
  it('starts every CSV with the UTF-8 byte-order mark and ends records with CRLF; accented words read back intact', () => {
    const out = scratch();
    expect(runCli([...args, '--excel', '--out', out]).status).toBe(0);
    for (const name of ['codings.csv', 'frequencies.csv', 'quotes.csv']) {
      const bytes = readFileSync(path.join(out, name));
      expect([...bytes.subarray(0, 3)], name).toEqual([0xef, 0xbb, 0xbf]);
      expect(bytes.toString('utf8'), name).toMatch(/\r\n$/);
    }
    const quotes = parse(readFileSync(path.join(out, 'quotes.csv')), { bom: true, columns: true }) as Record<string, string>[];
    expect(Object.keys(quotes[0]!)[0]).toBe('quote_id');
    expect(quotes.some((q) => /[áéíóúñ]/.test(q['quote']!))).toBe(true);
    // The report and summary are not CSV: no mark there.
    expect(readFileSync(path.join(out, 'report.md'), 'utf8').charCodeAt(0)).not.toBe(0xfeff);
  });

  it('is off by default, so output piped to another tool starts with the header', () => {
    const run = runCli([...args, '--print', 'quotes']);
    expect(run.stdout.startsWith('quote_id,code_id,transcript,turn,time,speaker,strength,quote,start,end\r\n')).toBe(true);
  });
});
