import type { PublicChannel } from './get-response-times.js';
import type { SiteContact } from './site-contact.js';

/**
 * The channels the body has actually set up: a channel is offered (and promised in the
 * service standard) only when the public can find it. This website always is.
 */
export function isChannelOffered(channel: PublicChannel, contact: SiteContact): boolean {
  switch (channel) {
    case 'web': return true;
    case 'walk_in':
    case 'letter': return contact.address !== null;
    case 'suggestion_box': return contact.suggestionBoxes.length > 0;
    case 'phone': return contact.phone !== null || contact.callCentre !== null;
    case 'email': return contact.email !== null;
    case 'whatsapp': return contact.whatsapp !== null;
  }
}
