// The leak check's one warning: how many findings of each kind, and the first quotes holding them by transcript and
// turn, never the words found (stderr ends up in CI logs).
import { describeFindings } from '../core/privacy/findings.js';
import { namesInIdentifier, type KnownNameMatcher } from '../core/privacy/known-names.js';
import type { Transcript } from '../core/transcripts/transcript.js';
import type { LeakReport } from '../core/privacy/protect.js';
import { warning, type Problem } from '../core/problem.js';

const PLACES_SHOWN = 3;

/** A warning when quotes hold findings and were not redacted; none when redacted or clean. */
export function leakWarning(report: LeakReport): Problem[] {
  if (report.quotesWithFindings === 0 || report.redacted !== 'none') return [];
  const places = [...new Set(report.places.map((p) => `${p.transcript} turn ${p.turn}`))];
  const first = places.slice(0, PLACES_SHOWN);
  const more = places.length > PLACES_SHOWN ? ` (${places.length - PLACES_SHOWN} more)` : '';
  return [
    warning(
      { file: 'leak check' },
      `${report.quotesWithFindings} of ${report.checked.quotes} quotes hold what could identify someone: ${describeFindings(report.found)}; in ${first.join(', ')}${more}`,
      'read them in quotes.csv before publishing, or run with --redact to replace each with its kind ([name], [organisation], [email]…)',
    ),
  ];
}

/** A warning for each transcript whose id, shown beside its quotes in quotes.csv and summary.json, holds a known name. */
export function identifyingIds(transcripts: readonly Pick<Transcript, 'id' | 'file'>[], known: KnownNameMatcher): Problem[] {
  return transcripts
    .filter((t) => namesInIdentifier(known, t.id).length > 0)
    .map((t) => ({
      ...warning({ file: t.file }, `the transcript id "${t.id}" holds a name, and it is printed beside its quotes`, 'give the interview a code as its id in the front matter (id: M05)'),
      kind: 'transcript id holds a name',
    }));
}
