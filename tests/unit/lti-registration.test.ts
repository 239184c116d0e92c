import { describe, expect, test } from 'vitest';
import { issuerMatchesConfigurationUrl, outboundUrlProblem, requestedScopes, toolRegistration } from '@/lib/domain/lti-registration';
import { framingSchema } from '@/lib/validation/lti';

const id = '00000000-0000-4000-8000-000000000001';

describe('the addresses a dynamic registration may contact', () => {
  test.each([
    ['https on a public host', 'https://moodle.example.edu/mod/lti/openid-configuration.php', false, null],
    ['https with a query (Moodle, Canvas)', 'https://school.example.edu/api/lti/security/openid-configuration?x=1', false, null],
    ['plain http on a public host', 'http://moodle.example.edu/.well-known/openid-configuration', false, 'is not https'],
    ['plain http on a public host, even with loopback allowed', 'http://moodle.example.edu/', true, 'is not https'],
    ['loopback http without the development flag', 'http://127.0.0.1:4000/config', false, 'is not https'],
    ['loopback http with it', 'http://127.0.0.1:4000/config', true, null],
    ['localhost https without it', 'https://localhost/config', false, 'is on this server or a private network'],
    ['a private network', 'https://10.1.2.3/config', false, 'is on this server or a private network'],
    ['link-local (cloud metadata)', 'https://169.254.169.254/latest', true, 'is on this server or a private network'],
    ['credentials in the address', 'https://user:pw@moodle.example.edu/', false, 'carries credentials'],
    ['a fragment', 'https://moodle.example.edu/config#x', false, 'has a fragment'],
    ['not an address', 'moodle', false, 'is not an address'],
    ['another scheme', 'file:///etc/passwd', true, 'is not https'],
  ])('%s', (_label, url, loopback, problem) => {
    expect(outboundUrlProblem(url, loopback)).toBe(problem);
  });
});

describe('the issuer belongs to the configuration’s host', () => {
  test.each([
    ['same host', 'https://moodle.example.edu', 'https://moodle.example.edu/mod/lti/openid-configuration.php', true],
    ['same host, issuer with a path', 'https://lms.example.edu/moodle', 'https://lms.example.edu/moodle/mod/lti/openid-configuration.php', true],
    ['another host', 'https://canvas.instructure.com', 'https://school.instructure.com/api/lti/security/openid-configuration', false],
    ['another port', 'https://moodle.example.edu:8443', 'https://moodle.example.edu/config', false],
    ['another scheme', 'http://moodle.example.edu', 'https://moodle.example.edu/config', false],
    ['an issuer with a query', 'https://moodle.example.edu/?a=1', 'https://moodle.example.edu/config', false],
    ['not a URL', 'moodle', 'https://moodle.example.edu/config', false],
  ])('%s', (_label, issuer, configUrl, ok) => {
    expect(issuerMatchesConfigurationUrl(issuer, configUrl)).toBe(ok);
  });
});

test('the tool registers its login, launch and keyset URLs, both message types and the AGS and NRPS scopes', () => {
  const r = toolRegistration('https://telehealth.example.edu/', 'TeleHealth Ready');
  expect(r).toMatchObject({
    application_type: 'web',
    response_types: ['id_token'],
    grant_types: ['implicit', 'client_credentials'],
    initiate_login_uri: 'https://telehealth.example.edu/api/lti/login',
    redirect_uris: ['https://telehealth.example.edu/api/lti/launch'],
    jwks_uri: 'https://telehealth.example.edu/api/lti/jwks',
    token_endpoint_auth_method: 'private_key_jwt',
  });
  expect(r.scope.split(' ')).toEqual([...requestedScopes]);
  const config = r['https://purl.imsglobal.org/spec/lti-tool-configuration'];
  expect(config.domain).toBe('telehealth.example.edu');
  expect(config.target_link_uri).toBe('https://telehealth.example.edu/');
  expect(config.messages.map((m) => m.type)).toEqual(['LtiResourceLinkRequest', 'LtiDeepLinkingRequest']);
});

describe('the origins an admin lets frame a platform’s launches', () => {
  test.each([
    ['none (a new window)', '', []],
    ['one https origin', 'https://moodle.example.edu', ['https://moodle.example.edu']],
    ['a trailing slash is dropped', 'https://moodle.example.edu/', ['https://moodle.example.edu']],
    ['several, by comma or space', 'https://a.example.edu, https://b.example.edu:8443 https://c.example.edu', ['https://a.example.edu', 'https://b.example.edu:8443', 'https://c.example.edu']],
    ['loopback http (a local LMS)', 'http://127.0.0.1:4010', ['http://127.0.0.1:4010']],
  ])('%s is accepted', (_label, value, origins) => {
    expect(framingSchema.parse({ institutionId: id, platformId: id, frameOrigins: value }).frameOrigins).toEqual(origins);
  });

  test.each([
    ['a path', 'https://moodle.example.edu/course/view.php'],
    ['plain http elsewhere', 'http://moodle.example.edu'],
    ['a wildcard', 'https://*.example.edu'],
    ['a keyword', "'self'"],
    ['a CSP injection', 'https://a.example.edu; script-src *'],
    ['six origins', 'https://a.ex https://b.ex https://c.ex https://d.ex https://e.ex https://f.ex'],
  ])('%s is refused', (_label, value) => {
    expect(framingSchema.safeParse({ institutionId: id, platformId: id, frameOrigins: value }).success).toBe(false);
  });
});
