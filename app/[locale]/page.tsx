import Link from 'next/link';
import { AccountCallToAction } from '@/components/site/SessionLinks';

const offers = [
  { title: 'Lessons', text: 'Short modules on the no-touch examination, consent and privacy, audio-only calls and when to refer in person. Readable on a phone; video only when you tap play.' },
  { title: 'Virtual consults', text: 'Run a simulated teleconsult: the video freezes, a relative holds the phone, a red flag hides in the history. Then read a debrief of every decision.' },
  { title: 'Quizzes', text: 'Question banks graded on the server, with the rationale and source for each answer.' },
  { title: 'Certificates', text: 'Earn a verifiable certificate, with the study hours for a practising doctor’s CPD record.' },
] as const;

export default function HomePage() {
  return (
    <div className="stack-lg">
      <section className="stack">
        <h1 className="text-3xl">Get ready to practise telemedicine</h1>
        <p className="max-w-2xl text-lg">
          A farmer hours from a clinic, a mother with a feverish child, a woman doctor consulting from home: telemedicine is reaching them across
          Pakistan, but most doctors were never trained for it. TeleHealth Ready is free, open training for medical students and doctors.
        </p>
        <div className="flex flex-wrap gap-3">
          <Link href="/modules" className="btn btn-primary">
            Start learning
          </Link>
          <AccountCallToAction />
        </div>
      </section>
      <section aria-labelledby="offer">
        <h2 id="offer">What you will find</h2>
        <ul className="grid gap-4 sm:grid-cols-2">
          {offers.map((o) => (
            <li key={o.title} className="card">
              <h3 className="mt-0">{o.title}</h3>
              <p className="muted">{o.text}</p>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="who" className="stack">
        <h2 id="who">Who it is for</h2>
        <p>
          Medical students following their curriculum, practising doctors building their CPD record, and university staff who follow their cohorts&apos; readiness.
          Built for slow and intermittent mobile connections: lessons are light, and nothing heavy loads unless you ask for it.
        </p>
      </section>
    </div>
  );
}
