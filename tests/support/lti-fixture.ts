// A registered simulated platform on a test database, and a launch driven as a browser would.
import { count } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { registerPlatform } from '@/db/queries/lti-platforms';
import { createUser } from '@/db/queries/users';
import { type Role, ltiTickets, sessions, users } from '@/db/schema';
import { ltiJwks } from '@/lib/lti/keys';
import { completeLaunch, startLogin } from '@/lib/services/lti';
import { staffAt } from './institutions';
import { type Profile, followAuthRedirect, startPlatform } from './lti-platform';

export const site = { publicUrl: 'http://localhost:3000' };
export const lessonPath = '/modules/01-foundations/01-what-is-telemedicine';

let n = 0;

/** A new account with this platform role. */
export async function person(db: Db, role: Role = 'learner', email?: string) {
  const i = ++n;
  const created = await createUser(db, { name: `Person ${i}`, email: email ?? `person.${i}.${Date.now()}@college.example`, passwordHash: 'x', profession: 'student', role });
  return { ...created!, role };
}

/** A platform simulator registered by the admin of a new institution. */
export async function registeredPlatform(db: Db, profile: Profile, clientId = `client-${++n}`) {
  const admin = await person(db, 'instructor');
  const institutionName = `LTI College ${++n} ${Date.now()}`;
  const institutionId = await staffAt(db, institutionName, admin.id, 'admin');
  const sim = await startPlatform({ profile, clientId, deploymentId: 'dep-1', toolLaunchUrl: `${site.publicUrl}/api/lti/launch`, targetLinkUri: `${site.publicUrl}${lessonPath}`, toolKeys: { jwks: ltiJwks } });
  const { id } = await registerPlatform(db, admin, institutionId, { ...sim.registration, name: `${profile} sim`, programmeId: 'readiness-students' });
  return { sim, admin, institutionId, institutionName, platformId: id };
}

/** Starts a launch for this LMS user and returns what the platform's page would post back. */
export async function loginAndAuthorize(db: Db, sim: Awaited<ReturnType<typeof startPlatform>>, sub: string, link?: string) {
  return followAuthRedirect(await startLogin(db, sim.loginParams(sub, link), site));
}

/** The whole launch: login initiation, the platform's answer, the tool's verification. */
export async function launch(db: Db, sim: Awaited<ReturnType<typeof startPlatform>>, sub: string, link?: string) {
  const form = await loginAndAuthorize(db, sim, sub, link);
  return completeLaunch(db, { idToken: form.idToken, state: form.state }, site);
}

/** How many accounts, sessions and launch tickets exist (a refused launch adds none). */
export async function footprint(db: Db) {
  const [[u], [s], [t]] = await Promise.all([db.select({ n: count() }).from(users), db.select({ n: count() }).from(sessions), db.select({ n: count() }).from(ltiTickets)]);
  return { users: u!.n, sessions: s!.n, tickets: t!.n };
}
