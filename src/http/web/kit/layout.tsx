import type { ComponentChildren } from 'preact';
import { assetUrl } from './assets.js';
import type { WebContext } from './web-context.js';

interface LayoutProps {
  ctx: WebContext;
  /** The page's own title; the body's name (or the service name) follows it. */
  title: string;
  /** Scripts (asset file names) that enhance this page; the page works without them. */
  scripts?: string[];
  children: ComponentChildren;
}

const navigation = [
  { href: '/', key: 'nav.home' },
  { href: '/pengaduan/baru', key: 'nav.complain' },
  { href: '/lacak', key: 'nav.track' },
  { href: '/publik', key: 'nav.public' },
  { href: '/statistik', key: 'nav.statistics' },
] as const;

/** The frame of every public page: skip link, header with menu and language, main, footer. */
export function Layout({ ctx, title, scripts = [], children }: LayoutProps) {
  const { t, locale, path, url } = ctx;
  const otherLocale = locale === 'id' ? 'en' : 'id';
  const organisation = ctx.site.organisation;
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{organisation === null ? `${title} · ${t('site.name')}` : `${title} — ${organisation}`}</title>
        <meta name="description" content={t('site.tagline')} />
        <link rel="icon" href={assetUrl('favicon.svg')} type="image/svg+xml" />
        <link rel="stylesheet" href={assetUrl('site.css')} />
        {scripts.map((name) => <script src={assetUrl(name)} defer />)}
      </head>
      <body>
        <a class="skip-link" href="#main">{t('skip.toMain')}</a>
        <header class="site-header">
          <div class="container site-header__bar">
            <a class="site-header__name" href="/">{organisation ?? t('site.name')}<span class="site-header__tagline">{t('site.tagline')}</span></a>
            <a class="site-header__language" href={`/bahasa/${otherLocale}?kembali=${encodeURIComponent(url)}`} hrefLang={otherLocale} lang={otherLocale} aria-label={t('language.switchLabel')}>{t('language.switchTo')}</a>
          </div>
          <nav class="container site-nav" aria-label={t('nav.label')}>
            <ul>
              {navigation.map((item) => (
                <li><a href={item.href} aria-current={isCurrent(item.href, path) ? 'page' : undefined}>{t(item.key)}</a></li>
              ))}
            </ul>
          </nav>
        </header>
        <main id="main" class="container" tabIndex={-1}>
          {children}
        </main>
        <footer class="site-footer">
          <div class="container">
            <p>{t('footer.free')} {t('footer.privacy')}</p>
          </div>
        </footer>
      </body>
    </html>
  );
}

function isCurrent(href: string, path: string): boolean {
  return href === '/' ? path === '/' : path === href || path.startsWith(`${href}/`);
}

/** A page that explains what went wrong in plain words and where to go next. */
export function MessagePage({ ctx, title, body }: { ctx: WebContext; title: string; body: string }) {
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p>{body}</p>
      <p><a href="/">{ctx.t('error.backHome')}</a></p>
    </Layout>
  );
}
