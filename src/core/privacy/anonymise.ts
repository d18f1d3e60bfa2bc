// An anonymised copy of a transcript: names replaced by consistent pseudonyms and contact details masked, in the body
// (speaker labels included) and in the front matter, whose identifying values are replaced whole.
import { isMap, isScalar, parseDocument, type Node } from 'yaml';
import { parseFrontMatter } from '../transcripts/front-matter.js';
import type { Transcript } from '../transcripts/transcript.js';
import { identifyingAttribute } from './attributes.js';
import { findContactDetails } from './contact-patterns.js';
import { mergeFindings, type Finding } from './findings.js';
import type { KnownNameMatcher } from './known-names.js';
import type { LeakCheck } from './leak-check.js';
import type { Pseudonyms } from './pseudonyms.js';

export interface Replacement {
  /** UTF-16 offsets into the transcript's normalised text, end exclusive. */
  readonly start: number;
  readonly end: number;
  readonly kind: Finding['kind'] | 'attribute';
  readonly text: string;
  readonly replacement: string;
}

export interface AnonymisedCopy {
  readonly text: string;
  readonly replacements: readonly Replacement[];
}

export function anonymiseTranscript(transcript: Transcript, check: LeakCheck, known: KnownNameMatcher, pseudonyms: Pseudonyms): AnonymisedCopy {
  const { text } = transcript;
  const replacements: Replacement[] = [];
  const front = parseFrontMatter(text, transcript.file);
  const bodyStart = front.ok ? front.value.bodyStart : 0;
  if (bodyStart > 0) replacements.push(...frontMatterReplacements(text, bodyStart, transcript.id, known, pseudonyms));
  const body = text.slice(bodyStart);
  for (const f of check(body, transcript.language)) {
    replacements.push({ start: bodyStart + f.start, end: bodyStart + f.end, kind: f.kind, text: f.text, replacement: pseudonyms.replacementFor(f, transcript.id) });
  }
  let out = '';
  let at = 0;
  for (const r of replacements) {
    out += text.slice(at, r.start) + r.replacement;
    at = r.end;
  }
  return { text: out + text.slice(at), replacements };
}

/**
 * Front matter values: a name or organisation attribute becomes its pseudonym, a contact attribute "[removed]"; in
 * other values (notes, titles) names the project knows and contact details are replaced, not every capitalised word,
 * so that group and region still break the counts down.
 */
function frontMatterReplacements(text: string, bodyStart: number, transcript: string, known: KnownNameMatcher, pseudonyms: Pseudonyms): Replacement[] {
  const yamlStart = text.indexOf('\n') + 1;
  // The closing fence is the last line before the body.
  const yamlEnd = text.lastIndexOf('\n', bodyStart - 2) + 1;
  const doc = parseDocument(text.slice(yamlStart, yamlEnd));
  if (!isMap(doc.contents)) return [];
  const out: Replacement[] = [];
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = pair.value as Node | null;
    if (!isScalar(value) || value.range === undefined || value.range === null) continue;
    const start = yamlStart + value.range[0];
    const end = yamlStart + value.range[1];
    const raw = String(value.value);
    const what = identifyingAttribute(key);
    let replacement: string;
    if (what === 'contact') replacement = '[removed]';
    else if (what !== undefined) {
      const kind = what === 'person' ? 'name' : 'organisation';
      replacement = raw
        .split(/\s*[;|]\s*/)
        .map((part) => pseudonyms.replacementFor({ kind, start: 0, end: part.length, text: part, source: 'known' }, transcript))
        .join('; ');
    } else {
      const findings = mergeFindings(raw, [...findContactDetails(raw), ...known.find(raw)]);
      if (findings.length === 0) continue;
      let rebuilt = '';
      let at = 0;
      for (const f of findings) {
        rebuilt += raw.slice(at, f.start) + pseudonyms.replacementFor(f, transcript);
        at = f.end;
      }
      replacement = rebuilt + raw.slice(at);
    }
    // JSON's quoted strings are YAML double-quoted scalars: the value stays one scalar whatever it holds.
    out.push({ start, end, kind: 'attribute', text: text.slice(start, end), replacement: JSON.stringify(replacement) });
  }
  return out;
}
