// .vtt (WebVTT) and .srt (SubRip), as Zoom, Teams, Otter and Whisper write them: each cue's speaker comes from a voice
// tag (<v Ana>) or a "Name:" prefix, consecutive cues of one speaker merge into one turn, a turn's time is its first
// cue's start. A cue naming no speaker continues the previous speaker's turn.
//
// The text offsets refer to is built (see turn-text.ts): one paragraph per turn, "[00:01:02.500] Ana: words", the
// cues' lines joined by spaces, tags removed, HTML entities decoded.
import { decodeHTML } from 'entities';
import { error, fail, ok, warning, type Problem, type Result } from '../core/problem.js';
import { matchSpeakerLabel } from '../core/transcripts/speakers.js';
import type { Seconds } from '../core/transcripts/time.js';
import type { TranscriptDraft } from '../core/transcripts/transcript.js';
import { decodeTextFile, plainDraft, type ReadContext, type TranscriptReader } from './reader.js';
import { mergeTurns, writeTurns, type SpokenTurn } from './turn-text.js';

type Dialect = 'vtt' | 'srt';

export const vttReader: TranscriptReader = { read: (bytes, context) => Promise.resolve(readSubtitles(bytes, context, 'vtt')) };
export const srtReader: TranscriptReader = { read: (bytes, context) => Promise.resolve(readSubtitles(bytes, context, 'srt')) };

// 00:01:02.500 or 01:02.500 (WebVTT), 00:01:02,500 (SubRip), then "-->".
const TIMING = /^[ \t]*(?:(\d+):)?(\d{1,2}):(\d{2})[.,](\d{1,3})[ \t]+-->[ \t]+\S/;
const VOICE = /<v(?:\.[^ \t>]*)?[ \t]+([^>]*)>/g;

interface Block {
  /** The file line of the block's first line. */
  readonly line: number;
  readonly lines: readonly string[];
}

function readSubtitles(bytes: Uint8Array, context: ReadContext, dialect: Dialect): Result<TranscriptDraft> {
  const decoded = decodeTextFile(bytes, context.file);
  if (!decoded.ok) return decoded;
  const file = context.file;
  const blocks = blocksOf(decoded.value);
  if (dialect === 'vtt') {
    const header = blocks.shift();
    if (header === undefined || !/^WEBVTT(?:[ \t]|$)/.test(header.lines[0]!)) {
      return fail([error({ file, line: header?.line ?? 1 }, 'not a WebVTT file: the first line must be "WEBVTT"', 'a .vtt starts with a line WEBVTT; if the file is SubRip (numbered cues, times with commas), name it .srt')]);
    }
  }

  const pieces: SpokenTurn[] = [];
  const problems: Problem[] = [];
  let cue = 0;
  for (const block of blocks) {
    if (dialect === 'vtt' && /^(?:NOTE|STYLE|REGION)(?:[ \t]|$)/.test(block.lines[0]!)) continue;
    cue++;
    // An identifier (a number in SubRip, optional in WebVTT) may stand before the timing line.
    const timingAt = block.lines.findIndex((l) => l.includes('-->'));
    const timing = timingAt < 0 || timingAt > 1 ? null : TIMING.exec(block.lines[timingAt]!);
    if (timing === null) {
      const example = dialect === 'vtt' ? '00:00:01.000 --> 00:00:04.000' : '00:00:01,000 --> 00:00:04,000';
      problems.push(error({ file, line: block.line + Math.max(timingAt, 0) }, `cue ${cue} has no valid timing line`, `a cue is an optional number or name, a line such as "${example}", then its text`));
      continue;
    }
    const [, h, m, s, ms] = timing;
    const time: Seconds = ((Number(h ?? 0) * 60 + Number(m)) * 60 + Number(s)) + Number(ms!.padEnd(3, '0')) / 1000;
    pieces.push(...cuePieces(block.lines.slice(timingAt + 1), time, context));
  }
  if (problems.length > 0) return fail(problems);

  const { text, turns } = writeTurns(mergeTurns(pieces, ' '));
  const warnings =
    turns.length > 0 && turns.every((t) => t.speaker === '')
      ? [
          {
            ...warning({ file }, 'no cue names its speaker: the whole file is read as one respondent turn', 'ask the transcription service to identify speakers (voice tags <v Name> or "Name:" at the start of cues), or add the labels'),
            kind: 'subtitles without speakers',
          },
        ]
      : [];
  return ok(plainDraft(context, text, turns), warnings);
}

/** The speakers and words of one cue's text: a voice tag per speaker, else a "Name:" prefix, else nobody named. */
function cuePieces(payload: readonly string[], time: Seconds, context: ReadContext): SpokenTurn[] {
  const joined = payload.join('\n');
  const voices = [...joined.matchAll(VOICE)];
  if (voices.length > 0) {
    return voices.map((v, i) => {
      const end = voices[i + 1]?.index ?? joined.length;
      return { speaker: clean(v[1]!), words: clean(joined.slice(v.index + v[0].length, end)), time };
    });
  }
  const words = clean(joined);
  const label = matchSpeakerLabel(words, context.isInterviewer);
  if (label !== undefined && label.length < words.length) return [{ speaker: label.speaker, words: words.slice(label.length), time }];
  return [{ speaker: '', words, time }];
}

/** Cue text without tags (<i>, <c.x>, </v>, <00:01.000>) or SubRip's {\an8}, entities decoded, on one line. */
function clean(text: string): string {
  return decodeHTML(text.replace(/<[^>]*>/g, '').replace(/\{\\[^}]*\}/g, ''))
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

/** Blocks of non-blank lines, with the line each starts on. */
function blocksOf(text: string): Block[] {
  const blocks: Block[] = [];
  let current: { line: number; lines: string[] } | undefined;
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') {
      current = undefined;
      return;
    }
    if (current === undefined) {
      current = { line: i + 1, lines: [] };
      blocks.push(current);
    }
    current.lines.push(line);
  });
  return blocks;
}
