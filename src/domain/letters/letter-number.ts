const romanMonths = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'] as const;

/** The counter a unit's response letters are numbered from, one series per unit and year. */
export function letterSeriesOf(unitCode: string | undefined): string {
  return `LETTER:${unitCode ?? ''}`;
}

/**
 * A response letter's number, e.g. `12/ADUAN/XI/2026`: its place in the unit's series, the
 * unit's code (`ADUAN` when the unit is unknown), the month in Roman numerals and the year,
 * both as of `signedAt` in UTC.
 */
export function formatLetterNumber(input: { sequence: number; unitCode: string | undefined; signedAt: Date }): string {
  const { sequence, unitCode, signedAt } = input;
  return `${sequence}/${unitCode ?? 'ADUAN'}/${romanMonths[signedAt.getUTCMonth()] ?? ''}/${signedAt.getUTCFullYear()}`;
}
