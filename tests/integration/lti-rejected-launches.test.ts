import { createHmac, createPublicKey } from 'node:crypto';
import { generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { AppError } from '@/lib/errors';
import { errorResponse } from '@/lib/http/respond';
import { completeLaunch } from '@/lib/services/lti';
import { suiteDatabase, testDatabases } from '../support/databases';
import { footprint, loginAndAuthorize, registeredPlatform, site } from '../support/lti-fixture';
import { type Platform, roles } from '../support/lti-platform';

const claim = (name: string) => `https://purl.imsglobal.org/spec/lti/claim/${name}`;
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

type Prepared = { idToken: string; state: string };
type Case = [string, string, (sim: Platform, go: () => Promise<Prepared>) => Promise<Prepared>];

const withClaims = (claims: Record<string, unknown>) => async (sim: Platform, go: () => Promise<Prepared>) => {
  sim.tamper({ claims });
  return go();
};

const cases: Case[] = [
  ['a bad signature (another key under the platform’s kid)', 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED', async (sim, go) => {
    const other = await generateKeyPair('RS256');
    sim.tamper({ sign: (p) => sim.sign(p, other.privateKey, { alg: 'RS256', kid: String(sim.publicJwk.kid) }) });
    return go();
  }],
  ['an unknown key id', 'ERR_JWKS_NO_MATCHING_KEY', async (sim, go) => {
    const other = await generateKeyPair('RS256');
    sim.tamper({ sign: (p) => sim.sign(p, other.privateKey, { alg: 'RS256', kid: 'not-a-key-of-the-platform' }) });
    return go();
  }],
  ['alg: none', 'ERR_JOSE_ALG_NOT_ALLOWED', async (sim, go) => {
    sim.tamper({ sign: async (p) => `${b64({ alg: 'none', typ: 'JWT' })}.${b64(p)}.` });
    return go();
  }],
  ['an HMAC token keyed with the platform’s public key', 'ERR_JOSE_ALG_NOT_ALLOWED', async (sim, go) => {
    const pem = createPublicKey({ key: sim.publicJwk, format: 'jwk' }).export({ type: 'spki', format: 'pem' }).toString();
    sim.tamper({
      sign: async (p) => {
        const input = `${b64({ alg: 'HS256', typ: 'JWT', kid: sim.publicJwk.kid })}.${b64(p)}`;
        return `${input}.${createHmac('sha256', pem).update(input).digest('base64url')}`;
      },
    });
    return go();
  }],
  ['the wrong audience', 'audience', withClaims({ aud: 'another-tool' })],
  ['several audiences and no azp', 'audience', withClaims({ aud: ['another-tool', 'client-x'], azp: undefined })],
  ['an expired token', 'ERR_JWT_EXPIRED', withClaims({ iat: Math.floor(Date.now() / 1000) - 900, exp: Math.floor(Date.now() / 1000) - 600 })],
  ['a replayed nonce (an earlier token under a fresh state)', 'nonce', async (_sim, go) => {
    const first = await go();
    const second = await go();
    return { idToken: first.idToken, state: second.state };
  }],
  ['a state that was never issued', 'unknown or used state', async (_sim, go) => ({ ...(await go()), state: 'forged-state-0123456789abcdef' })],
  ['an unknown deployment', 'deployment', withClaims({ [claim('deployment_id')]: 'dep-unregistered' })],
  ['a target link on another host', 'target link on another host', withClaims({ [claim('target_link_uri')]: 'https://evil.example/modules/x' })],
  ['no resource link id', 'resource_link.id', withClaims({ [claim('resource_link')]: { title: 'no id' } })],
  ['LTI version 1.1', 'version', withClaims({ [claim('version')]: '1.1' })],
  ['a message type the tool does not handle', 'message type', withClaims({ [claim('message_type')]: 'LtiSubmissionReviewRequest' })],
  ['a deep linking request without its settings', 'deep_linking_settings', withClaims({ [claim('message_type')]: 'LtiDeepLinkingRequest' })],
];

describe.each(testDatabases)('refused LTI launches on $name', ({ open }) => {
  const h = suiteDatabase(open);
  let fixture: Awaited<ReturnType<typeof registeredPlatform>>;
  beforeAll(async () => {
    fixture = await registeredPlatform(h.db, 'moodle');
    fixture.sim.enrol({ sub: 'student-1', name: 'Amina Khan', email: 'amina.lti@student.example', roles: [roles.learner] });
  });
  afterAll(() => fixture.sim.close());

  test.each(cases)('%s is a 4xx with a plain message and opens no session', async (_name, reason, prepare) => {
    const before = await footprint(h.db);
    const form = await prepare(fixture.sim, () => loginAndAuthorize(h.db, fixture.sim, 'student-1'));
    fixture.sim.tamper({});
    const error = await completeLaunch(h.db, form, site).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).detail).toContain(reason);
    const response = errorResponse(error, 'text');
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(response.headers.get('content-type')).toContain('text/plain');
    expect(await response.text()).not.toMatch(/eyJ|stack|Error/);
    expect(await footprint(h.db)).toEqual({ ...before, tickets: 0 });
  });

  test('a launch replayed as it was (same token, same state) is refused the second time', async () => {
    const form = await loginAndAuthorize(h.db, fixture.sim, 'student-1');
    expect((await completeLaunch(h.db, form, site)).kind).toBe('sign-in');
    const again = await completeLaunch(h.db, form, site).then(() => null, (e: unknown) => e);
    expect(again).toMatchObject({ code: 'bad_request' });
  });
});
