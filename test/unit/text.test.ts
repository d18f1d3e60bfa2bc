import { describe, expect, it } from 'vitest';
import { decodeText, decodeUtf8 } from '../../src/core/text/decode.js';
import { codePointConverter, sliceCodePoints, type CodePointOffset } from '../../src/core/text/offsets.js';
import { foldDiacritics, scanWords, tokenize, wordForms, writtenWords } from '../../src/core/text/tokenize.js';
import { WordMemo } from '../../src/core/text/word-memo.js';
import { sentenceSpans } from '../../src/core/text/sentences.js';

const bytes = (...values: number[]) => new Uint8Array(values);
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('decodeUtf8', () => {
  it('strips a BOM and normalises CRLF and lone CR to LF', () => {
    const result = decodeUtf8(bytes(0xef, 0xbb, 0xbf, ...utf8('a\r\nb\rc\n')));
    expect(result).toEqual({ ok: true, encoding: 'utf-8', text: 'a\nb\nc\n' });
  });

  it('reports the byte offset of the first invalid byte', () => {
    // "ab" then a lone continuation byte, then "c"
    expect(decodeUtf8(bytes(0x61, 0x62, 0x80, 0x63))).toEqual({ ok: false, encoding: 'utf-8', byteOffset: 2 });
    // "é" in Latin-1 (0xE9) after "caf": the classic mis-saved transcript
    expect(decodeUtf8(bytes(...utf8('café '), 0x63, 0x61, 0x66, 0xe9))).toEqual({ ok: false, encoding: 'utf-8', byteOffset: 9 });
  });

  it('does not mistake a literal U+FFFD for an invalid byte', () => {
    const good = utf8('x\uFFFDy');
    expect(decodeUtf8(bytes(...good, 0xff))).toEqual({ ok: false, encoding: 'utf-8', byteOffset: good.length });
  });
});

describe('decodeText', () => {
  const utf16 = (text: string, littleEndian: boolean, bom: boolean) => {
    const units = [...(bom ? [0xfeff] : []), ...Array.from(text, (c) => c.charCodeAt(0))];
    return new Uint8Array(units.flatMap((u) => (littleEndian ? [u & 0xff, u >> 8] : [u >> 8, u & 0xff])));
  };

  it('reads UTF-16 with a byte-order mark (Windows "Unicode"), little- and big-endian', () => {
    expect(decodeText(utf16('Q: ¿Qué?\r\nA: Sí.', true, true))).toEqual({ ok: true, encoding: 'utf-16le', text: 'Q: ¿Qué?\nA: Sí.' });
    expect(decodeText(utf16('Q: ¿Qué?\r\nA: Sí.', false, true))).toEqual({ ok: true, encoding: 'utf-16be', text: 'Q: ¿Qué?\nA: Sí.' });
  });

  it('recognises UTF-16 saved without a byte-order mark by its NUL bytes', () => {
    expect(decodeText(utf16('Interviewer: Hello?\nRespondent: Hi.', true, false))).toMatchObject({ ok: true, encoding: 'utf-16le', text: 'Interviewer: Hello?\nRespondent: Hi.' });
    expect(decodeText(utf16('Interviewer: Hello?', false, false))).toMatchObject({ ok: true, encoding: 'utf-16be' });
  });

  it('refuses a lone surrogate in UTF-16 by its byte offset, and leaves UTF-8 to the UTF-8 decoder', () => {
    const broken = new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x00, 0xd8, 0x42, 0x00]);
    expect(decodeText(broken)).toEqual({ ok: false, encoding: 'utf-16le', byteOffset: 4 });
    expect(decodeText(utf8('café'))).toEqual({ ok: true, encoding: 'utf-8', text: 'café' });
    expect(decodeText(bytes(0x61, 0xe9))).toEqual({ ok: false, encoding: 'utf-8', byteOffset: 1 });
  });
});

describe('code point offsets', () => {
  it('equal UTF-16 offsets when the text has no astral characters', () => {
    const toCp = codePointConverter('colaboración');
    expect(toCp(5)).toBe(5);
  });

  it('count an emoji as one code point, as REFI-QDA does', () => {
    const text = 'a😀b😀c';
    const toCp = codePointConverter(text);
    expect([0, 1, 3, 4, 6, 7].map(toCp)).toEqual([0, 1, 2, 3, 4, 5]);
    const c = text.indexOf('c');
    expect(sliceCodePoints(text, { start: toCp(c), end: toCp(c + 1) })).toBe('c');
    expect(sliceCodePoints(text, { start: 2 as CodePointOffset, end: 3 as CodePointOffset })).toBe('b');
  });

  it('count the code points before every offset, lone surrogates and offsets inside a pair included', () => {
    const parts = ['a', '😀', '\uD800', '\uDC00', 'é', '𝄞'];
    let seed = 7;
    for (let n = 0; n < 200; n++) {
      const text = Array.from({ length: n % 23 }, () => parts[(seed = (seed * 1103515245 + 12345) % 2 ** 31) % parts.length]).join('');
      const toCp = codePointConverter(text);
      for (let offset = 0; offset <= text.length; offset++) expect(toCp(offset), JSON.stringify(text)).toBe(Array.from(text.slice(0, offset)).length);
    }
  });
});

describe('tokenize', () => {
  it('keeps accented words whole', () => {
    const words = tokenize('La colaboración, después del Café.', 'es').map((t) => t.folded);
    expect(words).toEqual(['la', 'colaboracion', 'despues', 'del', 'cafe']);
  });

  it('gives offsets into the original text, shifted by base', () => {
    const text = '¿Qué pasó? Ñandú';
    const [, , third] = tokenize(text, 'es', 100);
    expect(third).toMatchObject({ start: 100 + text.indexOf('Ñandú'), end: 100 + text.length });
  });

  it('keeps inner apostrophes, spells out English contractions and drops English possessives', () => {
    expect(tokenize("don't organisation's l'ong", 'en').map((t) => t.folded)).toEqual(['do', 'not', 'organisation', "l'ong"]);
  });
});

describe('stems', () => {
  it('stem English inflections together', () => {
    const stem = (w: string) => wordForms(w, 'en').stem;
    expect(stem('collaborating')).toBe(stem('collaboration'));
    expect(stem('relationships')).toBe(stem('relationship'));
    expect(stem('funding')).toBe(stem('funded'));
  });

  it('stem Spanish inflections together, with accents removed afterwards', () => {
    const stem = (w: string) => wordForms(w, 'es').stem;
    expect(stem('colaboración')).toBe(stem('colaboraciones'));
    expect(stem('relación')).toBe(stem('relaciones'));
    expect(stem('después')).toBe('despues');
  });

  it('depend on the language', () => {
    expect(wordForms('organizaciones', 'es').stem).not.toBe(wordForms('organizaciones', 'en').stem);
  });
});

describe('foldDiacritics', () => {
  it('removes combining marks, precomposed or not', () => {
    expect(foldDiacritics('niño')).toBe('nino');
    expect(foldDiacritics('nin\u0303o')).toBe('nino');
  });
});

describe('sentenceSpans', () => {
  it('splits sentences and trims them', () => {
    const text = 'Hola. ¿Qué tal? Bien.';
    expect(sentenceSpans(text, 0, text.length, 'es').map((s) => text.slice(s.start, s.end))).toEqual(['Hola.', '¿Qué tal?', 'Bien.']);
  });

  it('reads a line wrapped inside a sentence as one sentence, and a blank line as a break', () => {
    const text = 'We are a team of four. When another\ncoalition asks us, we say no.\n  \nThat was hard';
    expect(sentenceSpans(text, 0, text.length, 'en').map((s) => text.slice(s.start, s.end))).toEqual([
      'We are a team of four.',
      'When another\ncoalition asks us, we say no.',
      'That was hard',
    ]);
  });
});

describe('scanWords', () => {
  // The specification scanWords implements by hand, for speed.
  const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’][\p{L}\p{M}\p{N}]+)*/gu;
  const byRegex = (text: string) => Array.from(text.matchAll(WORD), (m) => [m.index, m.index + m[0].length]);
  const byScan = (text: string) => {
    const spans: number[][] = [];
    scanWords(text, (start, end) => spans.push([start, end]));
    return spans;
  };

  it('finds the words the Unicode pattern finds, on hand-picked cases', () => {
    for (const text of ["don't stop", "l'ONG'", "'quoted'", 'naïve café', 'nin\u0303o \u0303x', 'a😀b', '𝒳yz 𝟙2', '', '  ', 'x', "it’s’", 'Ω≈ç√'] ) {
      expect(byScan(text), JSON.stringify(text)).toEqual(byRegex(text));
    }
  });

  it('finds the words the Unicode pattern finds, on 2000 random strings', () => {
    const pool = ['a', 'Z', '9', 'é', 'ñ', 'Ç', '\u0301', '\u0303', "'", '’', ' ', '\n', '.', ',', '-', '😀', '𝒳', '٣', '中', 'ß', '_', '\t', '¿'];
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let n = 0; n < 2000; n++) {
      const text = Array.from({ length: Math.floor(random() * 24) }, () => pool[Math.floor(random() * pool.length)]).join('');
      expect(byScan(text), JSON.stringify(text)).toEqual(byRegex(text));
    }
  });

  it('finds in a stretch of a text the words of that stretch sliced out, at the text’s own offsets, a surrogate pair cut by its end included', () => {
    const pool = ['a', 'é', '\u0301', "'", '’', ' ', '.', '😀', '𝒳', '\uD835', '中'];
    let seed = 11;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let n = 0; n < 1000; n++) {
      const text = Array.from({ length: Math.floor(random() * 20) }, () => pool[Math.floor(random() * pool.length)]).join('');
      const from = Math.floor(random() * (text.length + 1));
      const to = from + Math.floor(random() * (text.length - from + 1));
      const spans: number[][] = [];
      scanWords(text, (start, end) => spans.push([start, end]), from, to);
      expect(spans, JSON.stringify([text, from, to])).toEqual(byScan(text.slice(from, to)).map(([start, end]) => [start! + from, end! + from]));
    }
  });
});

describe('WordMemo', () => {
  it('finds a word by its place in a text, as a Map finds it by the word, through growing and starting again', () => {
    const memo = new WordMemo<number>(3000);
    const map = new Map<string, number>();
    // Words that share prefixes, lengths and characters beyond Latin-1 (and one astral), so hashes and probes collide.
    const word = (i: number) => `w${i % 7 === 0 ? 'é' : ''}${i.toString(36)}${i % 11 === 0 ? '😀' : ''}`;
    const text = Array.from({ length: 5000 }, (_, i) => word((i * 7919) % 2500)).join(' ');
    let at = 0;
    for (const w of text.split(' ')) {
      const [start, end] = [at, at + w.length];
      at = end + 1;
      const known = memo.get(text, start, end);
      expect(known).toBe(map.get(w));
      if (known === undefined) {
        memo.add(w, map.size);
        map.set(w, map.size);
      }
    }
    expect(memo.size).toBe(2500);
    expect(memo.get('xx w1 yy', 3, 5)).toBe(map.get('w1'));
    expect(memo.get('w1', 0, 1)).toBeUndefined();
  });

  it('starts again, empty, when it holds its limit of words', () => {
    const memo = new WordMemo<string>(2);
    memo.add('one', '1');
    memo.add('two', '2');
    memo.add('three', '3');
    expect([memo.size, memo.get('one', 0, 3), memo.get('three', 0, 5)]).toEqual([1, undefined, '3']);
  });
});

describe('writtenWords', () => {
  it('gives a word looked up by its place in a text the forms it gives the word itself, once', () => {
    let made = 0;
    const lookup = writtenWords('en', (forms) => ({ ...forms, n: ++made }));
    const text = "Funding, don't wait: funding";
    expect(lookup.at(text, 0, 7)).toBe(lookup('Funding'));
    expect(lookup.at(text, 9, 14)).toEqual({ folded: 'do', stem: 'do', n: 2, next: { folded: 'not', stem: 'not', n: 3 } });
    expect(lookup.at(text, 21, 28)).toMatchObject({ stem: 'fund', n: 4 });
    expect(made).toBe(4);
  });
});
