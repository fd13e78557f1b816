import type { ComponentChildren } from 'preact';
import type { SiteContact } from '../../../../app/site/site-contact.js';
import { isChannelOffered } from '../../../../app/site/offered-channels.js';
import { publicChannels, type PublicChannel, type ResponseTimes } from '../../../../app/site/get-response-times.js';
import type { MessageKey } from '../../../../i18n/web/catalog.js';
import { durationText } from '../../kit/duration-text.js';
import { Layout } from '../../kit/layout.js';
import type { WebContext } from '../../kit/web-context.js';

const channelKeys: Record<PublicChannel, MessageKey> = {
  walk_in: 'home.channel.walkIn', phone: 'home.channel.phone', letter: 'home.channel.letter', suggestion_box: 'home.channel.suggestionBox',
  web: 'home.channel.web', email: 'home.channel.email', whatsapp: 'home.channel.whatsapp',
};

/**
 * One row per response time, naming every channel that has it: "Walk-in, telephone — 30 minutes".
 * Only the channels set up: the standard must not promise a desk or a number nobody can find.
 */
function timeRows(ctx: WebContext, times: ResponseTimes, contact: SiteContact): { label: string; duration: string }[] {
  const rows = new Map<string, string[]>();
  for (const channel of publicChannels.filter((candidate) => isChannelOffered(candidate, contact))) {
    const duration = durationText(ctx, times.byChannel[channel]);
    rows.set(duration, [...(rows.get(duration) ?? []), ctx.t(channelKeys[channel])]);
  }
  return [...rows].map(([duration, names]) => {
    const label = names.join(', ');
    return { label: label.charAt(0).toUpperCase() + label.slice(1), duration };
  });
}

export function HomePage({ ctx, contact, times }: { ctx: WebContext; contact: SiteContact; times: ResponseTimes }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('nav.home')}>
      <h1>{t('home.title')}</h1>
      {contact.organisation && <p>{t('home.leadOrganisation', { organisation: contact.organisation })}</p>}
      <p class="lead">{t('home.lead')}</p>
      <div class="actions">
        <a class="button" href="/pengaduan/baru">{t('home.complain')}</a>
        <a class="button button--secondary" href="/lacak">{t('home.track')}</a>
      </div>
      <p class="hint">{t('home.trackHint')}</p>

      <h2>{t('home.ways.title')}</h2>
      <p>{t('home.ways.lead')}</p>
      <Ways ctx={ctx} contact={contact} times={times} />

      <h2>{t('home.standard.title')}</h2>
      <p><strong>{t('home.standard.cost')}:</strong> {t('home.standard.free')}</p>
      <div class="table-wrap">
        <table>
          <caption>{t('home.standard.times')}</caption>
          <thead><tr><th scope="col">{t('home.standard.channel')}</th><th scope="col">{t('home.standard.atMost')}</th></tr></thead>
          <tbody>
            {timeRows(ctx, times, contact).map((row) => <tr><td>{row.label}</td><td>{row.duration}</td></tr>)}
            <tr><td>{t('home.standard.timeWhistle')}</td><td>{durationText(ctx, times.whistleblowing)}</td></tr>
          </tbody>
        </table>
      </div>
      <p><strong>{t('home.standard.product')}:</strong> {t('home.standard.productText')}</p>

      <h3>{t('home.procedure.title')}</h3>
      <ol>
        <li>{t('home.procedure.1')}</li>
        <li>{t('home.procedure.2')}</li>
        <li>{t('home.procedure.3')}</li>
        <li>{t('home.procedure.4')}</li>
        <li>{t('home.procedure.5')}</li>
      </ol>

      <h3>{t('home.tips.title')}</h3>
      <ul>
        <li>{t('home.tips.facts')}</li>
        <li>{t('home.tips.evidence')}</li>
        <li>{t('home.tips.contact')}</li>
      </ul>
      <p>{t('home.anonymous')}</p>
      <p>{t('home.unsatisfied')}</p>
      <p>{t('home.lapor')} <a href="https://www.lapor.go.id/" rel="noopener">lapor.go.id</a></p>
    </Layout>
  );
}

/** One card per way of complaining the body has set up; this website is always one. */
function Ways({ ctx, contact, times }: { ctx: WebContext; contact: SiteContact; times: ResponseTimes }) {
  const { t } = ctx;
  const within = (channel: PublicChannel) => t('home.within', { duration: durationText(ctx, times.byChannel[channel]) });
  const hours = contact.openingHours[ctx.locale];
  const phones = [contact.phone && { label: t('home.phone.desk', { number: contact.phone }), number: contact.phone },
    contact.callCentre && { label: t('home.phone.callCentre', { number: contact.callCentre }), number: contact.callCentre }]
    .filter((phone): phone is { label: string; number: string } => Boolean(phone));
  return (
    <ul class="card-list">
      <Way title={t('home.web.title')} requirement={t('home.web.requirement')} time={within('web')} ctx={ctx}>
        <p>{t('home.web.body')}</p>
        <p><a href="/pengaduan/baru">{t('home.web.link')}</a></p>
      </Way>
      {contact.address && (
        <Way title={t('home.walkIn.title')} requirement={t('home.walkIn.requirement')} time={t('home.walkIn.time', { duration: durationText(ctx, times.byChannel.walk_in) })} ctx={ctx}>
          <p>{contact.address}<br />{t('home.hours')}: {hours}</p>
        </Way>
      )}
      {contact.address && (
        <Way title={t('home.letter.title')} requirement={t('home.letter.requirement')} time={t('home.letter.time', { duration: durationText(ctx, times.byChannel.letter) })} ctx={ctx}>
          <p>{contact.address}</p>
        </Way>
      )}
      {contact.suggestionBoxes.length > 0 && (
        <Way title={t('home.box.title')} requirement={t('home.box.requirement')} time={t('home.box.time', { duration: durationText(ctx, times.byChannel.suggestion_box) })} ctx={ctx}>
          <p>{t('home.box.places')}:</p>
          <ul>{contact.suggestionBoxes.map((place) => <li>{place}</li>)}</ul>
        </Way>
      )}
      {contact.email && (
        <Way title={t('home.email.title')} requirement={t('home.other.requirement')} time={within('email')} ctx={ctx}>
          <p><a href={`mailto:${contact.email}`}>{contact.email}</a></p>
        </Way>
      )}
      {contact.whatsapp && (
        <Way title={t('home.whatsapp.title')} requirement={t('home.other.requirement')} time={within('whatsapp')} ctx={ctx}>
          <p><a href={whatsAppLink(contact.whatsapp)} rel="noopener">{t('home.whatsapp.link', { number: contact.whatsapp })}</a></p>
        </Way>
      )}
      {phones.length > 0 && (
        <Way title={t('home.phone.title')} requirement={t('home.phone.requirement')} time={within('phone')} ctx={ctx}>
          <ul>{phones.map((phone) => <li><a href={`tel:${phone.number.replace(/[^+\d]/g, '')}`}>{phone.label}</a></li>)}</ul>
          <p>{t('home.hours')}: {hours}</p>
        </Way>
      )}
    </ul>
  );
}

function Way({ ctx, title, requirement, time, children }: { ctx: WebContext; title: string; requirement: string; time: string; children: ComponentChildren }) {
  return (
    <li>
      <h3>{title}</h3>
      {children}
      <p><strong>{ctx.t('home.requirement')}:</strong> {requirement}</p>
      <p><strong>{ctx.t('home.timeLimit')}:</strong> {time}</p>
    </li>
  );
}

/** wa.me wants the number in international form without "+": 0822… becomes 62822…. */
function whatsAppLink(number: string): string {
  const digits = number.replace(/\D/g, '');
  return `https://wa.me/${digits.startsWith('0') ? `62${digits.slice(1)}` : digits}`;
}
