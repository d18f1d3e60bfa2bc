// Percentages as the report prints them, rounded the same way everywhere (half away from zero, one decimal).

export function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part * 1000) / whole) / 10;
}
