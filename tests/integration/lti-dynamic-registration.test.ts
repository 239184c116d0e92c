import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, test } from 'vitest';
import { listPlatforms } from '@/db/queries/lti-platforms';
import { approvePlatform, rejectPlatform } from '@/db/queries/lti-registration';
import { auditLog, ltiPlatforms } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { ltiJwks } from '@/lib/lti/keys';
import { redeemSignInTicket, startLogin } from '@/lib/services/lti';
import { completeRegistration, newRegistrationLink, previewRegistration } from '@/lib/services/lti-registration';
import { suiteDatabase, testDatabases } from '../support/databases';
import { staffAt } from '../support/institutions';
import { launch, lessonPath, person, site } from '../support/lti-fixture';
import { type Platform, type Profile, roles, startPlatform } from '../support/lti-platform';

const tool = { publicUrl: site.publicUrl, clientName: 'TeleHealth Ready', allowLoopbackHttp: true };
let n = 0;

describe.each(testDatabases)('LTI Dynamic Registration on $name', ({ open }) => {
  const h = suiteDatabase(open);
  const sims: Platform[] = [];
  afterAll(() => Promise.all(sims.map((s) => s.close())));

  /** An institution with its admin, a registration link it made, and a simulated LMS that opens it. */
  async function setup(profile: Profile = 'moodle') {
    const admin = await person(h.db, 'instructor');
    const institutionName = `DynReg College ${++n} ${Date.now()}`;
    const institutionId = await staffAt(h.db, institutionName, admin.id, 'admin');
    const sim = await startPlatform({ profile, clientId: `dyn-${profile}-${n}`, deploymentId: 'dep-1', toolLaunchUrl: `${site.publicUrl}/api/lti/launch`, targetLinkUri: `${site.publicUrl}${lessonPath}`, toolKeys: { jwks: ltiJwks }, ownIssuer: true });
    sims.push(sim);
    const link = await newRegistrationLink(h.db, admin, institutionId, 'readiness-students');
    const token = link.path.split('/').pop()!;
    /** The query the LMS opens the registration URL with (a fresh registration token each time). */
    const opened = () => Object.fromEntries(new URL(sim.dynamicRegistration.start(`${site.publicUrl}${link.path}`)).searchParams);
    return { admin, institutionId, institutionName, sim, token, opened };
  }

  const platformsOf = (institutionId: string) => h.db.select().from(ltiPlatforms).where(eq(ltiPlatforms.institutionId, institutionId));

  test('a Moodle-like registration ends pending with what the LMS declared; its launches are refused until an admin approves it', async () => {
    const { admin, institutionId, sim, token, opened } = await setup('moodle');
    const preview = await previewRegistration(h.db, token, opened(), tool);
    expect(preview.config).toMatchObject({ issuer: sim.issuer, productFamilyCode: 'moodle', messages: ['LtiResourceLinkRequest', 'LtiDeepLinkingRequest'] });
    expect(await platformsOf(institutionId)).toHaveLength(0);

    const done = await completeRegistration(h.db, token, opened(), tool);
    expect(done).toMatchObject({ institutionId, issuer: sim.issuer, clientId: sim.registration.clientId });
    const sent = sim.dynamicRegistration.registered[0]!;
    expect(sent).toMatchObject({ application_type: 'web', initiate_login_uri: `${site.publicUrl}/api/lti/login`, jwks_uri: `${site.publicUrl}/api/lti/jwks`, token_endpoint_auth_method: 'private_key_jwt' });
    expect(String(sent.scope)).toContain('https://purl.imsglobal.org/spec/lti-ags/scope/score');
    const [row] = await platformsOf(institutionId);
    expect(row).toMatchObject({ status: 'pending', issuer: sim.issuer, deploymentIds: ['dep-1'], authLoginUrl: `${sim.base}/auth`, tokenUrl: `${sim.base}/token`, jwksUrl: `${sim.base}/jwks`, programmeId: 'readiness-students', createdBy: admin.id });
    expect(row!.declared).toMatchObject({ productFamilyCode: 'moodle', version: '4.1' });
    expect(row!.declared!.scopes).toContain('https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly');

    sim.enrol({ sub: 'dyn-learner-1', name: 'Amina', email: `amina.${Date.now()}@student.example`, roles: [roles.learner] });
    await expect(startLogin(h.db, sim.loginParams('dyn-learner-1'), site)).rejects.toMatchObject({ code: 'forbidden', detail: 'lti login: platform pending approval' });

    expect(await approvePlatform(h.db, admin, institutionId, row!.id, ['dep-1'])).toBe(true);
    expect(await approvePlatform(h.db, admin, institutionId, row!.id, ['dep-1'])).toBe(false);
    const outcome = await launch(h.db, sim, 'dyn-learner-1');
    expect(outcome).toMatchObject({ kind: 'sign-in', landing: lessonPath });
    if (outcome.kind === 'sign-in') expect(await redeemSignInTicket(h.db, outcome.ticket)).toEqual(expect.any(String));
    const audit = await h.db.select().from(auditLog).where(eq(auditLog.subjectId, institutionId));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['lti.registration_link.created', 'lti.platform.registered', 'lti.platform.approved']));
  });

  test('a Canvas-like registration sends the registration token for the configuration too; without a deployment id the admin enters it on approval', async () => {
    const { admin, institutionId, sim, token, opened } = await setup('canvas');
    await completeRegistration(h.db, token, opened(), tool);
    const [row] = await platformsOf(institutionId);
    expect(row).toMatchObject({ status: 'pending', deploymentIds: [] });
    expect(row!.declared).toMatchObject({ productFamilyCode: 'canvas' });
    expect(await approvePlatform(h.db, admin, institutionId, row!.id, ['dep-1'])).toBe(true);
    sim.enrol({ sub: 'canvas-dyn-1', roles: [roles.learner] });
    expect((await launch(h.db, sim, 'canvas-dyn-1')).kind).toBe('sign-in');
  });

  test('a registration link is used once; a refused registration stores nothing and leaves the link usable', async () => {
    const { institutionId, sim, token, opened } = await setup('moodle');
    const first = opened();
    // The LMS's registration token is single-use too: a replay of it is refused by the LMS.
    await completeRegistration(h.db, token, first, tool);
    await expect(completeRegistration(h.db, token, opened(), tool)).rejects.toMatchObject({ code: 'not_found' });
    expect(await platformsOf(institutionId)).toHaveLength(1);

    const again = await setup('moodle');
    const used = again.opened();
    await completeRegistration(h.db, again.token, { ...used, registration_token: first.registration_token }, tool).catch((e: unknown) => e);
    expect(again.sim.dynamicRegistration.refusals).toEqual(['registration token missing, unknown or used']);
    expect(await platformsOf(again.institutionId)).toHaveLength(0);
    await completeRegistration(h.db, again.token, used, tool);
    expect(await platformsOf(again.institutionId)).toHaveLength(1);
    expect(sim.dynamicRegistration.registered).toHaveLength(1);
  });

  test.each([
    ['an issuer on another host', { issuer: 'https://moodle.elsewhere.example' }, 'names an issuer (https://moodle.elsewhere.example) on another host'],
    ['no registration endpoint', { registration_endpoint: undefined }, 'registration_endpoint'],
    ['no platform configuration claim', { 'https://purl.imsglobal.org/spec/lti-platform-configuration': undefined }, 'lti-platform-configuration'],
    ['no private_key_jwt', { token_endpoint_auth_methods_supported: ['client_secret_basic'] }, 'private_key_jwt'],
    ['a keyset on a private network', { jwks_uri: 'https://10.0.0.5/jwks' }, 'keyset address is on this server or a private network'],
  ])('a configuration with %s is refused with a clear message, and nothing is registered or stored', async (_label, change, message) => {
    const { institutionId, sim, token, opened } = await setup('moodle');
    sim.dynamicRegistration.setConfiguration(change);
    const error = await completeRegistration(h.db, token, opened(), tool).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error instanceof AppError && error.code === 'bad_request' ? error.userMessage : '').toContain(message);
    expect(sim.dynamicRegistration.registered).toHaveLength(0);
    expect(await platformsOf(institutionId)).toHaveLength(0);
  });

  test('plain http to this machine only where loopback is allowed (never in production)', async () => {
    const { institutionId, sim, token, opened } = await setup('moodle');
    await expect(completeRegistration(h.db, token, opened(), { ...tool, allowLoopbackHttp: false })).rejects.toMatchObject({ code: 'bad_request' });
    expect(sim.dynamicRegistration.registered).toHaveLength(0);
    expect(await platformsOf(institutionId)).toHaveLength(0);
  });

  test('only the institution’s own admins approve or reject a pending platform', async () => {
    const { admin, institutionId, institutionName, token, opened } = await setup('moodle');
    await completeRegistration(h.db, token, opened(), tool);
    const [row] = await platformsOf(institutionId);
    const otherAdmin = await person(h.db, 'instructor');
    const otherInstitution = await staffAt(h.db, `Elsewhere ${Date.now()}`, otherAdmin.id, 'admin');
    await expect(approvePlatform(h.db, otherAdmin, institutionId, row!.id, ['dep-1'])).rejects.toMatchObject({ code: 'not_found' });
    expect(await approvePlatform(h.db, otherAdmin, otherInstitution, row!.id, ['dep-1'])).toBe(false);
    const viewer = await person(h.db, 'instructor');
    await staffAt(h.db, institutionName, viewer.id, 'instructor');
    await expect(rejectPlatform(h.db, viewer, institutionId, row!.id)).rejects.toMatchObject({ code: expect.stringMatching(/not_found|forbidden/) });
    expect((await platformsOf(institutionId))[0]!.status).toBe('pending');
    expect((await listPlatforms(h.db, admin, institutionId)).map((p) => p.status)).toEqual(['pending']);
    expect(await rejectPlatform(h.db, admin, institutionId, row!.id)).toBe(true);
    expect(await platformsOf(institutionId)).toHaveLength(0);
  });
});
