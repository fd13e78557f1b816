import { DomainError } from '../domain-error.js';

/** A register number (nomor register): `2026-000123`, or `KPKNL-2026-000123` with a unit code. Not secret. */
export interface RegisterNumber {
  prefix: string | undefined;
  year: number;
  sequence: number;
}

const pattern = /^(?:([A-Z][A-Z0-9]{0,15})-)?(\d{4})-(\d{6,})$/;

export function formatRegisterNumber({ prefix, year, sequence }: RegisterNumber): string {
  const body = `${year}-${String(sequence).padStart(6, '0')}`;
  return prefix ? `${prefix}-${body}` : body;
}

/** Accepts what a person types: surrounding spaces and lower case are forgiven. */
export function parseRegisterNumber(input: string): RegisterNumber {
  const match = pattern.exec(input.trim().toUpperCase());
  if (!match) throw new DomainError('register_number.invalid');
  const [, prefix, year, sequence] = match;
  return { prefix: prefix || undefined, year: Number(year), sequence: Number(sequence) };
}

/**
 * The register year is the year the complaint reached the body, in the body's own time
 * zone: a letter received at 00:30 WIT on 1 January belongs to the new year.
 */
export function registerYearOf(receivedAt: Date, timeZone: string): number {
  return Number(yearFormatOf(timeZone).format(receivedAt));
}

// Building an Intl formatter costs ~100 µs, formatting ~1 µs: one per time zone, kept.
const yearFormats = new Map<string, Intl.DateTimeFormat>();
function yearFormatOf(timeZone: string): Intl.DateTimeFormat {
  let format = yearFormats.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric' });
    yearFormats.set(timeZone, format);
  }
  return format;
}
