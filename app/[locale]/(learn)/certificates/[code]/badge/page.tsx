import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { getOwnCertificate } from '@/db/queries/certificates';
import { requireUser } from '@/lib/auth/session';
import { readCertificateDetails } from '@/lib/certification/details';
import { linkedInAddUrl } from '@/lib/certification/share';
import { formatDay } from '@/lib/certification/view';
import { absoluteUrl } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { CopyLink } from '@/components/certificates/CopyLink';

export const metadata: Metadata = { title: 'Your digital badge', robots: { index: false } };

type Props = { params: Promise<{ code: string }> };

/** What the Open Badge is and how to use it: download it for a wallet, add it to LinkedIn, or share its link. */
export default async function BadgePage({ params }: Props) {
  const { code } = await params;
  const user = await requireUser(`/certificates/${code}/badge`);
  const cert = await getOwnCertificate(getDb(), user, code).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  });
  const details = readCertificateDetails(cert.details);
  const verifyUrl = absoluteUrl(`/verify/${cert.code}`);
  const issuerName = details.issuer?.name ?? 'TeleHealth Ready';
  return (
    <div className="narrow stack-lg">
      <header className="stack">
        <p className="m-0 small">
          <Link href="/certificates">Certificates</Link> › Digital badge
        </p>
        <h1 className="m-0">Your digital badge</h1>
        <p className="m-0">
          {cert.programmeTitle} · issued {formatDay(cert.issuedAt)} · valid until {formatDay(cert.expiresAt)}
          {cert.revokedAt ? ' · revoked' : ''}
        </p>
      </header>
      <section className="stack" aria-labelledby="what">
        <h2 id="what" className="m-0">
          What it is
        </h2>
        <p className="m-0">
          The same certificate as your PDF, as an <strong>Open Badges 3.0</strong> credential: a small file signed by {issuerName}. It holds your name
          {cert.holderRegistration ? ' and registration number' : ''}, the programme, its dates and what it covers. Anyone can check that it is genuine and
          still valid, by its signature or at its verification page, without contacting us.
        </p>
      </section>
      <section className="card stack" aria-labelledby="share">
        <h2 id="share" className="m-0">
          Share it
        </h2>
        <CopyLink url={verifyUrl} label="The verification link (for a CV, an e-mail or an application):" />
        <p className="m-0">
          <a className="btn" href={linkedInAddUrl({ programmeTitle: cert.programmeTitle, issuerName, issuedAt: cert.issuedAt, expiresAt: cert.expiresAt, code: cert.code, verifyUrl })} rel="noopener noreferrer" target="_blank" data-testid="linkedin">
            Add to your LinkedIn profile
          </a>
        </p>
        <p className="m-0 small muted">LinkedIn opens its “Add licence or certification” form with the name, issuer, dates, credential ID and link filled in; you confirm it there.</p>
      </section>
      <section className="card stack" aria-labelledby="wallet">
        <h2 id="wallet" className="m-0">
          Keep it in a badge wallet
        </h2>
        <p className="m-0">
          <a className="btn" href={`/certificates/${cert.code}/credential`} data-testid="download-badge">
            Download the badge file (.jwt)
          </a>
        </p>
        <ol className="small">
          <li>Open your wallet or learner record (a university&apos;s badge backpack, or any Open Badges 3.0 wallet).</li>
          <li>Choose to add or import a credential, and upload this file; some wallets ask for the verification link above instead.</li>
          <li>The wallet checks the signature against our published key and shows the badge.</li>
        </ol>
        <p className="m-0 small muted">The file is not meant to be opened in a text editor: it is a signed token (a “VC-JWT”) for software to read.</p>
      </section>
    </div>
  );
}
