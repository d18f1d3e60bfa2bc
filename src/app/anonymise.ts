// The anonymise use case: copies of transcripts with consistent pseudonyms and masked contact details, and the key.
// Inputs are never modified: a copy that would land on its input is refused.
import path from 'node:path';
import { anonymiseTranscript, type Replacement } from '../core/privacy/anonymise.js';
import { Pseudonyms, type PseudonymEntry } from '../core/privacy/pseudonyms.js';
import { error, warning } from '../core/problem.js';
import { namesInIdentifier } from '../core/privacy/known-names.js';
import { summaryOf } from '../core/transcripts/transcript.js';
import type { OutputFile } from '../io/write-outputs.js';
import { formatPseudonymsCsv } from '../outputs/pseudonyms-csv.js';
import { readTranscripts, sourceOptions, type TranscriptSources } from './corpus.js';
import { InputError } from './errors.js';
import { loadLeakCheck } from './privacy.js';
import { silentReporter, type Reporter } from './reporter.js';

export const PSEUDONYMS_FILE = 'pseudonyms.csv';

/** A participants table's names, organisations and contacts are replaced too. */
export interface AnonymiseOptions extends TranscriptSources {
  readonly paths: readonly string[];
  readonly out: string;
  readonly cwd?: string;
  readonly privateNames?: string;
  readonly interviewers?: readonly string[];
}

export interface AnonymisedFile {
  /** The transcript's file as given, relative to the working directory. */
  readonly source: string;
  /** Its copy, relative to `out`. */
  readonly copy: string;
  readonly text: string;
  /** Line and column (from 1) of each replacement in the source. */
  readonly replacements: readonly (Replacement & { readonly line: number; readonly column: number })[];
}

export interface AnonymiseResult {
  readonly files: readonly AnonymisedFile[];
  readonly pseudonyms: readonly PseudonymEntry[];
  /** The copies and the key, to write into `out`. */
  render(): OutputFile[];
}

export async function anonymise(options: AnonymiseOptions, reporter: Reporter = silentReporter): Promise<AnonymiseResult> {
  const cwd = options.cwd ?? process.cwd();
  const out = path.resolve(cwd, options.out);
  // A path given inside --out would be skipped as output, or overwritten: refuse before reading anything.
  if (options.paths.some((p) => `${path.resolve(cwd, p)}${path.sep}`.startsWith(`${out}${path.sep}`))) throw overwrite(options.out);
  const transcripts = await readTranscripts({ paths: options.paths, exclude: [options.out], defaultLanguage: 'en', interviewers: options.interviewers ?? [], ...sourceOptions(options) }, cwd, reporter);
  // Copies keep their place below the folder the transcripts share.
  const absolute = transcripts.map((t) => path.resolve(cwd, t.file));
  const base = commonFolder(absolute);
  // Text files keep their name; other formats become text, read back to the same turns: A01.docx -> A01.txt
  // (A01.docx.txt if an A01.txt is copied too).
  const relative = absolute.map((file) => path.relative(base, file).split(path.sep).join('/'));
  const asText = relative.map((r) => (/\.(txt|md)$/i.test(r) ? r : r.replace(/\.[^./]+$/, '.txt')));
  const copyNames = asText.map((name, i) => (asText.indexOf(name) !== asText.lastIndexOf(name) && name !== relative[i] ? `${relative[i]}.txt` : name));
  if (absolute.some((file, i) => path.join(out, copyNames[i]!) === file)) throw overwrite(options.out);
  const languages = new Set(transcripts.map((t) => t.language));
  reporter.progress({ stage: 'Loading the leak check' });
  // A first pass, with its own pseudonyms, gathers the sentences the NLP library is to read.
  const { check, known } = await loadLeakCheck(transcripts.map(summaryOf), options.privateNames, cwd, languages, (recording, names) => {
    const scratch = new Pseudonyms(names);
    for (const t of transcripts) anonymiseTranscript(t, recording, names, scratch);
  });
  const pseudonyms = new Pseudonyms(known);
  // The copies keep their file names (and ids): one holding a name is the user's to rename.
  reporter.warn(
    transcripts
      .filter((t) => namesInIdentifier(known, path.basename(t.file, path.extname(t.file))).length > 0 || namesInIdentifier(known, t.id).length > 0)
      .map((t) => ({ ...warning({ file: t.file }, 'the file name or id holds a name, and the copy keeps it', 'rename the copy, and give it a code as its id in the front matter (id: M05)'), kind: 'file name holds a name' })),
  );
  const files = transcripts.map((t, i): AnonymisedFile => {
    reporter.progress({ stage: 'Anonymising', done: i, total: transcripts.length });
    const copy = anonymiseTranscript(t, check, known, pseudonyms);
    const lineStarts = [0];
    for (let k = t.text.indexOf('\n'); k >= 0; k = t.text.indexOf('\n', k + 1)) lineStarts.push(k + 1);
    const lineOf = (offset: number): number => {
      let lo = 0;
      let hi = lineStarts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (lineStarts[mid]! <= offset) lo = mid;
        else hi = mid - 1;
      }
      return lo;
    };
    return {
      source: t.file,
      copy: copyNames[i]!,
      text: copy.text,
      replacements: copy.replacements.map((r) => ({ ...r, line: lineOf(r.start) + 1, column: r.start - lineStarts[lineOf(r.start)]! + 1 })),
    };
  });
  return {
    files,
    pseudonyms: pseudonyms.list(),
    render: () => [...files.map((f) => ({ name: f.copy, content: f.text })), { name: PSEUDONYMS_FILE, content: formatPseudonymsCsv(pseudonyms.list()) }],
  };
}

const overwrite = (out: string): InputError =>
  new InputError([error({ file: out }, 'the copies would overwrite the transcripts', 'choose an --out folder apart from the transcripts: inputs are never modified')]);

function commonFolder(files: readonly string[]): string {
  let common = path.dirname(files[0]!);
  for (const file of files) while (!`${path.dirname(file)}${path.sep}`.startsWith(`${common}${path.sep}`) && common !== path.dirname(common)) common = path.dirname(common);
  return common;
}
