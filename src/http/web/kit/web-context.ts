import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../app/deps.js';
import { defaultSiteContact, type SiteContact } from '../../../app/site/site-contact.js';
import { localeFromAcceptLanguage, locales, type Locale } from '../../../i18n/locale.js';
import { translator, type Translate } from '../../../i18n/web/catalog.js';

export const languageCookieName = 'aduan_lang';
export const csrfCookieName = 'aduan_csrf';

/** What every page needs to render: the language, its texts, and the form token. */
export interface WebContext {
  locale: Locale;
  t: Translate;
  /** The path the page was asked for (for the menu's current item). */
  path: string;
  /** Path and query, so the language link comes back to the same search or page. */
  url: string;
  /** Put in every form as the hidden field `_csrf`. */
  csrfToken: string;
  /** Whether this installation sends mail (SMTP configured): pages promise mail only then. */
  isMailEnabled: boolean;
  /** The body's name and public contacts (site settings), for the frame and the pages that need them. */
  site: SiteContact;
}

// Read once per page request by the web plugin's hook; an error page rendered before (or
// because) it could be read shows the service name and no contacts.
const siteOfRequest = new WeakMap<FastifyRequest, SiteContact>();

export function rememberSite(request: FastifyRequest, site: SiteContact): void {
  siteOfRequest.set(request, site);
}

export class CsrfError extends Error {
  constructor() {
    super('the form token is missing or does not match');
  }
}

/** The language cookie wins; without one, the browser's preference; else Indonesian. */
export function localeOf(request: FastifyRequest): Locale {
  const chosen = request.cookies[languageCookieName];
  if (chosen && (locales as readonly string[]).includes(chosen)) return chosen as Locale;
  return localeFromAcceptLanguage(request.headers['accept-language']);
}

export function isSecure(request: FastifyRequest): boolean {
  return request.protocol === 'https';
}

/**
 * CSRF by a double submit bound to a secret: the browser holds a random value in an
 * HttpOnly, SameSite cookie, and each form carries its keyed hash, which another site can
 * neither read nor compute. Works for urlencoded and multipart forms alike.
 */
function csrfSecret(request: FastifyRequest, reply: FastifyReply): string {
  const existing = request.cookies[csrfCookieName];
  if (existing && /^[A-Za-z0-9_-]{22}$/.test(existing)) return existing;
  const fresh = randomBytes(16).toString('base64url');
  void reply.setCookie(csrfCookieName, fresh, { path: '/', httpOnly: true, sameSite: 'lax', secure: isSecure(request) });
  request.cookies[csrfCookieName] = fresh;
  return fresh;
}

export function webContext(deps: AppDeps, request: FastifyRequest, reply: FastifyReply): WebContext {
  const locale = localeOf(request);
  const path = (request.url.split('?')[0] ?? '/') || '/';
  return {
    locale, t: translator(locale), path, url: request.url, csrfToken: deps.keys.tag('csrf', csrfSecret(request, reply)), isMailEnabled: deps.mailer.isEnabled,
    site: siteOfRequest.get(request) ?? defaultSiteContact,
  };
}

/** Throws CsrfError (a 403 page) unless the submitted token belongs to this browser's cookie. */
export function checkCsrf(deps: AppDeps, request: FastifyRequest, submitted: unknown): void {
  const secret = request.cookies[csrfCookieName];
  if (!secret || typeof submitted !== 'string') throw new CsrfError();
  const expected = Buffer.from(deps.keys.tag('csrf', secret));
  const actual = Buffer.from(submitted);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) throw new CsrfError();
}
