// Settings shared by commands: flags first, then collab-code.yaml.
import { usageError } from '../../app/errors.js';
import type { TranscriptSources } from '../../app/corpus.js';
import type { Config } from '../../io/read-config.js';

/** The transcripts named on the command line, else those in collab-code.yaml; none is a usage error. */
export function transcriptPaths(given: readonly string[], fromConfig: readonly string[] | undefined): readonly string[] {
  const paths = given.length > 0 ? given : (fromConfig ?? []);
  if (paths.length === 0) throw usageError('no transcripts given', 'name files, folders or globs, or list them under "transcripts" in collab-code.yaml');
  return paths;
}

/** "--by group,region --by scope" and config lists alike become ["group", "region", "scope"]. */
export function splitList(values: readonly string[] | undefined): string[] | undefined {
  if (values === undefined || values.length === 0) return undefined;
  return values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
}

/** A participants table and turn table columns: flags first, then collab-code.yaml. */
export function sourceSettings(flags: TranscriptSources, settings: Config): TranscriptSources {
  const participants = flags.participants ?? settings.participants;
  const participantsId = flags.participantsId ?? settings.participants_id;
  const turnColumns = flags.turnColumns ?? settings.turn_columns;
  return {
    ...(participants === undefined ? {} : { participants }),
    ...(participantsId === undefined ? {} : { participantsId }),
    ...(turnColumns === undefined ? {} : { turnColumns }),
  };
}
