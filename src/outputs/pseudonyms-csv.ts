// pseudonyms.csv: the key to an anonymised corpus, one row per pseudonym with the name it stands for, every spelling
// replaced and the transcripts it was met in. It re-identifies everyone: store it apart from the copies.
import { compareNatural } from '../core/problem.js';
import type { PseudonymEntry } from '../core/privacy/pseudonyms.js';
import { formatCsv } from './csv.js';

export function formatPseudonymsCsv(entries: readonly PseudonymEntry[]): string {
  return formatCsv(
    ['pseudonym', 'kind', 'name', 'variants', 'transcripts'],
    entries.map((e) => [e.pseudonym, e.kind, e.name, [...e.variants].sort(compareNatural).join('; '), [...e.transcripts].sort(compareNatural).join('; ')]),
  );
}
