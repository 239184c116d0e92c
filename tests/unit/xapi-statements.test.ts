import validate from '@learninglocker/xapi-validation';
import { describe, expect, test } from 'vitest';
import { endpointProblem, statementsUrl } from '@/lib/domain/xapi/endpoint';
import { statementId, uuidV5 } from '@/lib/domain/xapi/ids';
import { type StatementEvent, buildStatement, scoreOf } from '@/lib/domain/xapi/statements';
import { lrsSchema } from '@/lib/validation/lrs';

const site = { publicUrl: 'https://learn.example.org', platform: 'TeleHealth Ready' };
const learner = { id: '5f0c6a43-8a31-4c1b-9b6e-2f4b1f0b9c11', email: 'Amina@Example.org' };
const lrs = { id: '0d2f4b8e-6c1a-4e3b-8f7d-9a1b2c3d4e5f', sendEmail: false };
const at = new Date('2026-03-01T09:30:00Z');

const events: StatementEvent[] = [
  { id: 'lesson.completed:41', kind: 'lesson.completed', payload: { moduleSlug: 'consent', lessonSlug: 'recording' }, occurredAt: at },
  { id: 'quiz.graded:a1', kind: 'quiz.graded', payload: { quizId: 'triage', attemptId: 'a1', score: 85, passed: true, closedBy: 'learner' }, occurredAt: at },
  { id: 'consult.finished:c1', kind: 'consult.finished', payload: { caseId: 'chest-pain', attemptId: 'c1', score: 40, passed: false }, occurredAt: at },
];

describe('statement ids', () => {
  test('uuidV5 matches the RFC test vector (www.example.com in the DNS namespace)', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });
  test('the same event and LRS always give the same id; another LRS or event another one', () => {
    const id = statementId('quiz.graded:a1', lrs.id);
    expect(statementId('quiz.graded:a1', lrs.id)).toBe(id);
    expect(statementId('quiz.graded:a1', learner.id)).not.toBe(id);
    expect(statementId('quiz.graded:a2', lrs.id)).not.toBe(id);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('building statements', () => {
  test.each(events)('$kind is a valid xAPI 1.0.3 statement, built the same each time', (event) => {
    const statement = buildStatement(event, learner, lrs, site);
    expect(validate(statement)).toEqual([]);
    expect(buildStatement(event, learner, lrs, site)).toEqual(statement);
    expect(statement.timestamp).toBe('2026-03-01T09:30:00.000Z');
  });

  test('the learner is an account (the site and an opaque id), never their e-mail, by default', () => {
    const statement = buildStatement(events[0]!, learner, lrs, site);
    expect(statement.actor).toEqual({ objectType: 'Agent', account: { homePage: site.publicUrl, name: learner.id } });
    expect(JSON.stringify(statement)).not.toContain('Example.org');
  });

  test('an institution that opted in gets the e-mail as mbox; a learner without one stays an account', () => {
    expect(buildStatement(events[0]!, learner, { ...lrs, sendEmail: true }, site).actor).toEqual({ objectType: 'Agent', mbox: 'mailto:amina@example.org' });
    expect(buildStatement(events[0]!, { ...learner, email: null }, { ...lrs, sendEmail: true }, site).actor).toHaveProperty('account');
  });

  test('a completed lesson: ADL completed, the lesson in its module', () => {
    const s = buildStatement(events[0]!, learner, lrs, site);
    expect(s.verb.id).toBe('http://adlnet.gov/expapi/verbs/completed');
    expect(s.object).toMatchObject({ id: 'https://learn.example.org/modules/consent/recording', definition: { type: 'http://adlnet.gov/expapi/activities/lesson' } });
    expect(s.context.contextActivities?.parent?.[0]?.id).toBe('https://learn.example.org/modules/consent');
    expect(s.result).toEqual({ completion: true });
  });

  test('a graded quiz: passed with its score scaled, raw, min and max', () => {
    const s = buildStatement(events[1]!, learner, lrs, site);
    expect(s.verb.id).toBe('http://adlnet.gov/expapi/verbs/passed');
    expect(s.result).toEqual({ score: { scaled: 0.85, raw: 85, min: 0, max: 100 }, success: true, completion: true });
  });

  test('a finished consult: failed, on a simulation, under the Virtual Patient profile', () => {
    const s = buildStatement(events[2]!, learner, lrs, site);
    expect(s.verb.id).toBe('http://adlnet.gov/expapi/verbs/failed');
    expect(s.object.definition.type).toBe('http://adlnet.gov/expapi/activities/simulation');
    expect(s.result).toEqual({ score: { scaled: 0.4, raw: 40, min: 0, max: 100 }, success: false, completion: true });
    expect(s.context.contextActivities?.category?.[0]?.id).toBe('https://w3id.org/xapi/virtual-patient/v1.0');
  });

  test.each([
    { percent: 0, scaled: 0 },
    { percent: 100, scaled: 1 },
    { percent: 66.7, scaled: 0.667 },
    { percent: 120, scaled: 1 },
  ])('score $percent% is scaled $scaled (kept within 0–100)', ({ percent, scaled }) => {
    expect(scoreOf(percent).scaled).toBe(scaled);
  });
});

describe('LRS endpoints', () => {
  test.each([
    { url: 'https://lrs.example.org/xapi', loopback: false, ok: true },
    { url: 'http://lrs.example.org/xapi', loopback: true, ok: false },
    { url: 'http://127.0.0.1:8080/xapi', loopback: true, ok: true },
    { url: 'http://127.0.0.1:8080/xapi', loopback: false, ok: false },
    { url: 'https://key:secret@lrs.example.org/xapi', loopback: false, ok: false },
    { url: 'https://lrs.example.org/xapi?x=1', loopback: false, ok: false },
    { url: 'not a url', loopback: true, ok: false },
    // In production the server never calls its own machine or a private network (SSRF).
    { url: 'https://localhost/xapi', loopback: false, ok: false },
    { url: 'https://10.0.0.5/xapi', loopback: false, ok: false },
    { url: 'https://192.168.1.10/xapi', loopback: false, ok: false },
    { url: 'https://169.254.169.254/latest', loopback: false, ok: false },
    { url: 'https://[::1]/xapi', loopback: false, ok: false },
    { url: 'https://[fd00::1]/xapi', loopback: false, ok: false },
    { url: 'https://metadata.internal/xapi', loopback: false, ok: false },
    { url: 'https://172.32.0.1/xapi', loopback: false, ok: true },
  ])('$url (loopback http allowed: $loopback) is accepted: $ok', ({ url, loopback, ok }) => {
    expect(endpointProblem(url, loopback) === null).toBe(ok);
  });
  test('statements live under the endpoint, with or without its trailing slash', () => {
    expect(statementsUrl('https://lrs.example.org/xapi/')).toBe('https://lrs.example.org/xapi/statements');
  });
});

describe('the LRS form', () => {
  const base = { institutionId: '0d2f4b8e-6c1a-4e3b-8f7d-9a1b2c3d4e5f', endpoint: 'https://lrs.example.org/xapi/', authKey: ' key ', secret: '' };
  test('an empty secret keeps the stored one; checkboxes are on only when sent', () => {
    expect(lrsSchema(false).parse({ ...base, enabled: 'on' })).toEqual({ ...base, endpoint: 'https://lrs.example.org/xapi', authKey: 'key', secret: null, sendEmail: false, enabled: true });
  });
  test('plain http to this machine only where a test LRS is allowed', () => {
    expect(lrsSchema(false).safeParse({ ...base, endpoint: 'http://127.0.0.1:9/xapi' }).success).toBe(false);
    expect(lrsSchema(true).safeParse({ ...base, endpoint: 'http://127.0.0.1:9/xapi' }).success).toBe(true);
  });
});
