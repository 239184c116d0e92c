import { describe, expect, test } from 'vitest';
import { audienceAccepted, landingPath, lmsRoleOf } from '@/lib/domain/lti';
import { platformSchema } from '@/lib/validation/lti';

const lis = 'http://purl.imsglobal.org/vocab/lis/v2';

describe('lmsRoleOf', () => {
  test.each([
    ['a learner', [`${lis}/membership#Learner`], 'learner'],
    ['no roles at all', [], 'learner'],
    ['an instructor', [`${lis}/membership#Instructor`], 'instructor'],
    ['a teaching assistant (sub-role of Instructor)', [`${lis}/membership/Instructor#TeachingAssistant`], 'instructor'],
    ['a content developer', [`${lis}/membership#ContentDeveloper`], 'instructor'],
    ['the short LTI 1.1 name', ['Instructor'], 'instructor'],
    ['a learner who is faculty elsewhere in the institution (institution roles do not count)', [`${lis}/membership#Learner`, `${lis}/institution/person#Instructor`], 'learner'],
    ['a system administrator only', [`${lis}/system/person#Administrator`], 'learner'],
  ] as const)('%s', (_name, roles, expected) => {
    expect(lmsRoleOf(roles)).toBe(expected);
  });
});

describe('landingPath', () => {
  const site = 'https://telehealth.example.edu';
  test.each([
    ['a lesson on this site', `${site}/modules/a/b?x=1`, '/modules/a/b?x=1'],
    ['another host', 'https://evil.example/modules/a', null],
    ['the same host on another scheme', 'http://telehealth.example.edu/modules/a', null],
    ['a look-alike host', 'https://telehealth.example.edu.evil.example/', null],
    ['an API route lands on the home page', `${site}/api/lti/launch`, '/'],
    ['not a URL', 'javascript:alert(1)', null],
  ])('%s', (_name, target, expected) => {
    expect(landingPath(target, site)).toBe(expected);
  });
});

describe('audienceAccepted', () => {
  test.each([
    ['a string audience that is us', 'tool', undefined, true],
    ['a string audience that is not us', 'other', undefined, false],
    ['a one-element list', ['tool'], undefined, true],
    ['several audiences with azp = us', ['tool', 'other'], 'tool', true],
    ['several audiences and no azp', ['tool', 'other'], undefined, false],
    ['azp naming someone else', 'tool', 'other', false],
  ] as const)('%s', (_name, aud, azp, expected) => {
    expect(audienceAccepted(aud, azp, 'tool')).toBe(expected);
  });
});

describe('platformSchema', () => {
  const valid = {
    institutionId: '6f1c1a52-5b7e-4c1e-9a53-8f3d2f7a1b90',
    name: 'Moodle',
    issuer: 'https://moodle.example.edu',
    clientId: 'abc',
    deploymentIds: '1, 2\n2',
    authLoginUrl: 'https://moodle.example.edu/mod/lti/auth.php',
    tokenUrl: 'https://moodle.example.edu/mod/lti/token.php',
    jwksUrl: 'https://moodle.example.edu/mod/lti/certs.php',
    programmeId: 'readiness-students',
  };
  test('deployment ids are split on commas and new lines, without repeats', () => {
    expect(platformSchema.parse(valid).deploymentIds).toEqual(['1', '2']);
  });
  test('plain http is refused except for this machine', () => {
    expect(platformSchema.safeParse({ ...valid, jwksUrl: 'http://moodle.example.edu/certs.php' }).success).toBe(false);
    expect(platformSchema.safeParse({ ...valid, jwksUrl: 'http://127.0.0.1:8080/jwks' }).success).toBe(true);
    // A local Moodle's issuer is its bare address, with no path.
    expect(platformSchema.safeParse({ ...valid, issuer: 'http://127.0.0.1:8080' }).success).toBe(true);
    expect(platformSchema.safeParse({ ...valid, issuer: 'http://localhost.evil.example' }).success).toBe(false);
  });
});
