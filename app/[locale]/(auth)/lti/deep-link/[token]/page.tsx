import type { Metadata } from 'next';
import { getDb } from '@/db/client';
import { deepLinkFor } from '@/db/queries/lti-deep-links';
import { requireUser } from '@/lib/auth/session';
import { hashToken, looksLikeToken } from '@/lib/auth/tokens';
import { AppError } from '@/lib/errors';
import { deepLinkChoices } from '@/lib/services/lti-advantage/deep-linking';

export const metadata: Metadata = { title: 'Add an activity to your course', robots: { index: false } };

type Props = { params: Promise<{ token: string }> };

const groups = [
  { kind: 'quiz', heading: 'Quizzes', note: 'graded: the score goes to the gradebook' },
  { kind: 'consult', heading: 'Virtual consults', note: 'graded: the case score goes to the gradebook' },
  { kind: 'programme', heading: 'Whole programmes', note: 'graded: full marks when the certificate is issued' },
  { kind: 'module', heading: 'Modules', note: 'reading only, no gradebook column' },
] as const;

// Deep Linking 2.0: where an instructor's "add activity" request from the LMS lands. Reading it
// changes nothing; the choice is posted to /api/lti/deep-link, which answers the LMS.
export default async function DeepLinkPickerPage({ params }: Props) {
  const { token } = await params;
  const user = await requireUser(`/lti/deep-link/${token}`);
  const request = looksLikeToken(token) ? await deepLinkFor(getDb(), user, hashToken(token), new Date()).catch((e: unknown) => (e instanceof AppError ? null : Promise.reject(e))) : null;
  if (!request) {
    return (
      <div className="narrow stack">
        <h1>Add an activity to your course</h1>
        <p data-testid="deep-link-expired">This request has expired or was already answered, or it was made for another account. Start again from your course.</p>
      </div>
    );
  }
  const choices = await deepLinkChoices();
  return (
    <div className="stack-lg max-w-3xl">
      <header className="stack">
        <h1 className="m-0">Add an activity to {request.contextTitle ? `“${request.contextTitle}”` : 'your course'}</h1>
        <p className="m-0">
          Choose one item. It is added to your course in {request.platform} as a link that opens it here; graded items also get a gradebook column, and each learner’s result is sent to it.
        </p>
      </header>
      <form method="post" action="/api/lti/deep-link" className="stack-lg" data-testid="deep-link-picker">
        <input type="hidden" name="token" value={token} />
        {groups.map((g) => (
          <fieldset key={g.kind} className="stack">
            <legend>
              <strong>{g.heading}</strong> <span className="small muted">({g.note})</span>
            </legend>
            {choices[g.kind].map((c) => (
              <label key={c.id} className="block">
                <input type="radio" name="item" value={`${c.kind}:${c.id}`} required /> {c.title}
              </label>
            ))}
          </fieldset>
        ))}
        <p>
          <button type="submit" className="btn btn-primary">
            Add to the course
          </button>
        </p>
      </form>
    </div>
  );
}
