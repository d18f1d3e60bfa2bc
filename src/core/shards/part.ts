// A part: what `analyze --shard K/N` writes and `merge` reads. The transcripts of one shard, read and coded, with
// the settings and codebook they were coded with, as JSON Lines: a header line, then one line per transcript.
import type { Code, Codebook } from '../codebook/codebook.js';
import type { AutoCoding } from '../coding/coding.js';
import { compareNatural, error, fail, ok, type Problem, type Result } from '../problem.js';
import { attributeRecord, type Transcript } from '../transcripts/transcript.js';
import type { Shard } from './shard.js';

export const PART_FORMAT = 'collab-code part';
/** Changes whenever what a part holds changes; merge refuses parts of another version. */
export const PART_VERSION = 1;

export interface PartHeader {
  readonly format: typeof PART_FORMAT;
  readonly version: typeof PART_VERSION;
  /** The program and version that wrote it ("collab-code 0.9.0"). */
  readonly generator: string;
  readonly shard: Shard;
  /** Of the generator, settings and codebook: parts that agree on it were coded alike. */
  readonly digest: string;
  /** The whole corpus the part was cut from: its number of files and a digest of their keys (see shard.ts). */
  readonly corpus: { readonly files: number; readonly digest: string };
  /** The analyze settings, as JSON (paths relative to the working folder): merge analyses with these. */
  readonly settings: Readonly<Record<string, unknown>>;
  readonly codebook: Codebook;
}

/** An automatic coding as a part stores it: its code by id. */
export type StoredCoding = Omit<AutoCoding, 'code'> & { readonly code: string };

export interface CodedTranscript {
  readonly transcript: Transcript;
  readonly codings: readonly StoredCoding[];
}

export interface Part {
  readonly header: PartHeader;
  /** In the order they were coded: transcript id order. */
  readonly transcripts: readonly CodedTranscript[];
}

/** An automatic coding with its code by id. */
export const storeCoding = (coding: AutoCoding): StoredCoding => ({ ...coding, code: coding.code.id });

/** The lines of a part, each ending in a newline. */
export function* encodePart(part: Part): Iterable<string> {
  yield `${JSON.stringify(part.header)}\n`;
  for (const coded of part.transcripts) yield `${JSON.stringify(coded)}\n`;
}

const NOT_A_PART = 'write parts with collab-code analyze PATHS --shard K/N, and give merge those files';

/** A part read back: its header checked, each transcript's attributes restored as null-prototype records. */
export function decodePart(bytes: Uint8Array, file: string): Result<Part> {
  const lines = linesOf(bytes);
  const header = parseLine(lines[0] ?? '', file, 1);
  if (!header.ok) return header;
  const h = header.value as Partial<PartHeader> | null;
  if (typeof h !== 'object' || h === null || h.format !== PART_FORMAT) return fail([error({ file, line: 1 }, 'not a part written by collab-code analyze --shard', NOT_A_PART)]);
  if (h.version !== PART_VERSION) {
    return fail([error({ file, line: 1 }, `a part of version ${String(h.version)}, and this collab-code reads version ${PART_VERSION}`, 'write every part again with this version of collab-code')]);
  }
  const problems: Problem[] = [];
  const transcripts: CodedTranscript[] = [];
  for (const [i, line] of lines.entries()) {
    if (i === 0) continue;
    const parsed = parseLine(line, file, i + 1);
    if (!parsed.ok) {
      problems.push(...parsed.problems);
      continue;
    }
    const coded = parsed.value as Partial<CodedTranscript> | null;
    if (typeof coded?.transcript?.id !== 'string' || !Array.isArray(coded.codings)) {
      problems.push(error({ file, line: i + 1 }, 'not a coded transcript', NOT_A_PART));
      continue;
    }
    transcripts.push({ transcript: restoreTranscript(coded.transcript), codings: coded.codings });
  }
  if (problems.length > 0) return fail(problems);
  return ok({ header: h as PartHeader, transcripts });
}

/** Line by line, never the whole file as one string: a part of a large shard may be longer than a string can be. */
function linesOf(bytes: Uint8Array): string[] {
  const decoder = new TextDecoder();
  const lines: string[] = [];
  let from = 0;
  for (let end = bytes.indexOf(0x0a); end >= 0; from = end + 1, end = bytes.indexOf(0x0a, from)) lines.push(decoder.decode(bytes.subarray(from, end)));
  if (from < bytes.length) lines.push(decoder.decode(bytes.subarray(from)));
  return lines;
}

function parseLine(line: string, file: string, number: number): Result<unknown> {
  try {
    return ok(JSON.parse(line) as unknown);
  } catch (e) {
    return fail([error({ file, line: number }, `not JSON: ${(e as Error).message}`, NOT_A_PART)]);
  }
}

/** Attributes and a participant's row are null-prototype records, whatever keys they hold (see attributeRecord). */
function restoreTranscript(t: Transcript): Transcript {
  return {
    ...t,
    attributes: attributeRecord(t.attributes),
    ...(t.participant === undefined ? {} : { participant: { ...t.participant, values: attributeRecord(t.participant.values) } }),
  };
}

/** Parts with the file each was read from. */
export interface ReadPart {
  readonly file: string;
  readonly part: Part;
}

/** The corpus the parts make together, as one `analyze` run would have read and coded it. */
export interface MergedParts {
  readonly header: PartHeader;
  /** In id order. */
  readonly transcripts: readonly Transcript[];
  /** In transcript order, each transcript's in the order it was coded; codes from the header's codebook. */
  readonly autoCodings: readonly AutoCoding[];
}

/**
 * The parts joined: refused when they were made with other settings, another codebook or from another corpus, when
 * a shard is missing or given twice, or when a transcript is in two of them.
 */
export function mergeParts(parts: readonly ReadPart[]): Result<MergedParts> {
  if (parts.length === 0) return fail([error({ file: 'collab-code' }, 'no parts to merge', NOT_A_PART)]);
  const sorted = [...parts].sort((a, b) => a.part.header.shard.index - b.part.header.shard.index || compareNatural(a.file, b.file));
  const first = sorted[0]!;
  const { header } = first.part;
  const problems: Problem[] = [];
  const fileOfShard = new Map<number, string>();
  for (const { file, part } of sorted) {
    const h = part.header;
    const at = { file, line: 1 };
    if (h.shard.count !== header.shard.count) problems.push(error(at, `part ${h.shard.index} of ${h.shard.count}, and ${first.file} is part ${header.shard.index} of ${header.shard.count}`, 'merge the parts of one run: the same N in every --shard K/N'));
    else if (h.digest !== header.digest) problems.push(error(at, `made with other settings, another codebook or another version of collab-code than ${first.file}`, 'run every shard with the same codebook, options and collab-code.yaml'));
    else if (h.corpus.digest !== header.corpus.digest) problems.push(error(at, `cut from other transcripts (${h.corpus.files} files) than ${first.file} (${header.corpus.files} files)`, 'run every shard on the same transcripts, from the same folder'));
    const other = fileOfShard.get(h.shard.index);
    if (other !== undefined) problems.push(error(at, `part ${h.shard.index} of ${h.shard.count} again: ${other} is that part too`, 'give each part once'));
    fileOfShard.set(h.shard.index, file);
  }
  if (problems.length > 0) return fail(problems);
  const missing = Array.from({ length: header.shard.count }, (_, i) => i + 1).filter((k) => !fileOfShard.has(k));
  if (missing.length > 0) {
    return fail([error({ file: first.file }, `${missing.length === 1 ? 'part' : 'parts'} ${missing.join(', ')} of ${header.shard.count} missing`, `run collab-code analyze with ${missing.map((k) => `--shard ${k}/${header.shard.count}`).join(', ')} and give merge every part`)]);
  }

  const codeOf = new Map<string, Code>(header.codebook.codes.map((c) => [c.id, c]));
  const fileOfTranscript = new Map<string, string>();
  const coded: CodedTranscript[] = [];
  for (const { file, part } of sorted) {
    for (const c of part.transcripts) {
      const other = fileOfTranscript.get(c.transcript.id);
      if (other !== undefined) {
        problems.push(error({ file }, `transcript "${c.transcript.id}" (${c.transcript.file}) is in ${other} too`, 'a transcript belongs in one part: give each part of one run once, or give one of two transcripts sharing an id another id'));
        continue;
      }
      fileOfTranscript.set(c.transcript.id, file);
      const unknown = c.codings.find((coding) => !codeOf.has(coding.code));
      if (unknown !== undefined) problems.push(error({ file }, `a coding of ${c.transcript.id} names code "${unknown.code}", which the part's codebook lacks`, NOT_A_PART));
      coded.push(c);
    }
  }
  if (problems.length > 0) return fail(problems);
  coded.sort((a, b) => compareNatural(a.transcript.id, b.transcript.id));
  return ok({
    header,
    transcripts: coded.map((c) => c.transcript),
    autoCodings: coded.flatMap((c) => c.codings.map((coding): AutoCoding => ({ ...coding, code: codeOf.get(coding.code)! }))),
  });
}
