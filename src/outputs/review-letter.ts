// The review round's files: one letter per interviewee with each quote used, the code it illustrates and the sentences
// around it, in the interviewee's language; and quote-review.csv, where the researcher records each answer.
import type { ReviewLetter } from '../core/privacy/review-round.js';
import { REVIEW_COLUMNS, type ReviewRow } from '../core/privacy/quote-review.js';
import type { Language } from '../core/text/language.js';
import { formatCsv } from './csv.js';
import { md } from './markdown.js';

interface Words {
  readonly title: (report: string) => string;
  readonly intro: (n: number) => string;
  readonly how: (redacted: boolean) => string;
  readonly quote: (i: number, code: string) => string;
  readonly pending: string;
  readonly context: string;
  readonly answer: string;
  readonly options: string;
  readonly edit: string;
  readonly note: string;
  readonly earlier: (decision: string) => string;
  readonly reference: string;
}

const WORDS: Record<Language, Words> = {
  en: {
    title: (report) => `Your quotes in the report “${report}”`,
    intro: (n) => `Thank you for your interview. The draft report quotes you ${n === 1 ? 'once' : `${n} times`}. Before anything is published, we would like you to read ${n === 1 ? 'the quote' : 'each quote'} below.`,
    how: (redacted) =>
      `Quotes are published without your name or your organisation's. ${
        redacted
          ? 'Names, organisations, places and contact details in them are replaced by what they are, such as [name]. '
          : 'If a quote names a person, an organisation or a place, or holds contact details, please tell us how it should read. '
      }Each quote is shown as it would be printed, then with the sentences you said around it.`,
    quote: (i, code) => `Quote ${i}: illustrating “${code}”`,
    pending: 'You asked to approve your quotes first: this one will be printed only if you approve it.',
    context: 'In context',
    answer: 'Your answer',
    options: '- [ ] approve: use it as it is\n- [ ] edit: use it as I rewrite it below\n- [ ] withdraw: do not use it',
    edit: 'Your version (if you chose edit):',
    note: 'Anything else:',
    earlier: (decision) => `Recorded so far: ${decision}.`,
    reference: 'Reference',
  },
  es: {
    title: (report) => `Sus citas en el informe “${report}”`,
    intro: (n) => `Gracias por su entrevista. El borrador del informe cita sus palabras ${n === 1 ? 'una vez' : `${n} veces`}. Antes de publicar nada, le pedimos que lea ${n === 1 ? 'la cita' : 'cada cita'} a continuación.`,
    how: (redacted) =>
      `Las citas se publican sin su nombre ni el de su organización. ${
        redacted
          ? 'Los nombres, organizaciones, lugares y datos de contacto que contienen se sustituyen por lo que son, como [name]. '
          : 'Si una cita nombra a una persona, una organización o un lugar, o contiene datos de contacto, díganos cómo debería quedar. '
      }Cada cita aparece tal como se imprimiría y después con las frases que usted dijo alrededor.`,
    quote: (i, code) => `Cita ${i}: ilustra “${code}”`,
    pending: 'Usted pidió aprobar sus citas antes: esta solo se imprimirá si la aprueba.',
    context: 'En contexto',
    answer: 'Su respuesta',
    options: '- [ ] aprobar: usarla tal cual\n- [ ] editar: usarla como la reescribo abajo\n- [ ] retirar: no usarla',
    edit: 'Su versión (si eligió editar):',
    note: 'Algo más:',
    earlier: (decision) => `Registrado hasta ahora: ${decision}.`,
    reference: 'Referencia',
  },
};

/** `redacted`: the quotes were redacted, as the letter then says. */
export function formatReviewLetter(letter: ReviewLetter, report: string, redacted: boolean): string {
  const w = WORDS[letter.language];
  const out: string[] = [`# ${md(w.title(report))}`, '', w.intro(letter.quotes.length), '', w.how(redacted), ''];
  letter.quotes.forEach((q, i) => {
    out.push(`## ${md(w.quote(i + 1, q.codeLabel))}`, '', `> ${md(q.quote)}`, '');
    if (q.pending) out.push(`_${w.pending}_`, '');
    if (q.before !== '' || q.after !== '') out.push(`${w.context}:`, '', `> ${q.before === '' ? '' : `${md(q.before)} `}**${md(q.quote)}**${q.after === '' ? '' : ` ${md(q.after)}`}`, '');
    if (q.earlier?.decision !== undefined) out.push(w.earlier(q.earlier.decision), '');
    out.push(`${w.answer}:`, '', w.options, '', w.edit, '', w.note, '', `${w.reference}: \`${q.id}\``, '');
  });
  return out.join('\n');
}

export function formatReviewCsv(rows: readonly Omit<ReviewRow, 'line'>[]): string {
  return formatCsv(
    REVIEW_COLUMNS,
    rows.map((r) => [r.quoteId, r.transcript, r.codeId, r.quote, r.decision ?? '', r.editedQuote, r.note]),
  );
}
