import { DomainError, type FieldProblem } from '../domain-error.js';

/**
 * identified: the reporter's identity is known to the staff handling the case.
 * confidential: recorded but sealed; handlers see a pseudonym.
 * anonymous: nothing is recorded, not even an IP address.
 */
export const identityModes = ['identified', 'confidential', 'anonymous'] as const;
export type IdentityMode = (typeof identityModes)[number];

export interface ReporterIdentity {
  name: string;
  /** Nomor Induk Kependudukan: the 16-digit national ID number. */
  nik?: string | undefined;
  email?: string | undefined;
  phone?: string | undefined;
  address?: string | undefined;
}

export type IdentityInput = { mode: 'anonymous' } | ({ mode: 'identified' | 'confidential' } & ReporterIdentity);

/**
 * The identity a reporter gave, as intake keeps it: an anonymous report keeps nothing that
 * could name its reporter, whatever was typed or sent beside the choice.
 */
export function identityInputOf(mode: IdentityMode, given: Partial<ReporterIdentity>): IdentityInput {
  if (mode === 'anonymous') return { mode };
  return { mode, name: given.name ?? '', nik: given.nik, email: given.email, phone: given.phone, address: given.address };
}

/**
 * Whether staff see who the reporter is: an identified reporter always, a confidential one
 * only after a recorded unsealing, an anonymous one never (there is no one to show).
 */
export function isIdentityShown(mode: IdentityMode, isUnsealed: boolean): boolean {
  return mode === 'identified' || (mode === 'confidential' && isUnsealed);
}

/** A named reporter must leave a way to be answered: an email, a phone or an address. */
export function checkIdentity(identity: IdentityInput): void {
  if (identity.mode === 'anonymous') return;
  const fields: FieldProblem[] = [];
  if (identity.name.trim() === '') fields.push({ pointer: '/identity/name', code: 'required' });
  if (identity.nik !== undefined && !/^\d{16}$/.test(identity.nik)) fields.push({ pointer: '/identity/nik', code: 'nik' });
  const hasContact = [identity.email, identity.phone, identity.address].some((value) => value !== undefined && value.trim() !== '');
  if (!hasContact) fields.push({ pointer: '/identity/email', code: 'contact_required' });
  if (fields.length > 0) throw new DomainError('intake.identity_incomplete', {}, fields);
}

/**
 * What handlers call a confidential reporter: stable for one case, meaningless outside it.
 * `tag` is derived by the caller from a keyed hash of the case id.
 */
export function pseudonymFor(tag: string): string {
  return `Pelapor-${tag.slice(0, 6).toUpperCase()}`;
}
