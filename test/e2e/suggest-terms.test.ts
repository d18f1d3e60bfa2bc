// codebook suggest-terms end to end, on fixtures/suggest-terms: a thin codebook and one person's codings.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { ROOT, runCli } from '../helpers/cli.js';

const FIXTURE = path.join(ROOT, 'fixtures/suggest-terms');
const args = ['codebook', 'suggest-terms', path.join(FIXTURE, 'codebook.yaml'), path.join(FIXTURE, 'interviews'), '--codings', path.join(FIXTURE, 'human.csv')];

interface TermsJson {
  schema_version: number;
  statistic: string;
  codes: { code: string; language: string; units: number; caught: number; terms: { term: string; kind: string; z: number; in_code: number; would_add: number; would_fire_elsewhere: number }[] }[];
}

describe('codebook suggest-terms', () => {
  const json = runCli([...args, '--format', 'json']);
  const result = JSON.parse(json.stdout) as TermsJson;
  const travel = result.codes.find((c) => c.code === 'travel' && c.language === 'en')!;

  it('lists, per code, the words over-represented in its coded units, with what each would add and where else it would fire', () => {
    expect(json.status).toBe(0);
    expect(result.schema_version).toBe(1);
    expect(result.statistic).toContain('Dirichlet prior');
    expect(travel).toMatchObject({ units: 5, caught: 1 });
    expect(travel.terms[0]).toMatchObject({ term: 'passport', kind: 'word', in_code: 5, would_add: 4, would_fire_elsewhere: 0 });
    expect(travel.terms[0]!.z).toBeGreaterThan(1.645);
  });

  it("leaves out function words and what the code's terms already match, and ranks by keyness", () => {
    for (const c of result.codes) {
      const zs = c.terms.map((t) => t.z);
      expect(zs).toEqual([...zs].sort((a, b) => b - a));
      for (const t of c.terms) {
        expect(t.would_add, `${c.code} ${t.term}`).toBeGreaterThan(0);
        expect(t.term).not.toMatch(/^(the|and|of|a|to|visas?|unpaid|trust)$/);
      }
    }
  });

  it('writes a YAML snippet to paste under codes, each term commented with its figures', () => {
    const run = runCli([...args, '--format', 'yaml']);
    expect(run.status).toBe(0);
    const snippet = parseYaml(run.stdout) as { codes: { id: string; terms: Record<string, string[]> }[] };
    expect(snippet.codes.find((c) => c.id === 'travel')?.terms['en']).toContain('passport');
    expect(run.stdout).toMatch(/- passport # z \d+\.\d\d, adds 4, elsewhere 0/);
  });

  it('writes a table by default, limited to --top per code', () => {
    const run = runCli([...args, '--top', '1']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('## `travel` (en): Travel restrictions keep partners away from meetings');
    expect(run.stdout).toMatch(/\| passport \| word \| \d+\.\d\d \| 5 \| 4 \| 0 \|/);
    expect(run.stdout.match(/^\| [^-|][^|]* \| (word|phrase) \|/gm)?.length).toBeLessThanOrEqual(result.codes.length);
    expect(run.stderr).toMatch(/candidate terms? for \d+ of the 3 codes people applied/);
  });

  it('needs human codings', () => {
    const run = runCli(args.slice(0, 4));
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("required option '--codings <file>'");
  });
});
