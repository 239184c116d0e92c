// What an LTI resource link points at here, and the score a learning event posts to its line item
// (1EdTech Assignment and Grade Services 2.0, §3.4 the score publish service). Pure: no I/O.
import { type EventKind, eventPayloads } from './events';

/** The kinds of item a course activity can point at; the first three are graded. */
export type ActivityKind = 'quiz' | 'consult' | 'programme' | 'module';

/** `quiz:<id>`, `consult:<id>`, `programme:<id>`, `module:<slug>`, or `page` for any other landing. */
export type Activity = `${ActivityKind}:${string}` | 'page';

/** The landing path of each kind of item (deep linking builds its links with these). */
export function activityPath(kind: ActivityKind, id: string): string {
  const slug = encodeURIComponent(id);
  switch (kind) {
    case 'quiz':
      return `/quizzes/${slug}`;
    case 'consult':
      return `/consults/${slug}`;
    case 'module':
      return `/modules/${slug}`;
    case 'programme':
      return `/certificates?programme=${slug}`;
    default: {
      const never: never = kind;
      return never;
    }
  }
}

/** The item a landing path (from a launch's target link) names; `page` for anything else. */
export function activityOf(landing: string): Activity {
  const url = new URL(landing, 'http://x');
  const [first, second] = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
  if (first === 'quizzes' && second) return `quiz:${second}`;
  if (first === 'consults' && second) return `consult:${second}`;
  if (first === 'modules' && second) return `module:${second}`;
  const programme = url.searchParams.get('programme');
  if (first === 'certificates' && programme) return `programme:${programme}`;
  return 'page';
}

/** The AGS score object (without `userId`, which the caller adds: the learner's LMS `sub`). */
export type Score = {
  scoreGiven: number;
  scoreMaximum: number;
  activityProgress: 'Completed';
  gradingProgress: 'FullyGraded';
  timestamp: string;
  comment?: string;
};

/** Every score is out of 100: quizzes and consults are graded in percent; an issued certificate is 100. */
export const scoreMaximum = 100;

/** The graded activity an event is about, and its score; null for an event that posts no grade. */
export function gradeOf(kind: EventKind | string, payload: unknown, occurredAt: Date): { activity: Activity; score: Score } | null {
  const base = { scoreMaximum, activityProgress: 'Completed', gradingProgress: 'FullyGraded', timestamp: occurredAt.toISOString() } as const;
  const clamp = (n: number) => Math.min(scoreMaximum, Math.max(0, Math.round(n * 10) / 10));
  switch (kind) {
    case 'quiz.graded': {
      const p = eventPayloads['quiz.graded'].parse(payload);
      return { activity: `quiz:${p.quizId}`, score: { ...base, scoreGiven: clamp(p.score), comment: p.passed ? 'Passed' : 'Not passed' } };
    }
    case 'consult.finished': {
      const p = eventPayloads['consult.finished'].parse(payload);
      return { activity: `consult:${p.caseId}`, score: { ...base, scoreGiven: clamp(p.score), comment: p.passed ? 'Passed' : 'Not passed' } };
    }
    case 'certificate.issued': {
      const p = eventPayloads['certificate.issued'].parse(payload);
      return { activity: `programme:${p.programmeId}`, score: { ...base, scoreGiven: scoreMaximum, comment: `Certificate ${p.code}` } };
    }
    default:
      return null;
  }
}

/** The line item's scores URL: `/scores` appended to its path, keeping its query (Moodle's line item URLs carry one). */
export function scoresUrl(lineItemUrl: string): string {
  const url = new URL(lineItemUrl);
  url.pathname = `${url.pathname.replace(/\/$/, '')}/scores`;
  return url.toString();
}

/** Whether a platform's answer to a score means "never, for this learner" (not gradable, unknown) rather than "try later". */
export function scoreRefused(status: number): boolean {
  return status >= 400 && status < 500 && status !== 401 && status !== 408 && status !== 429;
}

/** The AGS scope that lets the tool post scores (granted per launch in the endpoint claim). */
export const agsScoreScope = 'https://purl.imsglobal.org/spec/lti-ags/scope/score';
