import type { WebContext } from '../../kit/web-context.js';

/**
 * What to do when the tracking code is lost: it cannot be shown or sent again (only its keyed
 * hash is kept), so the reporter reaches the body through the contacts it has set up, or files
 * a new complaint naming the old register number so that staff can join the two.
 */
export function LostCode({ ctx }: { ctx: WebContext }) {
  const { t, site } = ctx;
  const contacts = [
    site.address && { label: t('track.lost.address'), value: site.address },
    site.phone && { label: t('track.lost.phone'), value: site.phone, href: `tel:${site.phone.replace(/[^+\d]/g, '')}` },
    site.callCentre && { label: t('track.lost.callCentre'), value: site.callCentre, href: `tel:${site.callCentre.replace(/[^+\d]/g, '')}` },
    site.email && { label: t('track.lost.email'), value: site.email, href: `mailto:${site.email}` },
    site.whatsapp && { label: t('track.lost.whatsapp'), value: site.whatsapp },
  ].filter((contact): contact is { label: string; value: string; href?: string } => Boolean(contact));
  return (
    <section aria-labelledby="lost-code-heading">
      <h2 id="lost-code-heading">{t('track.lost.heading')}</h2>
      <p>{t('track.lost.cannotResend')}</p>
      {contacts.length > 0 && (
        <>
          <p>{site.organisation ? t('track.lost.contactNamed', { organisation: site.organisation }) : t('track.lost.contact')}</p>
          <ul>
            {contacts.map((contact) => <li>{contact.label}: {contact.href ? <a href={contact.href}>{contact.value}</a> : contact.value}</li>)}
          </ul>
          <p>{t('track.lost.hours', { hours: site.openingHours[ctx.locale] })}</p>
        </>
      )}
      <p>{t('track.lost.newComplaint')} <a href="/pengaduan/baru">{t('track.lost.newComplaintLink')}</a></p>
    </section>
  );
}
