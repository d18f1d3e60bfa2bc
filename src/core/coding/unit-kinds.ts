// The units of coding, apart from the engine so the CLI can list them without loading it.
export const UNIT_KINDS = ['turn', 'paragraph', 'sentence'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const isUnitKind = (value: unknown): value is UnitKind => (UNIT_KINDS as readonly unknown[]).includes(value);
