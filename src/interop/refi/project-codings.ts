// A project's selections as human coding rows of the transcripts given: each source is matched to a transcript by
// name, else by identical text (GUIDs change from one export to the next, names and texts do not), and its
// selections keep their positions; where the transcript's text differs from the source's, they are found by text.
import { pushTo } from '../../core/collections.js';
import type { CodingRow } from '../../core/codings/codings-table.js';
import { transcriptFinder } from '../../core/codings/place-codings.js';
import { warning, type Problem } from '../../core/problem.js';
import type { Transcript } from '../../core/transcripts/transcript.js';
import type { ReadCode } from './codes-xml.js';
import type { ProjectSource, RefiProject } from './read-project.js';

export interface ProjectRows {
  readonly rows: readonly CodingRow[];
  /** Every code the project's codebook can apply, as a path "Parent > Code", so codes never used are listed too. */
  readonly codeNames: readonly string[];
  /** Code descriptions by path. */
  readonly definitions: ReadonlyMap<string, string>;
  readonly warnings: readonly Problem[];
}

export const codePathName = (path: readonly string[]): string => path.join(' > ');

/** The codes of a tree that can be applied, with their descriptions. */
function codableCodes(roots: readonly ReadCode[]): { names: string[]; definitions: Map<string, string> } {
  const names: string[] = [];
  const definitions = new Map<string, string>();
  const walk = (code: ReadCode): void => {
    if (code.codable) {
      names.push(codePathName(code.path));
      if (code.description !== undefined) definitions.set(codePathName(code.path), code.description);
    }
    code.children.forEach(walk);
  };
  roots.forEach(walk);
  return { names, definitions };
}

type Match = { readonly transcript: Transcript; readonly shift: number | undefined };

/** The transcript a source is, by name first, then by text; and how far its text is shifted in the transcript's. */
function sourceMatcher(transcripts: readonly Transcript[]): (source: ProjectSource) => Match | undefined {
  const byName = transcriptFinder(transcripts);
  const byText = new Map(transcripts.map((t) => [t.text, t]));
  return (source) => {
    const transcript = byName(source.name) ?? byName(source.name.replace(/\.[^.]*$/, '')) ?? byText.get(source.text) ?? containing(transcripts, source.text);
    if (transcript === undefined) return undefined;
    if (transcript.text === source.text) return { transcript, shift: 0 };
    // A transcript whose front matter the QDA tool never saw holds the source's text once, after it (give or take
    // the blank lines around it).
    const core = source.text.trim();
    const at = core === '' ? -1 : transcript.text.indexOf(core);
    const lead = source.text.length - source.text.trimStart().length;
    return { transcript, shift: at !== -1 && transcript.text.indexOf(core, at + 1) === -1 ? at - lead : undefined };
  };
}

const containing = (transcripts: readonly Transcript[], text: string): Transcript | undefined => {
  const core = text.trim();
  return core.length < 20 ? undefined : transcripts.find((t) => t.text.includes(core));
};

/** The coding rows of a project's text selections, in the transcripts given. */
export function codingRowsOfProject(project: RefiProject, transcripts: readonly Transcript[]): ProjectRows {
  const match = sourceMatcher(transcripts);
  const rows: CodingRow[] = [];
  const warnings: Problem[] = [];
  const at = { file: project.file };
  const unmatched: string[] = [];
  const byText = new Map<string, string[]>();
  let outside = 0;
  let unmatchedCodings = 0;
  for (const source of project.sources) {
    const codings = source.selections.reduce((n, s) => n + s.codings.length, 0);
    if (codings === 0) continue;
    const found = match(source);
    if (found === undefined) {
      unmatched.push(source.name);
      unmatchedCodings += codings;
      continue;
    }
    if (found.shift === undefined) pushTo(byText, found.transcript.id, source.name);
    for (const selection of source.selections) {
      if (selection.span === undefined) {
        outside += selection.codings.length;
        continue;
      }
      const text = source.text.slice(selection.span.start, selection.span.end);
      const segment =
        found.shift === undefined
          ? { text }
          : { text, at: { start: selection.span.start + found.shift, end: selection.span.end + found.shift } };
      if (segment.text.trim() === '' && found.shift === undefined) {
        outside += selection.codings.length;
        continue;
      }
      for (const coding of selection.codings) {
        rows.push({ row: at, transcript: found.transcript.id, code: codePathName(coding.code), segment, coder: coding.coder, ...(selection.memo === undefined ? {} : { memo: selection.memo }) });
      }
    }
  }
  if (unmatched.length > 0) {
    const names = transcripts.length <= 8 ? `: ${transcripts.map((t) => t.id).join(', ')}` : '';
    warnings.push(warning(at, `${unmatched.length} of its text sources match no transcript given, by name or by text, so their ${unmatchedCodings} codings are left out: ${unmatched.slice(0, 12).join(', ')}${unmatched.length > 12 ? ', …' : ''}`, `give the transcripts the project was coded on${names === '' ? '' : ` (given${names})`}`));
  }
  for (const [id, names] of byText) {
    warnings.push(warning(at, `source "${names.join('", "')}" differs in text from transcript ${id}: its selections were placed by their text, not their positions`));
  }
  if (outside > 0) warnings.push(warning(at, `${outside} codings lie outside their source's text, or are empty selections in a source whose text differs from its transcript's: left out`, 'the project may be damaged; export it again'));
  const { names, definitions } = codableCodes(project.codes);
  return { rows, codeNames: names, definitions, warnings };
}

/** A project's text sources as transcript files: named by the project and the source, with their cases' variables. */
export interface ProjectTranscriptFile {
  readonly file: string;
  readonly defaultId: string;
  readonly text: string;
  readonly attributes: Readonly<Record<string, string>>;
}

export const transcriptFilesOfProject = (project: RefiProject): ProjectTranscriptFile[] =>
  project.sources.map((source) => ({
    file: `${project.file}/${source.name}`,
    defaultId: source.name.replace(/\.[^.]*$/, ''),
    text: source.text,
    attributes: source.variables,
  }));
