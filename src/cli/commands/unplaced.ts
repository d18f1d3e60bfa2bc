// The list of human-coded segments that could not be placed, for agreement and evaluate: written only when asked.
import type { HumanCodings } from '../../app/corpus.js';
import { InputError } from '../../app/errors.js';
import type { Reporter } from '../../app/reporter.js';
import { writeOutputFile } from '../../io/write-outputs.js';
import { formatUnplacedCsv } from '../../outputs/unplaced-csv.js';

/** Writes `file` when given; otherwise, if some segments were not placed, says how to list them. */
export async function writeUnplaced(codings: HumanCodings, file: string | undefined, cwd: string, reporter: Reporter): Promise<void> {
  const count = codings.placed.unplaced.length;
  if (file === undefined) {
    if (count > 0) reporter.info(`${count} unplaced ${count === 1 ? 'segment' : 'segments'}: give --unplaced FILE to list them as CSV`);
    return;
  }
  const written = await writeOutputFile(file, formatUnplacedCsv(codings.placed), cwd, 'choose another file with --unplaced');
  if (!written.ok) throw new InputError(written.problems);
  if (count > 0) reporter.info(`${count} unplaced ${count === 1 ? 'segment' : 'segments'} listed in ${file}`);
}
