import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { formatCsv, neutraliseFormula } from '../../src/outputs/csv.js';

describe('CSV', () => {
  it('follows RFC 4180: CRLF records, quoted fields with commas, quotes and line breaks', () => {
    const text = formatCsv(['a', 'b'], [['x, y', 'say "hi"'], ['line\nbreak', 3]]);
    expect(text).toBe('a,b\r\n"x, y","say ""hi"""\r\n"line\nbreak",3\r\n');
    expect(parse(text, { columns: true })).toEqual([
      { a: 'x, y', b: 'say "hi"' },
      { a: 'line\nbreak', b: '3' },
    ]);
  });

  it('prefixes cells a spreadsheet would run as a formula with an apostrophe', () => {
    expect(['=SUM(A1)', '+1', '-2', '@cmd', '\tx', '\rx', 'safe', 'a=b'].map(neutraliseFormula)).toEqual([
      "'=SUM(A1)",
      "'+1",
      "'-2",
      "'@cmd",
      "'\tx",
      "'\rx",
      'safe',
      'a=b',
    ]);
    expect(formatCsv(['h'], [['=HYPERLINK("x")']])).toBe('h\r\n"\'=HYPERLINK(""x"")"\r\n');
  });

  it('writes numbers as numbers', () => {
    expect(formatCsv(['n'], [[12.5]])).toBe('n\r\n12.5\r\n');
  });
});
