// Names a unit so a coder can find it: "M01 turn 4", "M01 turn 4, characters 120–181", or just "M01".
import type { CodedUnit, ComparisonUnit } from '../core/reliability/coded-units.js';

export function unitLabel(unit: CodedUnit, kind: ComparisonUnit): string {
  if (unit.turn === undefined) return unit.transcript;
  const place = kind === 'turn' ? '' : `, characters ${unit.start}–${unit.end}`;
  return `${unit.transcript} turn ${unit.turn}${place}`;
}
