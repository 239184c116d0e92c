import { describe, expect, test } from 'vitest';
import { contentItem, deepLinkingResponseClaims, parsePick } from '@/lib/domain/lti-deep-linking';

const site = 'https://telehealth.example';

describe('a picked item', () => {
  test.each([
    ['quiz:consent-privacy', { kind: 'quiz', id: 'consent-privacy' }],
    ['consult:chest-pain-lagging-video', { kind: 'consult', id: 'chest-pain-lagging-video' }],
    ['programme:practice-doctors', { kind: 'programme', id: 'practice-doctors' }],
    ['module:foundations', { kind: 'module', id: 'foundations' }],
    ['lesson:foundations', null],
    ['quiz:', null],
    ['quiz:../../admin', null],
    ['javascript:alert(1)', null],
  ])('%s', (value, pick) => expect(parsePick(value)).toEqual(pick));
});

describe('the content item sent back', () => {
  test.each([
    ['a quiz, with a gradebook column', { kind: 'quiz', id: 'q1', title: 'Consent quiz' }, '/quizzes/q1', true],
    ['a consult, with a gradebook column', { kind: 'consult', id: 'c1', title: 'Chest pain' }, '/consults/c1', true],
    ['a programme, with a gradebook column', { kind: 'programme', id: 'p1', title: 'Practice' }, '/certificates?programme=p1', true],
    ['a module, without one', { kind: 'module', id: 'foundations', title: 'Foundations' }, '/modules/foundations', false],
  ] as const)('%s', (_name, pick, path, graded) => {
    const item = contentItem(pick, site);
    expect(item).toMatchObject({ type: 'ltiResourceLink', title: pick.title, url: `${site}${path}` });
    expect('lineItem' in item).toBe(graded);
    if (graded) expect(item).toMatchObject({ lineItem: { scoreMaximum: 100, label: pick.title, resourceId: `${pick.kind}:${pick.id}` } });
  });

  test('the response is issued by the client id to the platform, for its deployment, echoing its data (and none when it sent none)', () => {
    const pick = { kind: 'quiz', id: 'q1', title: 'Consent quiz' } as const;
    const claims = deepLinkingResponseClaims({ clientId: 'tool-1', issuer: 'https://lms.example', deploymentId: 'dep-1', data: 'opaque' }, pick, site, 'n-1');
    expect(claims).toMatchObject({ iss: 'tool-1', aud: 'https://lms.example', nonce: 'n-1', 'https://purl.imsglobal.org/spec/lti/claim/message_type': 'LtiDeepLinkingResponse', 'https://purl.imsglobal.org/spec/lti/claim/version': '1.3.0', 'https://purl.imsglobal.org/spec/lti/claim/deployment_id': 'dep-1', 'https://purl.imsglobal.org/spec/lti-dl/claim/data': 'opaque' });
    expect('https://purl.imsglobal.org/spec/lti-dl/claim/data' in deepLinkingResponseClaims({ clientId: 't', issuer: 'i', deploymentId: 'd', data: null }, pick, site, 'n')).toBe(false);
  });
});
