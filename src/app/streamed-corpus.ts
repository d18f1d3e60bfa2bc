// Reading and coding a corpus in bounded memory: each transcript is coded as it is read and let go. What stays is what
// the analysis needs: each transcript's summary, its codings counted (core/analysis/tally.ts), the rows of codings.csv
// in a temporary file, and, for the codings each code would quote first, their marks and their turns' text. Everything
// the outputs show is then computed from these as from a corpus held whole (core/analysis/analyze.ts, analyzeCoded),
// and the outputs are the same bytes. What needs the whole corpus (human codings, gold, suggestions, a quote review,
// --redact all, a project export, a participants table) holds it whole instead: see `streams`. A large corpus is
// coded in worker threads, as many batches at once as threads, while this thread reads and digests.
import type { Codebook } from '../core/codebook/codebook.js';
import { codeTranscript } from '../core/coding/code-transcript.js';
import { markOf, type AutoCoding, type AutoCodingMark, type CodingMark } from '../core/coding/coding.js';
import { compileCodebook } from '../core/coding/compile-codebook.js';
import type { CodedPassage, PassageText, QuoteTexts } from '../core/analysis/quote-texts.js';
import type { QuoteCandidates } from '../core/analysis/quotes.js';
import { CodingTally } from '../core/analysis/tally.js';
import { appendAll, Interner } from '../core/collections.js';
import { compareNatural, type Problem } from '../core/problem.js';
import { codePointConverter } from '../core/text/offsets.js';
import { buildTranscript } from '../core/transcripts/build-transcript.js';
import { attributeRecord, summaryOf, turnAt, type Transcript, type TranscriptSummary } from '../core/transcripts/transcript.js';
import { Spill, type SpillRange } from '../io/spill.js';
import { isProjectFile } from '../io/read-project.js';
import { bytesOf } from '../io/read-transcripts.js';
import { codingsCsvRows } from '../outputs/codings-csv.js';
import type { AnalyzeOptions } from './analyze.js';
import { inCodingBatches } from './coding-batches.js';
import { CodingThreads, streamingWorkers } from './coding-threads.js';
import { codebookForCoding, transcriptOptions } from './coded-corpus.js';
import { interviewerOptions, readDrafts } from './corpus.js';
import { watchingHeap } from './heap-watch.js';
import { silentReporter, type Reporter } from './reporter.js';

/**
 * Whether analyze streams the corpus through rather than hold it whole. `stream: false` holds it whole; so does
 * anything that reads the whole corpus after coding.
 */
export function streams(options: AnalyzeOptions): boolean {
  return (
    options.stream !== false &&
    (options.codings ?? []).length === 0 &&
    options.gold === undefined &&
    options.suggest !== true &&
    options.qdpx !== true &&
    options.redact !== 'all' &&
    options.quoteReview === undefined &&
    options.participants === undefined &&
    !options.paths.some(isProjectFile)
  );
}

/** A corpus coded as it streamed through. */
export interface StreamedCorpus {
  readonly codebook: Codebook;
  /** In id order. */
  readonly transcripts: readonly TranscriptSummary[];
  /** The automatic codings counted (at least minScore). */
  readonly auto: CodingTally;
  /** Automatic codings made, those below minScore included. */
  readonly autoCodingsMade: number;
  /** Each code's best codings, best first, with their texts. */
  readonly candidates: QuoteCandidates;
  readonly texts: QuoteTexts;
  /** codings.csv's rows after its header, read back from the temporary file. */
  readonly codingRows: () => Iterable<string>;
  /** The files of the corpus, as readCorpus gives them. */
  readonly files: readonly string[];
}

/**
 * How many codings per code keep their turn's text, best first (by strength, score and reading order, as quotes are
 * chosen): a quote comes from further down only when the codings above it are all refused (a passage another code
 * quotes; an interview the code already quotes is never read), and then the corpus is analysed whole instead.
 */
export const KEPT_PER_CODE = 64;
// Transcripts are coded in guarded batches of about this much text (app/coding-batches.ts).
const BATCH_CHARS = 256 * 1024;

/**
 * Reads and codes the corpus in bounded memory (see the top of this file). `sized` hears the corpus's size in bytes
 * once its files are found, before they are read.
 */
export async function readAndCodeStreamed(options: AnalyzeOptions, cwd: string, reporter: Reporter, sized?: (bytes: number) => void, keptPerCode = KEPT_PER_CODE): Promise<StreamedCorpus> {
  // What stays grows with the number of transcripts (a summary and a tally each), not their text or codings; the
  // coder's memo of words grows with the vocabulary up to its limit: heap-watch.ts still watches.
  return watchingHeap(reporter, (watched) => readAndCodeWatched(options, cwd, watched, sized, keptPerCode));
}

async function readAndCodeWatched(options: AnalyzeOptions, cwd: string, reporter: Reporter, sized: ((bytes: number) => void) | undefined, keptPerCode: number): Promise<StreamedCorpus> {
  const codebook = await codebookForCoding(options, cwd, reporter);
  const compiled = compileCodebook(codebook);
  const unit = options.unit ?? 'turn';
  const minScore = options.minScore ?? 0;
  const spill = new Spill();
  try {
    const kept = new KeptPassages(keptPerCode);
    const tally = new CodingTally(codebook.codes);
    const summaries: TranscriptSummary[] = [];
    const shared = new Interner();
    const rowsOf = new Map<string, SpillRange>();
    let made = 0;
    let files: readonly string[] = [];
    const digest = (transcript: Transcript, codings: readonly AutoCoding[]): void => {
      made += codings.length;
      const counted = codings.filter((c) => c.score >= minScore);
      const summary = detached(summaryOf(transcript), shared);
      summaries.push(summary);
      if (counted.length > 0) rowsOf.set(summary.id, spill.append(codingsCsvRows(counted)));
      // Strings cut from the text would keep it all alive: the marks (those kept for quotes and co-occurrence examples)
      // share the summary's id and copies of the labels.
      const speakers = new Map<string, string>();
      const marks = counted.map((c): AutoCodingMark => {
        const speaker = speakers.get(c.speaker) ?? structuredClone(c.speaker);
        speakers.set(c.speaker, speaker);
        return markOf(c, summary.id, speaker);
      });
      tally.add(summary.id, marks);
      kept.offer(transcript, counted, marks);
    };

    // Reported after the files' own warnings, as a corpus held whole reports them.
    const buildWarnings: Problem[] = [];
    const recognition = interviewerOptions(options);
    let pending: Transcript[] = [];
    let pendingChars = 0;
    const batches = { compiled, unit, reporter: silentReporter, stage: 'Coding transcripts', ...(options.codingBudget === undefined ? {} : { budget: options.codingBudget }) };
    // A large corpus is coded in worker threads while this one reads the next transcripts (coding-threads.ts).
    let threads: CodingThreads | undefined;
    const found = (files: readonly string[]): void => {
      const bytes = bytesOf(files);
      sized?.(bytes);
      const workers = Math.min(streamingWorkers(bytes, options.threads), files.length);
      if (workers > 0) threads = new CodingThreads(codebook, workers, batches);
    };
    const codePending = async (): Promise<void> => {
      const batch = pending;
      pending = [];
      pendingChars = 0;
      if (batch.length === 0) return;
      if (threads !== undefined) return threads.code(batch, (coded) => batch.forEach((t, i) => digest(t, coded[i]!)));
      const coded = await inCodingBatches(batch, (t) => codeTranscript(t, compiled, unit), batches);
      batch.forEach((t, i) => digest(t, coded[i]!));
    };
    try {
      files = await readDrafts(transcriptOptions(options, codebook), cwd, reporter, found, async (draft) => {
        const built = buildTranscript(draft, recognition);
        appendAll(buildWarnings, built.warnings);
        pending.push(built.transcript);
        pendingChars += built.transcript.text.length;
        if (pendingChars >= BATCH_CHARS) await codePending();
      });
      await codePending();
      await threads?.finish();
    } finally {
      await threads?.close();
    }
    compiled.forgetWords();
    reporter.warn(buildWarnings);

    const transcripts = summaries.sort((a, b) => compareNatural(a.id, b.id));
    const ranges = transcripts.flatMap((t) => rowsOf.get(t.id) ?? []);
    return {
      codebook,
      transcripts,
      auto: tally,
      autoCodingsMade: made,
      candidates: kept.candidates(tally),
      texts: kept.texts(),
      codingRows: rowsReader(spill, ranges),
      files,
    };
  } catch (e) {
    spill.close();
    throw e;
  }
}

// The temporary file lives as long as the rows it holds may be read: until the corpus and the analysis made of it go.
const closeWhenUnreachable = new FinalizationRegistry<Spill>((spill) => spill.close());

/**
 * Reads codings.csv's rows back. Made out here: a function made inside readAndCodeWatched would keep all that its
 * other functions use (the coder and its memo of words) alive as long as the analysis lives.
 */
function rowsReader(spill: Spill, ranges: readonly SpillRange[]): () => Iterable<string> {
  const read = (): Iterable<string> => spill.read(ranges);
  closeWhenUnreachable.register(read, spill);
  return read;
}

/**
 * A summary that keeps none of the transcript's text alive: its strings are copies, not slices of the text. Its
 * attributes, speakers and interviewer are those of an earlier summary when they are the same: a corpus of many short
 * transcripts repeats them, and a summary is what stays of each transcript.
 */
function detached(summary: TranscriptSummary, shared: Interner): TranscriptSummary {
  const copy = structuredClone(summary);
  // Values are data (strings, arrays, records): alike when their JSON is.
  const one = <T>(value: T): T => shared.of(JSON.stringify(value), value);
  // Attributes are null-prototype records (a key "constructor" is data): structuredClone gives plain objects.
  return {
    ...copy,
    attributes: one(attributeRecord(copy.attributes)),
    speakers: one(copy.speakers),
    interviewer: one(copy.interviewer),
    ...(copy.participant === undefined ? {} : { participant: { ...copy.participant, values: attributeRecord(copy.participant.values) } }),
  };
}

interface KeptCoding {
  readonly mark: AutoCodingMark;
  readonly score: number;
  readonly transcript: string;
  /** Its place among its transcript's codings. */
  readonly index: number;
}

// Best first as the quotes are chosen (core/analysis/quotes.ts): strength and score (strength follows the score), then
// reading order.
const bestFirst = (a: KeptCoding, b: KeptCoding): number => b.score - a.score || compareNatural(a.transcript, b.transcript) || a.index - b.index;

/**
 * Each code's best codings as they stream by, a head of its list as quotes rank them: their turns' text, and the codes
 * of their units.
 */
class KeptPassages {
  private readonly byCode = new Map<string, { codings: KeptCoding[]; worst?: KeptCoding }>();
  private readonly passages = new Map<AutoCodingMark, CodedPassage & { readonly unitCodes: ReadonlySet<string> }>();

  constructor(private readonly perCode: number) {}

  /** A transcript's codings (and their marks, alike), in reading order. */
  offer(transcript: Transcript, codings: readonly AutoCoding[], marks: readonly AutoCodingMark[]): void {
    const turns = new TurnTexts(transcript);
    // An automatic coding's units never overlap unless they are the same (turns, paragraphs or sentences).
    const codesOf = new Map<number, Set<string>>();
    for (const coding of codings) {
      const codes = codesOf.get(coding.unitSpan.start);
      if (codes === undefined) codesOf.set(coding.unitSpan.start, new Set([coding.code.id]));
      else codes.add(coding.code.id);
    }
    codings.forEach((coding, index) => {
      const mark = marks[index]!;
      let kept = this.byCode.get(coding.code.id);
      if (kept === undefined) this.byCode.set(coding.code.id, (kept = { codings: [] }));
      const candidate = { mark, score: coding.score, transcript: mark.transcript, index };
      // Once a code's list was cut, a coding no better than the last kept would never be kept.
      if (kept.worst !== undefined && bestFirst(candidate, kept.worst) >= 0) return;
      kept.codings.push(candidate);
      this.passages.set(mark, { text: turns.of(coding.turn), hits: coding.hitSpans, unitCodes: codesOf.get(coding.unitSpan.start)! });
      if (kept.codings.length >= 2 * this.perCode) {
        kept.codings.sort(bestFirst);
        for (const dropped of kept.codings.splice(this.perCode)) this.passages.delete(dropped.mark);
        kept.worst = kept.codings.at(-1);
      }
    });
  }

  /** Each code's kept codings, best first, and how many codings and interviews it has in all. */
  candidates(tally: CodingTally): QuoteCandidates {
    return new Map(
      tally.codes.flatMap((code) => {
        const kept = this.byCode.get(code.id);
        if (kept === undefined) return [];
        const best = kept.codings.sort(bestFirst).map((k) => k.mark);
        return [[code.id, { best, all: tally.mentionsOf(code), interviews: tally.interviewsOf(code), raisedIn: () => tally.raising(code) }]];
      }),
    );
  }

  texts(): QuoteTexts {
    // Asked only of the kept codings: the candidates hold no others.
    const passageOf = (coding: CodingMark) => {
      const passage = coding.source === 'auto' ? this.passages.get(coding) : undefined;
      if (passage === undefined) throw new Error(`no text was kept for a coding in ${coding.transcript}`);
      return passage;
    };
    return { passageOf, codesAt: (coding) => passageOf(coding).unitCodes };
  }
}

/** The turns of a transcript as stretches of text of their own, each with its place in the whole text. */
class TurnTexts {
  private readonly made = new Map<number, PassageText>();
  private toCodePoints: ((utf16Offset: number) => number) | undefined;
  // Lines are counted on from the last turn asked for: codings come in reading order.
  private lineFrom = 0;
  private line = 1;

  constructor(private readonly transcript: Transcript) {}

  of(index: number): PassageText {
    let text = this.made.get(index);
    if (text !== undefined) return text;
    const { turns, text: whole, language } = this.transcript;
    const turn = turnAt(turns, index);
    this.toCodePoints ??= codePointConverter(whole);
    if (turn.start < this.lineFrom) [this.lineFrom, this.line] = [0, 1];
    for (let i = whole.indexOf('\n', this.lineFrom); i !== -1 && i < turn.start; i = whole.indexOf('\n', i + 1)) this.line++;
    this.lineFrom = turn.start;
    text = { language, text: structuredClone(whole.slice(turn.start, turn.end)), from: turn.start, codePointsBefore: this.toCodePoints(turn.start), line: this.line };
    this.made.set(index, text);
    return text;
  }
}
