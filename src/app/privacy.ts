// The leak check as the use cases run it: the names the project knows, and the English NLP library in worker threads,
// loaded only when there is English text to check (it is large: about 0.3 s to load on the development machine).
import { appendAll } from '../core/collections.js';
import { KnownNameMatcher, namesOfTranscripts, type KnownName, type NamedTranscript } from '../core/privacy/known-names.js';
import { createLeakCheck, sentencesForNlp, type LeakCheck } from '../core/privacy/leak-check.js';
import type { NameFinder } from '../core/privacy/nlp-names.js';
import type { Language } from '../core/text/language.js';
import { utf16Converter, type CodePointOffset } from '../core/text/offsets.js';
import type { Transcript } from '../core/transcripts/transcript.js';
import { readPrivateNames } from '../io/read-privacy-files.js';
import { InputError } from './errors.js';
import { startNameFinderThread, type NameFinderThread } from './name-finder-thread.js';

export interface LoadedLeakCheck {
  readonly check: LeakCheck;
  readonly known: KnownNameMatcher;
  /** Languages an NLP library covers in this check. */
  readonly nlpLanguages: readonly Language[];
}

/**
 * The leak check for what `uses` checks, in `languages`, knowing the transcripts' names and those of the private names
 * file. English names come from compromise in worker threads (`thread`, started early so that the library loads
 * while the corpus is read, else started now): `uses` first runs with a check that only gathers the sentences it
 * would give the library, the threads read those, and the check returned knows their findings, so the caller then
 * checks the same texts with it.
 */
export async function loadLeakCheck(
  transcripts: readonly NamedTranscript[],
  privateNames: string | undefined,
  cwd: string,
  languages: ReadonlySet<Language>,
  uses: (check: LeakCheck, known: KnownNameMatcher) => void,
  thread?: NameFinderThread,
): Promise<LoadedLeakCheck> {
  const names: KnownName[] = namesOfTranscripts(transcripts);
  if (privateNames !== undefined) {
    const listed = await readPrivateNames(privateNames, cwd);
    if (!listed.ok) throw new InputError(listed.problems);
    appendAll(names, listed.value);
  }
  const known = new KnownNameMatcher(names);
  const nlp: Partial<Record<Language, NameFinder>> = {};
  if (languages.has('en')) {
    const reader = thread ?? startNameFinderThread();
    try {
      nlp.en = await reader.readAll(sentencesChecked((check) => uses(check, known)));
    } finally {
      await reader.close();
    }
  } else {
    await thread?.close();
  }
  return { check: createLeakCheck({ known, nlp }), known, nlpLanguages: Object.keys(nlp) as Language[] };
}

/** The English sentences `uses` gives the NLP finder, each once, in the order it meets them. */
function sentencesChecked(uses: (check: LeakCheck) => void): string[] {
  const sentences = new Set<string>();
  uses((text, language) => {
    if (language === 'en') for (const s of sentencesForNlp(text, language)) sentences.add(text.slice(s.start, s.end));
    return [];
  });
  return [...sentences];
}

/** The text of the turn holding a code point offset of a transcript, for the leak check's context. */
export function turnFinder(transcripts: readonly Transcript[]): (transcript: string, start: CodePointOffset) => string | undefined {
  const byId = new Map(transcripts.map((t) => [t.id, t]));
  const converters = new Map<string, (offset: CodePointOffset) => number>();
  return (id, start) => {
    const t = byId.get(id);
    if (t === undefined) return undefined;
    let toUtf16 = converters.get(id);
    if (toUtf16 === undefined) converters.set(id, (toUtf16 = utf16Converter(t.text)));
    const at = toUtf16(start);
    const turn = t.turns.find((turn) => turn.start <= at && at < turn.end);
    return turn === undefined ? undefined : t.text.slice(turn.start, turn.end);
  };
}
