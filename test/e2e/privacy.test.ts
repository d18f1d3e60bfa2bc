// Quotes safe to publish, end to end: the leak check and redaction, consent, the review round trip, anonymised copies.
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { unzipSync } from 'fflate';
import { stringify } from 'csv-stringify/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { digest, ROOT, runCli, scratch } from '../helpers/cli.js';

const FIXTURES = path.join(ROOT, 'fixtures/privacy');
const NAMES = path.join(ROOT, 'fixtures/privacy-key/private-names.txt');
// Each test runs the CLI several times, each loading the NLP library: room on a loaded 2-core machine.
const SLOW = 120_000;
const csv = (file: string) => parse(readFileSync(file), { columns: true }) as Record<string, string>[];

// Everything that must not be published: the listed identifiers, and every name and organisation the front matter gives.
const identifiers = [
  ...csv(path.join(ROOT, 'fixtures/privacy-key/identifiers.csv')).map((r) => r['text']!),
  ...readdirSync(FIXTURES)
    .filter((f) => f !== 'README.md')
    .flatMap((f) => [...readFileSync(path.join(FIXTURES, f), 'utf8').matchAll(/^(?:name|organisation): (.+)$/gm)].map((m) => m[1]!.replace(/ \(.*\)$/, ''))),
];
// Markdown escapes (\_ \#) would hide an identifier from a plain search.
const unescaped = (text: string) => text.replace(/\\(.)/g, '$1');
const leaked = (text: string) => identifiers.filter((id) => unescaped(text).includes(id));


function analyze(extra: string[], cwd?: string) {
  const out = scratch();
  const run = runCli(['analyze', FIXTURES, '--out', out, '--private-names', NAMES, ...extra], cwd === undefined ? {} : { cwd });
  expect(run.status, run.stderr).toBe(0);
  const read = (name: string) => (existsSync(path.join(out, name)) ? readFileSync(path.join(out, name), 'utf8') : '');
  return { out, run, read };
}

describe('the leak check', () => {
  let plain: ReturnType<typeof analyze>;
  let redacted: ReturnType<typeof analyze>;
  beforeAll(() => {
    plain = analyze([]);
    redacted = analyze(['--redact']);
  }, 120_000);

  it('finds names and contact details in the quotes, and warns once with counts and places, never the words', () => {
    expect(leaked(plain.read('quotes.csv')).length).toBeGreaterThan(20);
    const warnings = plain.run.stderr.split('\n').filter((l) => l.includes('warning'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^leak check: warning: \d+ of \d+ quotes hold what could identify someone: \d+ names, \d+ organisations, \d+ places, \d+ street addresses, \d+ e-mail addresses, \d+ phone numbers, \d+ URLs?, \d+ social-media handles; in E01 turn 2, E01 turn 4, S03 turn 4 \(\d+ more\)$/);
    expect(leaked(plain.run.stderr)).toEqual([]);
    expect(plain.read('report.md')).toContain('They were not redacted: read the quotes before publishing.');
  }, SLOW);

  it('with --redact leaves none of them in quotes.csv, report.md, report.html, summary.json or the quotes awaiting review', () => {
    for (const file of ['quotes.csv', 'report.md', 'report.html', 'summary.json', 'quotes-pending-review.csv']) expect(leaked(redacted.read(file)), file).toEqual([]);
    expect(redacted.read('quotes.csv')).toContain('[phone]');
    expect(redacted.read('quotes-pending-review.csv')).toContain('[email]');
    expect(redacted.run.stderr).toMatch(/Leak check: redacted \d+ names, .* in \d+ of \d+ quotes/);
    const summary = JSON.parse(redacted.read('summary.json')) as { quotes: { leak_check: { redacted: string; quotes_with_findings: number } } };
    expect(summary.quotes.leak_check.redacted).toBe('quotes');
    expect(summary.quotes.leak_check.quotes_with_findings).toBeGreaterThan(10);
    expect(redacted.read('report.md')).toMatch(/It found \d+ names, .* Each was replaced by its kind in brackets/);
  }, SLOW);

  it('redacts the letters of the review round too, the sentences around each quote included', () => {
    const review = scratch();
    expect(runCli(['quotes', 'review', redacted.out, '--out', review, '--transcripts', FIXTURES, '--private-names', NAMES]).status).toBe(0);
    for (const file of readdirSync(review)) expect(leaked(readFileSync(path.join(review, file), 'utf8')), file).toEqual([]);
    expect(readFileSync(path.join(review, 'E01.md'), 'utf8')).toContain('replaced by what they are, such as [name]');
  }, SLOW);

  it('keeps codings.csv as it was unless --redact all', () => {
    expect(leaked(redacted.read('codings.csv')).length).toBeGreaterThan(20);
    const all = analyze(['--redact', 'all']);
    expect(leaked(all.read('codings.csv'))).toEqual([]);
    expect(all.read('quotes.csv')).toBe(redacted.read('quotes.csv'));
  }, SLOW);

  it('keeps names, organisations and consent out of the QDA project\'s case variables', () => {
    const { out } = analyze(['--qdpx']);
    const qde = new TextDecoder().decode(unzipSync(readFileSync(path.join(out, 'collab-code.qdpx')))['project.qde']);
    expect(qde).toContain('name="group"');
    for (const hidden of ['Grace Wanjiru Mwangi', 'Kenya Media Watch', 'quote_consent', 'name="name"', 'name="organisation"']) expect(qde).not.toContain(hidden);
  }, SLOW);

  it('reads redact and private_names from collab-code.yaml', () => {
    const cwd = scratch({ 'collab-code.yaml': `redact: true\nprivate_names: ${NAMES}\n` });
    expect(leaked(analyze([], cwd).read('quotes.csv'))).toEqual([]);
    const bad = runCli(['analyze', FIXTURES, '--out', scratch(), '--redact', 'everything']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--redact takes "quotes" or "all", not "everything"');
  }, SLOW);

  it('honours consent: D01 (no) is counted and never quoted; S01 (review) waits for approval', () => {
    const quotes = csv(path.join(plain.out, 'quotes.csv'));
    expect(quotes.map((q) => q['transcript'])).not.toContain('D01');
    expect(quotes.map((q) => q['transcript'])).not.toContain('S01');
    const summary = JSON.parse(plain.read('summary.json')) as { interviews: { id: string }[]; totals: { interviews: number }; quotes: { consent: Record<string, number> } };
    expect(summary.totals.interviews).toBe(6);
    expect(summary.quotes.consent).toEqual({ yes: 4, no: 1, review: 1, quoted: 4 });
    expect(new Set(csv(path.join(plain.out, 'quotes-pending-review.csv')).map((q) => q['transcript']))).toEqual(new Set(['S01']));
    expect(plain.read('report.md')).not.toContain('Horizon Fund');
    expect(plain.read('report.md')).toContain('1 interviewee did not consent to be quoted and is counted but never quoted; 1 interviewee asked to review their quotes first.');
  }, SLOW);

  it('refuses a consent other than yes, no or review, naming the transcript', () => {
    const dir = scratch({ 'T1.txt': '---\nquote_consent: maybe\n---\nRespondent: Trust matters.\n' });
    const run = runCli(['analyze', 'T1.txt', '--print', 'quotes'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('T1.txt: error: T1: quote_consent "maybe" is not one of yes, no, review');
  }, SLOW);
});

describe('the review round trip', () => {
  it('withdraws one quote and edits another, changing exactly those; a second round keeps the decisions', () => {
    const first = analyze([]);
    const review = scratch();
    const letters = runCli(['quotes', 'review', first.out, '--out', review, '--transcripts', FIXTURES]);
    expect(letters.status, letters.stderr).toBe(0);
    expect(readdirSync(review).sort()).toEqual(['E01.md', 'E02.md', 'S01.md', 'S02.md', 'S03.md', 'quote-review.csv']);
    expect(readFileSync(path.join(review, 'S01.md'), 'utf8')).toMatch(/^# Sus citas en el informe/);
    expect(readFileSync(path.join(review, 'E01.md'), 'utf8')).toContain('In context:');

    const rows = csv(path.join(review, 'quote-review.csv'));
    const quotes = csv(path.join(first.out, 'quotes.csv'));
    // E01 raises safety-risks in two turns: when one passage is withdrawn, the other takes its place.
    const withdrawn = quotes.find((q) => q['transcript'] === 'E01' && q['code_id'] === 'safety-risks')!;
    const edited = quotes.find((q) => q['transcript'] === 'E02' && q['code_id'] === 'standardised-management')!;
    for (const r of rows) {
      if (r['quote_id'] === withdrawn['quote_id']) r['decision'] = 'withdraw';
      if (r['quote_id'] === edited['quote_id']) Object.assign(r, { decision: 'edit', edited_quote: 'Every funder has its own template.' });
    }
    writeFileSync(path.join(review, 'quote-review.csv'), stringify(rows, { header: true }));

    const second = analyze(['--quote-review', path.join(review, 'quote-review.csv')]);
    const after = csv(path.join(second.out, 'quotes.csv'));
    const key = (q: Record<string, string>) => `${q['code_id']} ${q['quote_id']} ${q['quote']}`;
    const gone = quotes.filter((q) => !after.some((a) => key(a) === key(q))).map((q) => q['quote_id']);
    const added = after.filter((a) => !quotes.some((q) => key(a) === key(q)));
    expect(gone.sort()).toEqual([withdrawn['quote_id'], edited['quote_id']].sort());
    expect(added.map((q) => [q['code_id'], q['quote_id'] === edited['quote_id'] ? q['quote'] : 'another passage'])).toEqual(
      [['safety-risks', 'another passage'], ['standardised-management', 'Every funder has its own template.']],
    );
    expect(after.filter((q) => q['quote_id'] === withdrawn['quote_id'])).toEqual([]);
    expect(second.read('report.md')).toContain('1 edited, 1 withdrawn (replaced by the next best passage where one was left)');

    // A second round into the same folder keeps the decisions, the withdrawal of a passage no longer quoted included.
    expect(runCli(['quotes', 'review', second.out, '--out', review, '--transcripts', FIXTURES]).status).toBe(0);
    const again = csv(path.join(review, 'quote-review.csv'));
    expect(again.find((r) => r['quote_id'] === withdrawn['quote_id'])?.['decision']).toBe('withdraw');
    expect(again.find((r) => r['quote_id'] === edited['quote_id'])?.['edited_quote']).toBe('Every funder has its own template.');
  }, SLOW);
});

describe('anonymise', () => {
  it('writes consistent pseudonyms across files, masks contact details, keeps the key apart, and never touches its inputs', () => {
    const input = scratch();
    cpSync(FIXTURES, input, { recursive: true });
    const before = digest(input);
    const out = scratch();
    const run = runCli(['anonymise', input, '--out', out, '--private-names', NAMES]);
    expect(run.status, run.stderr).toBe(0);
    expect(digest(input)).toBe(before);
    expect(run.stderr).toContain('pseudonyms.csv: warning: this is the key that turns the pseudonyms back into names');
    expect(readdirSync(out).sort()).toEqual(['D01.txt', 'E01.txt', 'E02.md', 'S01.md', 'S02.txt', 'S03.txt', 'pseudonyms.csv']);
    for (const file of readdirSync(out).filter((f) => f !== 'pseudonyms.csv')) expect(leaked(readFileSync(path.join(out, file), 'utf8')), file).toEqual([]);

    const key = csv(path.join(out, 'pseudonyms.csv'));
    const of = (name: string) => key.find((k) => k['name'] === name)!;
    expect(of('Grace Wanjiru Mwangi')['transcripts']).toBe('E01; E02');
    expect(of('Julián Herrera')['transcripts']).toBe('S01; S03');
    const grace = of('Grace Wanjiru Mwangi')['pseudonym']!;
    expect(readFileSync(path.join(out, 'E01.txt'), 'utf8')).toContain(`\n${grace}: Mostly it is the same people`);
    expect(readFileSync(path.join(out, 'E02.md'), 'utf8')).toContain(`in touch with ${grace} in `);
    expect(readFileSync(path.join(out, 'S03.txt'), 'utf8')).toContain(`contó ${of('Julián Herrera')['pseudonym']} cuando`);

    // The copies are transcripts still, and the leak check finds nothing of the people in them.
    const again = runCli(['analyze', out, '--out', scratch(), '--print', 'quotes']);
    expect(again.status).toBe(0);
    expect(leaked(again.stdout)).toEqual([]);
    expect(again.stderr).toContain('pseudonyms.csv: warning: the key to the pseudonyms lies beside the transcripts (skipped)');
  }, SLOW);

  it('--dry-run lists what would change and writes nothing; a copy over its input is refused', () => {
    const out = path.join(scratch(), 'anonymised');
    const dry = runCli(['anonymise', FIXTURES, '--out', out, '--dry-run']);
    expect(dry.status).toBe(0);
    expect(existsSync(out)).toBe(false);
    const rows = parse(dry.stdout, { columns: true }) as Record<string, string>[];
    expect(rows.find((r) => r['text'] === 'grace.mwangi@kmw.or.ke')).toMatchObject({ file: expect.stringMatching(/E01\.txt$/), kind: 'email', replacement: '[email]' });

    const input = scratch();
    cpSync(FIXTURES, input, { recursive: true });
    const before = digest(input);
    const clash = runCli(['anonymise', input, '--out', input]);
    expect(clash.status).toBe(2);
    expect(clash.stderr).toContain('the copies would overwrite the transcripts');
    expect(digest(input)).toBe(before);
  }, SLOW);
});

describe('other formats and a participants table', () => {
  const vtt = [
    'WEBVTT',
    '',
    '00:00:01.000 --> 00:00:04.000',
    '<v Interviewer>What stands in the way of working together?</v>',
    '',
    '00:00:04.500 --> 00:00:09.000',
    '<v Kofi Mensah>Honestly, we are exhausted, and the same people sit in every coalition meeting.</v>',
    '',
    '00:00:09.000 --> 00:00:14.000',
    '<v Kofi Mensah>Amara Diallo at Sauti Media Lab is burned out too; call her on +233 24 123 4567.</v>',
    '',
  ].join('\n');
  const participants = 'id,Name,Organisation,group,Quote consent\nK01,Kofi Mensah,Sauti Media Lab,members,yes\nK02,Efua Owusu,Accra Radio Collective,members,no\n';
  const k02 = 'Interviewer: And you?\n\nRespondent: We are exhausted too. The same people decide everything.\n';
  const names = ['Kofi Mensah', 'Kofi', 'Mensah', 'Amara Diallo', 'Sauti Media Lab', '+233 24 123 4567', 'Efua', 'Accra'];

  it('reads names, organisations and consent from the participants table, and anonymises a subtitle file into text', () => {
    const dir = scratch({ 'interviews/K01.vtt': vtt, 'interviews/K02.txt': k02, 'participants.csv': participants });
    const run = runCli(['analyze', 'interviews', '--participants', 'participants.csv', '--redact', '--out', 'out'], { cwd: dir });
    expect(run.status, run.stderr).toBe(0);
    const quotes = readFileSync(path.join(dir, 'out/quotes.csv'), 'utf8');
    expect(quotes).toContain('K01');
    expect(quotes).not.toContain('K02');
    for (const file of ['quotes.csv', 'report.md', 'summary.json']) {
      const text = unescaped(readFileSync(path.join(dir, 'out', file), 'utf8'));
      expect(names.filter((n) => text.includes(n)), file).toEqual([]);
    }

    const before = digest(path.join(dir, 'interviews'));
    const anonymised = runCli(['anonymise', 'interviews', '--participants', 'participants.csv', '--out', 'anon'], { cwd: dir });
    expect(anonymised.status, anonymised.stderr).toBe(0);
    expect(digest(path.join(dir, 'interviews'))).toBe(before);
    expect(readdirSync(path.join(dir, 'anon')).sort()).toEqual(['K01.txt', 'K02.txt', 'pseudonyms.csv']);
    const copy = readFileSync(path.join(dir, 'anon/K01.txt'), 'utf8');
    expect(names.filter((n) => copy.includes(n))).toEqual([]);
    expect(copy).toMatch(/^\[00:00:04\.500\] Person 1: Honestly/m);
    // The copy reads back as the same turns.
    expect(runCli(['analyze', 'anon', '--print', 'codings'], { cwd: dir }).stdout).toContain('K01,2,00:00:04.5');
  }, SLOW);
});

describe('--attribute-quotes', () => {
  it('attributes quotes by group and region, coarsened below three interviewees, and says so', () => {
    const run = runCli(['analyze', 'fixtures/example', '--attribute-quotes', 'group,region', '--print', 'report']);
    expect(run.status).toBe(0);
    // No combination of group and region covers three of the example's interviews: region is dropped for all.
    expect(run.stdout).toMatch(/^> — members$/m);
    expect(run.stdout).toMatch(/^> — donors$/m);
    expect(run.stdout).not.toMatch(/^> — \w+, /m);
    expect(run.stdout).toMatch(/Quotes are attributed by group and region; for \d+ interviewees whose combination of values is shared by fewer than 3 interviewees/);
    const refused = runCli(['analyze', FIXTURES, '--attribute-quotes', 'name', '--print', 'quotes']);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('quotes cannot be attributed by "name": it identifies the interviewee');
  }, SLOW);
});
