// Learning events as xAPI 1.0.3 statements: pure, so the same event and LRS always give the same
// statement (its id and its body), whenever and however often it is built.
import { type EventKind, eventPayloads } from '../events';
import { statementId } from './ids';
import { activityTypes, verbs, virtualPatientProfile } from './vocabulary';

/** The kinds of learning event that become statements. */
export const statementKinds = ['lesson.completed', 'quiz.graded', 'consult.finished'] as const satisfies readonly EventKind[];
export type StatementKind = (typeof statementKinds)[number];

export function isStatementKind(kind: string): kind is StatementKind {
  return statementKinds.some((k) => k === kind);
}

export type StatementEvent = { id: string; kind: StatementKind; payload: unknown; occurredAt: Date };
export type StatementLearner = { id: string; email: string | null };
export type StatementSite = { publicUrl: string; platform: string };
export type StatementLrs = { id: string; sendEmail: boolean };

type LanguageMap = { 'en-US': string };
type Activity = { objectType: 'Activity'; id: string; definition: { type: string; name?: LanguageMap } };

export type Agent = { objectType: 'Agent'; account: { homePage: string; name: string } } | { objectType: 'Agent'; mbox: string };

export type Statement = {
  id: string;
  actor: Agent;
  verb: { id: string; display: LanguageMap };
  object: Activity;
  result?: { score?: { scaled: number; raw: number; min: number; max: number }; success?: boolean; completion: boolean };
  context: { platform: string; language: string; contextActivities?: { parent?: Activity[]; category?: Activity[] } };
  timestamp: string;
};

/**
 * The learner as the LRS sees them: an account on this site (its address and the learner's opaque
 * id), or their e-mail only when the institution opted in and the learner has one.
 */
export function agentFor(learner: StatementLearner, lrs: StatementLrs, site: StatementSite): Agent {
  if (lrs.sendEmail && learner.email) return { objectType: 'Agent', mbox: `mailto:${learner.email.toLowerCase()}` };
  return { objectType: 'Agent', account: { homePage: site.publicUrl, name: learner.id } };
}

function activity(id: string, type: string): Activity {
  return { objectType: 'Activity', id, definition: { type } };
}

/** A percentage (0–100, as the platform grades) as an xAPI score. */
export function scoreOf(percent: number): { scaled: number; raw: number; min: number; max: number } {
  const raw = Math.min(100, Math.max(0, percent));
  return { scaled: Math.round(raw * 100) / 10_000, raw, min: 0, max: 100 };
}

/** The statement that reports `event` to `lrs`. */
export function buildStatement(event: StatementEvent, learner: StatementLearner, lrs: StatementLrs, site: StatementSite): Statement {
  const base = { id: statementId(event.id, lrs.id), actor: agentFor(learner, lrs, site), timestamp: event.occurredAt.toISOString() };
  const context = { platform: site.platform, language: 'en' };
  const at = (path: string) => `${site.publicUrl}${path}`;
  switch (event.kind) {
    case 'lesson.completed': {
      const p = eventPayloads['lesson.completed'].parse(event.payload);
      const parent = activity(at(`/modules/${encodeURIComponent(p.moduleSlug)}`), activityTypes.module);
      return {
        ...base,
        verb: verbs.completed,
        object: activity(at(`/modules/${encodeURIComponent(p.moduleSlug)}/${encodeURIComponent(p.lessonSlug)}`), activityTypes.lesson),
        result: { completion: true },
        context: { ...context, contextActivities: { parent: [parent] } },
      };
    }
    case 'quiz.graded': {
      const p = eventPayloads['quiz.graded'].parse(event.payload);
      return {
        ...base,
        verb: p.passed ? verbs.passed : verbs.failed,
        object: activity(at(`/quizzes/${encodeURIComponent(p.quizId)}`), activityTypes.assessment),
        result: { score: scoreOf(p.score), success: p.passed, completion: true },
        context,
      };
    }
    case 'consult.finished': {
      const p = eventPayloads['consult.finished'].parse(event.payload);
      return {
        ...base,
        verb: p.passed ? verbs.passed : verbs.failed,
        object: activity(at(`/consults/${encodeURIComponent(p.caseId)}`), activityTypes.simulation),
        result: { score: scoreOf(p.score), success: p.passed, completion: true },
        context: { ...context, contextActivities: { category: [activity(virtualPatientProfile, activityTypes.profile)] } },
      };
    }
    default: {
      const never: never = event.kind;
      throw new Error(`no statement for ${String(never)}`);
    }
  }
}
