// Settings shared by commands: flags first, then collab-code.yaml.
import { usageError } from '../../app/errors.js';

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
