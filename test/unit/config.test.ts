import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/io/read-config.js';

describe('collab-code.yaml', () => {
  it('reads single values and lists alike', () => {
    const result = parseConfig('transcripts: interviews\ncodebook: cb.yaml\nby: [group, region]\nunit: paragraph\ninterviewers: [Ana]\n', 'c.yaml');
    expect(result.ok && result.value).toEqual({ transcripts: ['interviews'], codebook: 'cb.yaml', by: ['group', 'region'], unit: 'paragraph', interviewers: ['Ana'] });
  });

  it('is empty when the file is', () => {
    expect(parseConfig('', 'c.yaml')).toEqual({ ok: true, value: {}, warnings: [] });
  });

  it('names the line of an unknown setting, with a suggestion', () => {
    const result = parseConfig('out: x\nunti: turn\n', 'c.yaml');
    expect(result.ok ? undefined : result.problems[0]).toMatchObject({ line: 2, column: 1, message: 'unknown setting "unti" (did you mean "unit"?)' });
  });

  it('refuses an unknown unit and a list where one value is wanted', () => {
    const result = parseConfig('unit: words\nout: [a, b]\n', 'c.yaml');
    expect(result.ok ? [] : result.problems.map((p) => [p.line, p.message])).toEqual([
      [1, 'unknown unit "words"'],
      [2, '"out" must be a single value'],
    ]);
  });

  it('reads human codings settings, auto as a boolean', () => {
    const result = parseConfig('codings: [alice.csv]\ncolumns: transcript=document\nauto: true\n', 'c.yaml');
    expect(result.ok && result.value).toEqual({ codings: ['alice.csv'], columns: ['transcript=document'], auto: true });
    const wrong = parseConfig('auto: yes please\n', 'c.yaml');
    expect(wrong.ok ? [] : wrong.problems.map((p) => [p.line, p.message])).toEqual([[1, '"auto" must be true or false']]);
  });
});
