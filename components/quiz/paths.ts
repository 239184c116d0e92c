/** URLs of the quiz pages, in one place so links, redirects and tests agree. */
export type AttemptView = 'one' | 'all';

export function quizPath(quizId: string): string {
  return `/quizzes/${quizId}`;
}

/** The attempt page: one question (`q`, from 1) or all on one page; `confirm` shows the submit step. */
export function attemptPath(quizId: string, attemptId: string, at: { view?: AttemptView; q?: number; confirm?: boolean } = {}): string {
  const params = new URLSearchParams();
  if (at.view === 'all') params.set('view', 'all');
  else if (at.q !== undefined && at.q > 1) params.set('q', String(at.q));
  if (at.confirm) params.set('confirm', '1');
  const query = params.toString();
  return `/quizzes/${quizId}/attempts/${attemptId}${query ? `?${query}` : ''}`;
}

export function resultPath(quizId: string, attemptId: string): string {
  return `/quizzes/${quizId}/attempts/${attemptId}/result`;
}

export function statisticsPath(quizId: string): string {
  return `/quizzes/${quizId}/statistics`;
}

/** The bank as Moodle XML, for staff (a route handler beside the statistics page). */
export function moodleExportPath(quizId: string): string {
  return `/quizzes/${quizId}/statistics/moodle.xml`;
}
