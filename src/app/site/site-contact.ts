/**
 * Every way the public can reach the body outside this site, shown on the home page:
 * the seeds list walk-in, letter, suggestion box, email, WhatsApp and a call centre.
 * A channel left empty (null) is simply not offered.
 */
export interface SiteContact {
  /** The body's name, e.g. "BKPSDMD Kabupaten Manggarai Timur"; null shows the service name only. */
  organisation: string | null;
  /** Where to come in person and where letters go. */
  address: string | null;
  email: string | null;
  whatsapp: string | null;
  phone: string | null;
  callCentre: string | null;
  /** The body's own website, printed in the letterhead. */
  website: string | null;
  /** The town printed before the date of a letter (tempat surat), e.g. "Bandung". */
  place: string | null;
  /** When the desk is staffed, written per language ("Senin–Jumat, 08.00–16.00 WIB"). */
  openingHours: { id: string; en: string };
  /** Where the suggestion boxes (kotak saran) stand. */
  suggestionBoxes: string[];
}

/** What a fresh installation shows: office hours of Indonesian government offices, no contacts yet. */
export const defaultSiteContact: SiteContact = {
  organisation: null,
  address: null,
  email: null,
  whatsapp: null,
  phone: null,
  callCentre: null,
  website: null,
  place: null,
  openingHours: { id: 'Senin–Jumat, 08.00–16.00', en: 'Monday to Friday, 08:00–16:00' },
  suggestionBoxes: [],
};

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);

/**
 * Reads a stored value leniently: a member missing or of the wrong shape (an older version,
 * a hand edit) falls back to its default instead of breaking the home page.
 */
export function toSiteContact(stored: unknown): SiteContact {
  if (stored === null || typeof stored !== 'object') return defaultSiteContact;
  const value = stored as Record<string, unknown>;
  const hours = (value.openingHours ?? {}) as Record<string, unknown>;
  return {
    organisation: text(value.organisation),
    address: text(value.address),
    email: text(value.email),
    whatsapp: text(value.whatsapp),
    phone: text(value.phone),
    callCentre: text(value.callCentre),
    website: text(value.website),
    place: text(value.place),
    openingHours: {
      id: text(hours.id) ?? defaultSiteContact.openingHours.id,
      en: text(hours.en) ?? defaultSiteContact.openingHours.en,
    },
    suggestionBoxes: Array.isArray(value.suggestionBoxes) ? value.suggestionBoxes.map(text).filter((place): place is string => place !== null) : [],
  };
}
