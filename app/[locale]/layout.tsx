import type { Metadata, Viewport } from 'next';
import Link from 'next/link';
import { ConnectionStatus } from '@/components/offline/ConnectionStatus';
import { LowDataOffer } from '@/components/offline/LowDataOffer';
import { SessionLinks } from '@/components/site/SessionLinks';
import '../globals.css';

// No absolute URL here: lessons are prerendered once and served under whatever address PUBLIC_URL names.
export const metadata: Metadata = {
  title: { default: 'TeleHealth Ready — telemedicine training for doctors and students', template: '%s · TeleHealth Ready' },
  description:
    'Free, open-source training in telemedicine for medical students and doctors in Pakistan: lessons, virtual consults, quizzes and certificates, built for slow connections.',
  applicationName: 'TeleHealth Ready',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#0f5f68' };

const nav = [
  { href: '/modules', label: 'Modules' },
  { href: '/consults', label: 'Consults' },
  { href: '/progress', label: 'Progress' },
  { href: '/certificates', label: 'Certificates' },
  { href: '/cohorts', label: 'Cohorts' },
  { href: '/profile', label: 'Account' },
  { href: '/search', label: 'Search' },
] as const;

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a href="#main" className="skip-link">
          Skip to content
        </a>
        <header className="border-b border-line bg-white">
          <div className="container-page flex flex-wrap items-center justify-between gap-x-6 gap-y-1 py-3">
            <Link href="/" className="font-bold text-brand no-underline">
              TeleHealth Ready
            </Link>
            <nav aria-label="Main">
              <ul className="flex flex-wrap gap-x-4 gap-y-1">
                {nav.map((item) => (
                  <li key={item.href}>
                    <Link href={item.href} className="no-underline hover:underline" prefetch={false}>
                      {item.label}
                    </Link>
                  </li>
                ))}
                <SessionLinks />
              </ul>
            </nav>
          </div>
        </header>
        <ConnectionStatus />
        <main id="main" className="container-page py-6">
          {children}
        </main>
        <footer className="mt-12 border-t border-line py-6 text-sm text-muted">
          <div className="container-page stack">
            <p>
              Training material for health professionals. Every patient on this site is fictional. Clinical content cites its sources;
              follow your local protocols and regulator.
            </p>
            <p>
              <Link href="/settings/data">Low-data mode and offline reading</Link>
            </p>
          </div>
        </footer>
        <LowDataOffer />
      </body>
    </html>
  );
}
