// Seeded corpora and codebooks for the benchmark, with a vocabulary that does not flatter the coder: tens of
// thousands of word forms in English and Spanish with Zipf-distributed frequencies (so stems are not all memoised
// after the first page), speaker turns of varied length, and the codebook's terms occurring at a realistic rate.
// Words past the few hundred most common are pseudo-words: roots built from each language's syllables with its real
// inflections (-ing, -ed, -ness…; -ción, -mente, -ando…), which is what the stemmers see in interviews.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** mulberry32: the same corpus on every machine. */
export function seeded(seed) {
  let s = seed | 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COMMON = {
  en: 'the and to of a in that it we is was for they you on with as have be this are not but at so our what from or there people work had do by an about if all which would more were can their one when them like also just because really other very time think some network know how said organisations who been those out then into need get much make us different way local support government country new years always any funding project partners community media members'.split(' '),
  es: 'de la que el en y a los se no las por un con para una es su lo como más pero al sus le ya o este fue muy porque cuando también hay sobre todo entre nos tiene era ser puede donde red trabajo personas organizaciones gobierno país tiempo años siempre comunidad medios apoyo proyecto socios financiación miembros nuevo otra otros mismo hacer decir creo realmente local'.split(' '),
};
const SYLLABLES = {
  en: { onsets: ['b', 'br', 'c', 'cl', 'cr', 'd', 'dr', 'f', 'fl', 'g', 'gr', 'h', 'j', 'k', 'l', 'm', 'n', 'p', 'pl', 'pr', 'r', 's', 'sh', 'sl', 'st', 't', 'th', 'tr', 'v', 'w'], nuclei: ['a', 'e', 'i', 'o', 'u', 'ea', 'ai', 'ou', 'ee', 'oo'], codas: ['', '', 'n', 'r', 's', 't', 'l', 'm', 'nd', 'st', 'ck', 'rt'] },
  es: { onsets: ['b', 'br', 'c', 'ch', 'd', 'f', 'g', 'gr', 'j', 'l', 'll', 'm', 'n', 'ñ', 'p', 'pr', 'r', 's', 't', 'tr', 'v', 'z'], nuclei: ['a', 'e', 'i', 'o', 'u', 'ia', 'ie', 'ue', 'á', 'é', 'í', 'ó'], codas: ['', '', '', 'n', 'r', 's', 'l'] },
};
const SUFFIXES = {
  en: ['', '', '', 's', 'ed', 'ing', 'er', 'ers', 'ly', 'tion', 'tions', 'ness', 'ment', 'ments', 'able', 'ity', 'ive', 'al'],
  es: ['o', 'a', 'os', 'as', 'ar', 'er', 'ado', 'ada', 'ados', 'ción', 'ciones', 'mente', 'ando', 'iendo', 'idad', 'es', 'aron', 'amos'],
};

/** A vocabulary of about `roots` × suffixes word forms per language, most common first. */
export function vocabulary(random, roots = 6000) {
  const vocab = {};
  for (const language of ['en', 'es']) {
    const { onsets, nuclei, codas } = SYLLABLES[language];
    const pick = (list) => list[Math.floor(random() * list.length)];
    const forms = new Set(COMMON[language]);
    const rootList = new Set();
    while (rootList.size < roots) {
      const syllables = 1 + Math.floor(random() * 3);
      let root = '';
      for (let i = 0; i < syllables; i++) root += pick(onsets) + pick(nuclei) + (i === syllables - 1 ? pick(codas) : '');
      rootList.add(root);
    }
    // Interleave: each root's plain form early, its inflections spread over the tail, as in real frequency lists.
    const tail = [];
    for (const root of rootList) {
      forms.add(root + SUFFIXES[language][0]);
      for (const suffix of SUFFIXES[language].slice(1)) if (random() < 0.6) tail.push(root + suffix);
    }
    for (let i = tail.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [tail[i], tail[j]] = [tail[j], tail[i]];
    }
    for (const form of tail) forms.add(form);
    vocab[language] = [...forms];
  }
  return vocab;
}

/** Draws ranks with probability ∝ 1/rank^s (Zipf), by inverting a precomputed cumulative table. */
export function zipf(random, size, s = 1.07) {
  const cumulative = new Float64Array(size);
  let total = 0;
  for (let r = 0; r < size; r++) cumulative[r] = total += 1 / Math.pow(r + 1, s);
  return () => {
    const x = random() * total;
    let lo = 0;
    let hi = size - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

/** Writes a transcript maker: each call gives the text of one interview of about `bytes` bytes. */
export function interviews(random, vocab, themes) {
  const draw = { en: zipf(random, vocab.en.length), es: zipf(random, vocab.es.length) };
  const pick = (list) => list[Math.floor(random() * list.length)];
  const sentence = (language) => {
    const words = Array.from({ length: 5 + Math.floor(random() * 20) }, () => vocab[language][draw[language]()]);
    // About one sentence in six carries a phrase a codebook term matches.
    if (themes[language].length > 0 && random() < 0.16) words.splice(Math.floor(random() * words.length), 0, pick(themes[language]));
    const text = words.join(' ');
    return `${text[0].toUpperCase()}${text.slice(1)}${random() < 0.1 ? '?' : '.'}`;
  };
  let made = 0;
  return (bytes) => {
    const language = random() < 0.25 ? 'es' : 'en';
    const id = `S${String(made++).padStart(6, '0')}`;
    const front = [`id: ${id}`, `language: ${language}`, `group: ${pick(['members', 'members', 'allies', 'donors'])}`, `region: ${pick(['Africa', 'Americas', 'Asia Pacific', 'Europe', 'MENA'])}`];
    const parts = [`---\n${front.join('\n')}\n---\n\n`];
    // The turns as said, for writing the interview in other formats (.docx, .vtt).
    const said = [];
    let size = parts[0].length;
    let turns = 0;
    while (size < bytes) {
      const asked = Array.from({ length: 1 + Math.floor(random() * 2) }, () => sentence(language)).join(' ');
      const question = `Interviewer: ${asked}\n\n`;
      // Respondent turns from a word or two to several paragraphs: a heavy tail, as in real interviews.
      const length = Math.max(1, Math.round(Math.exp(random() * 3.2)));
      const sentences = Array.from({ length }, () => sentence(language));
      const paragraphs = [];
      for (let i = 0; i < sentences.length; i += 4 + Math.floor(random() * 4)) paragraphs.push(sentences.slice(i, i + 6).join(' '));
      const answer = `Respondent: ${paragraphs.join('\n\n')}\n\n`;
      parts.push(question, answer);
      said.push({ speaker: 'Interviewer', paragraphs: [asked] }, { speaker: 'Respondent', paragraphs });
      size += Buffer.byteLength(question) + Buffer.byteLength(answer);
      turns += 2;
    }
    return { id, text: parts.join(''), turns, front, said };
  };
}

/** Writes `totalBytes` of interviews of about `fileBytes` each into `dir`; `each` sees every interview made. */
export function writeCorpus(dir, makeInterview, totalBytes, fileBytes, each = () => undefined) {
  mkdirSync(dir, { recursive: true });
  let bytes = 0;
  let turns = 0;
  let files = 0;
  while (bytes < totalBytes) {
    const t = makeInterview(Math.min(fileBytes, totalBytes - bytes));
    writeFileSync(path.join(dir, `${t.id}.txt`), t.text);
    each(t, bytes);
    bytes += Buffer.byteLength(t.text);
    turns += t.turns;
    files++;
  }
  return { files, bytes, turns };
}

/**
 * A generated codebook of `codes` codes and `terms` terms per language, drawn from the vocabulary (words, phrases,
 * prefixes and a few regular expressions), with phrases from it for the corpus to carry.
 */
export function largeCodebook(random, vocab, codes = 300, terms = 3000) {
  const lines = ['title: Generated benchmark codebook', 'language: en', 'categories:', '  - {id: people, label: People}', '  - {id: process, label: Process}', 'types:', '  - {id: barrier, label: Barriers}', '  - {id: enabler, label: Enablers}', 'codes:'];
  const themes = { en: [], es: [] };
  const perCode = Math.round(terms / codes);
  // Terms come from the vocabulary's middle ranks: common enough to fire, rare enough to discriminate.
  const word = (language) => vocab[language][200 + Math.floor(random() * Math.min(20000, vocab[language].length - 200))];
  for (let c = 0; c < codes; c++) {
    const byLanguage = {};
    for (const language of ['en', 'es']) {
      const list = [];
      for (let t = 0; t < perCode; t++) {
        const kind = random();
        if (kind < 0.6) list.push(word(language));
        else if (kind < 0.85) list.push(`${word(language)} ${word(language)}`);
        else if (kind < 0.99) list.push(`${word(language).slice(0, 5)}*`);
        else list.push(`'/\\b${word(language)}\\w{0,3} (?:of|de|the|la) \\w+/'`);
        if (random() < 0.2 && !list.at(-1).startsWith("'")) themes[language].push(list.at(-1).replace('*', ''));
      }
      byLanguage[language] = [...new Set(list.filter((t) => !t.endsWith('*') || t.length > 4))];
    }
    lines.push(
      `  - id: code-${c}`,
      `    label: Generated code ${c}`,
      `    type: ${c % 2 === 0 ? 'barrier' : 'enabler'}`,
      `    category: ${c % 3 === 0 ? 'people' : 'process'}`,
      `    definition: A generated code for the benchmark.`,
      '    terms:',
      `      en: [${byLanguage.en.join(', ')}]`,
      `      es: [${byLanguage.es.join(', ')}]`,
    );
  }
  return { yaml: `${lines.join('\n')}\n`, themes };
}

/** The interview as Word writes it: front matter and turns as paragraphs, each label a bold run. */
export async function docxOf(t) {
  const { Document, Packer, Paragraph, TextRun } = await import('docx');
  const paragraph = (runs) => new Paragraph({ children: runs });
  const children = [paragraph([new TextRun('---')]), ...t.front.map((l) => paragraph([new TextRun(l)])), paragraph([new TextRun('---')])];
  for (const turn of t.said) {
    turn.paragraphs.forEach((p, i) => children.push(paragraph(i === 0 ? [new TextRun({ text: `${turn.speaker}:`, bold: true }), new TextRun(` ${p}`)] : [new TextRun(p)])));
  }
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

/** The interview as a meeting tool's captions: cues of about 12 words, "Speaker: words", two seconds apart. */
export function vttOf(t) {
  const cues = ['WEBVTT', ''];
  let second = 0;
  const clock = (s) => `${String(Math.floor(s / 3600)).padStart(2, '0')}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}.000`;
  for (const turn of t.said) {
    const words = turn.paragraphs.join(' ').split(' ');
    for (let i = 0; i < words.length; i += 12) {
      cues.push(`${clock(second)} --> ${clock(second + 2)}`, `${turn.speaker}: ${words.slice(i, i + 12).join(' ')}`, '');
      second += 2;
    }
  }
  return cues.join('\n');
}
