import type { Metadata } from 'next';
import Link from 'next/link';
import './globals.css';

// A URL no route matches at all (every page lives under app/[locale], so there is no one root
// layout to compose a 404 from). Plain English: nothing here knows which language was asked for.
export const metadata: Metadata = { title: 'Page not found · TeleHealth Ready', robots: { index: false } };

export default function GlobalNotFound() {
  return (
    <html lang="en" dir="ltr">
      <body>
        <main id="main" className="container-page py-6">
          <div className="narrow stack">
            <h1>Page not found</h1>
            <p>We could not find that page. It may have moved.</p>
            <p>
              <Link href="/">Go to the home page</Link>
            </p>
          </div>
        </main>
      </body>
    </html>
  );
}
