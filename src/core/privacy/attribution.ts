// Attribution of quotes that does not identify: the values of the chosen attributes (group, region…), coarsened where
// a combination of values covers fewer than three interviewees, the last attribute dropped first.
import { attributeValue, type Attributed } from '../analysis/sample.js';

/** Fewer interviewees than this sharing a combination of values could be told apart by it. */
export const MIN_ATTRIBUTION_GROUP = 3;

export interface Attribution {
  /** The attributes and values shown, in the order asked for. */
  readonly values: readonly { readonly attribute: string; readonly value: string }[];
  /** The attributes asked for but dropped for this interview, to keep the group at least MIN_ATTRIBUTION_GROUP. */
  readonly dropped: readonly string[];
}

/** The attribution of each interview of the sample by `attributes`, coarsened from the last attribute backwards. */
export function attributeInterviews(sample: readonly Attributed[], attributes: readonly string[]): Map<string, Attribution> {
  const out = new Map<string, Attribution>();
  for (const t of sample) {
    let kept = attributes.length;
    while (kept > 0) {
      const chosen = attributes.slice(0, kept);
      const peers = sample.filter((other) => chosen.every((a) => attributeValue(other, a) === attributeValue(t, a))).length;
      if (peers >= MIN_ATTRIBUTION_GROUP) break;
      kept--;
    }
    out.set(t.id, { values: attributes.slice(0, kept).map((attribute) => ({ attribute, value: attributeValue(t, attribute) })), dropped: attributes.slice(kept) });
  }
  return out;
}
