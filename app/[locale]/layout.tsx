import type { Metadata, Viewport } from 'next';
import { notFound } from 'next/navigation';
import { hasLocale } from 'next-intl';
import { getTranslations } from 'next-intl/server';
import { ConnectionStatus } from '@/components/offline/ConnectionStatus';
import { LowDataOffer } from '@/components/offline/LowDataOffer';
import { SiteFooter } from '@/components/site/SiteFooter';
import { SiteHeader } from '@/components/site/SiteHeader';
import { directionOf, routing } from '@/i18n/routing';
import '../globals.css';

// Every page is prerendered (or rendered) once per locale: /modules and /ur/modules.
export function generateStaticParams() {
  return routing.locales.map((locale) => ({ locale }));
}

// No absolute URL here: lessons are prerendered once and served under whatever address PUBLIC_URL names.
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('site');
  return { title: { default: t('title'), template: `%s · ${t('name')}` }, description: t('description'), applicationName: t('name') };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#0f5f68' };

// The opt-in Nastaliq font (/settings/data): on an Urdu page of a device that chose it and is not in
// low-data mode, a class on <html> and the font's stylesheet (public/fonts/nastaliq.css). Every
// other page, and every device that did not choose it, loads no font at all.
const fontChoice = `(function(){var c=document.cookie,d=document.documentElement;if(d.lang!=='ur'||!/(?:^|; )urdufont=nastaliq(?:;|$)/.test(c)||/(?:^|; )lowdata=1(?:;|$)/.test(c))return;d.classList.add('nastaliq');var l=document.createElement('link');l.rel='stylesheet';l.href='/fonts/nastaliq.css';document.head.appendChild(l)})()`;

type Props = { children: React.ReactNode; params: Promise<{ locale: string }> };

export default async function RootLayout({ children, params }: Props) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  const t = await getTranslations('site');
  return (
    <html lang={locale} dir={directionOf(locale)} suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: fontChoice }} />
      </head>
      <body>
        <a href="#main" className="skip-link">
          {t('skip')}
        </a>
        <SiteHeader />
        <ConnectionStatus />
        <main id="main" className="container-page py-6">
          {children}
        </main>
        <SiteFooter />
        <LowDataOffer />
      </body>
    </html>
  );
}
