// The leak check as the use cases run it: the names the project knows, and the English NLP library, loaded only when
// there is English text to check (it is large: about 1.5 s to load on the development machine).
import { appendAll } from '../core/collections.js';
import { KnownNameMatcher, namesOfTranscripts, type KnownName } from '../core/privacy/known-names.js';
import { createLeakCheck, type LeakCheck } from '../core/privacy/leak-check.js';
import { compromiseNameFinder, type Compromise, type NameFinder } from '../core/privacy/nlp-names.js';
import type { Language } from '../core/text/language.js';
import { utf16Converter, type CodePointOffset } from '../core/text/offsets.js';
import type { Transcript } from '../core/transcripts/transcript.js';
import { readPrivateNames } from '../io/read-privacy-files.js';
import { InputError } from './errors.js';

export interface LoadedLeakCheck {
  readonly check: LeakCheck;
  readonly known: KnownNameMatcher;
  /** Languages an NLP library covers in this check. */
  readonly nlpLanguages: readonly Language[];
}

/**
 * The leak check for texts in `languages`, knowing the transcripts' names and those of the private names file. Its
 * English NLP finder is `english` when given (one that read the sentences in worker threads), else the library
 * loaded here.
 */
export async function loadLeakCheck(transcripts: readonly Transcript[], privateNames: string | undefined, cwd: string, languages: ReadonlySet<Language>, english?: NameFinder): Promise<LoadedLeakCheck> {
  const names: KnownName[] = namesOfTranscripts(transcripts);
  if (privateNames !== undefined) {
    const listed = await readPrivateNames(privateNames, cwd);
    if (!listed.ok) throw new InputError(listed.problems);
    appendAll(names, listed.value);
  }
  const known = new KnownNameMatcher(names);
  const nlp: Partial<Record<Language, NameFinder>> = {};
  if (languages.has('en')) {
    if (english !== undefined) nlp.en = english;
    else {
      const { default: compromise } = await import('compromise');
      nlp.en = compromiseNameFinder(compromise as unknown as Compromise);
    }
  }
  return { check: createLeakCheck({ known, nlp }), known, nlpLanguages: Object.keys(nlp) as Language[] };
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
