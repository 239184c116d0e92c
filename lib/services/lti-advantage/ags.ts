import 'server-only';
// Grade passback (LTI Assignment and Grade Services 2.0): the `grades` outbox handler. For a
// graded quiz, a finished consult or an issued certificate, it writes the score owed to each line
// item that activity is linked to, then posts each one not yet answered. An accepted or refused
// score is never posted again; a failure throws, so the outbox delivery is retried with its backoff
// (and a repeat posts the same body and timestamp, which the platform keeps as one score).
import type { Db } from '@/db/client';
import type { StoredEvent } from '@/db/queries/events';
import { failGradePost, finishGradePost, gradeTargets, pendingGradePosts, queueGradePosts } from '@/db/queries/lti-grades';
import { agsScoreScope, gradeOf, scoreRefused, scoresUrl } from '@/lib/domain/lti-activity';
import { accessToken, describeAnswer, forgetTokens } from './token';

type Pending = Awaited<ReturnType<typeof pendingGradePosts>>[number];

async function postScore(post: Pending, now: Date, retried = false): Promise<Response> {
  const token = await accessToken(post.platform, [agsScoreScope], now);
  const res = await fetch(scoresUrl(post.lineItemUrl), {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/vnd.ims.lis.v1.score+json' },
    body: JSON.stringify(post.score),
    signal: AbortSignal.timeout(10_000),
  });
  // A token the platform stopped honouring before its stated expiry: ask for a new one, once.
  if (res.status === 401 && !retried) {
    forgetTokens(post.platform.id);
    return postScore(post, now, true);
  }
  return res;
}

/** The `grades` handler: scores this event owes to LMS gradebooks, posted. Throws when any must be retried. */
export async function postGrades(db: Db, event: StoredEvent, now: Date): Promise<void> {
  const grade = gradeOf(event.kind, event.payload, event.occurredAt);
  if (!grade || !event.userId) return;
  const targets = await gradeTargets(db, event.userId, grade.activity);
  await queueGradePosts(
    db,
    targets.flatMap((t) => (t.lineItemUrl ? [{ eventId: event.id, resourceLinkId: t.resourceLinkId, userId: event.userId!, lineItemUrl: t.lineItemUrl, score: { ...grade.score, userId: t.sub } }] : [])),
    now,
  );
  const failures: string[] = [];
  for (const post of await pendingGradePosts(db, event.id)) {
    let res: Response;
    try {
      res = await postScore(post, now);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await failGradePost(db, event.id, post.resourceLinkId, message);
      failures.push(message);
      continue;
    }
    if (res.ok) await finishGradePost(db, event.id, post.resourceLinkId, 'sent', null, now);
    else if (scoreRefused(res.status)) await finishGradePost(db, event.id, post.resourceLinkId, 'refused', await describeAnswer(res), now);
    else {
      const reason = await describeAnswer(res);
      await failGradePost(db, event.id, post.resourceLinkId, reason);
      failures.push(reason);
    }
  }
  if (failures.length > 0) throw new Error(`grade passback: ${failures.length} score(s) not accepted yet (${failures[0]})`);
}
