import 'server-only';
// LTI 1.3 launches, in order: the LMS starts a login (OIDC third-party-initiated), its browser
// comes back with a signed id_token, and the person ends up signed in through next-auth (with a
// single-use ticket the 'lti' provider redeems) or asked to link the LMS identity to their account.
import { randomBytes } from 'node:crypto';
import type { Db } from '@/db/client';
import { addMembers } from '@/db/queries/cohort-members';
import { attachCourseTeacher, cohortForContext, createLinkedLearner, isStaffAt, linkIdentity, linkedUser, saveLoginState, saveTicket, takeLoginState, takeTicket } from '@/db/queries/lti-launch';
import { pendingPlatform, platformById, platformForLogin } from '@/db/queries/lti-platforms';
import { recordLaunchServices } from '@/db/queries/lti-resource-links';
import { startDeepLinking } from './lti-advantage/deep-linking';
import { activityOf } from '@/lib/domain/lti-activity';
import { hashToken, newToken } from '@/lib/auth/tokens';
import { type LmsRole, landingPath, lmsRoleOf } from '@/lib/domain/lti';
import { AppError } from '@/lib/errors';
import { verifyLaunchToken } from '@/lib/lti/verify';
import { type LaunchClaims, loginInitiationSchema } from '@/lib/validation/lti';
import type { LtiPlatform } from '@/db/schema';

const stateMinutes = 10;
const signInTicketMinutes = 2;
const linkTicketMinutes = 15;
const minutes = (now: Date, n: number) => new Date(now.getTime() + n * 60_000);
const sha256 = hashToken;

/** Where the platform's login endpoint is sent back to: this site's launch URL. */
export const launchPath = '/api/lti/launch';

/** Step 1: the platform's login initiation; returns the platform's auth URL to send the browser to. */
export async function startLogin(db: Db, params: Record<string, string>, site: { publicUrl: string }, now = new Date()): Promise<string> {
  const parsed = loginInitiationSchema.safeParse(params);
  if (!parsed.success) throw new AppError('bad_request', 'lti login parameters', 'This LMS login request is missing what LTI 1.3 requires (iss, login_hint, target_link_uri).');
  const p = parsed.data;
  if (!landingPath(p.target_link_uri, site.publicUrl)) throw new AppError('bad_request', 'lti login: target on another host', 'This LMS link points at another site.');
  const platform = await platformForLogin(db, p.iss, p.client_id);
  if (p.lti_deployment_id && !platform.deploymentIds.includes(p.lti_deployment_id)) {
    throw new AppError('bad_request', 'lti login: unknown deployment', 'This deployment of the tool in your LMS is not registered here. Ask your institution’s administrator to add its deployment id.');
  }
  const state = randomBytes(32).toString('base64url');
  const nonce = randomBytes(32).toString('base64url');
  await saveLoginState(db, { stateHash: sha256(state), platformId: platform.id, nonce, expiresAt: minutes(now, stateMinutes) }, now);
  const auth = new URL(platform.authLoginUrl);
  const query = { scope: 'openid', response_type: 'id_token', response_mode: 'form_post', prompt: 'none', client_id: platform.clientId, redirect_uri: `${site.publicUrl}${launchPath}`, login_hint: p.login_hint, state, nonce, ...(p.lti_message_hint ? { lti_message_hint: p.lti_message_hint } : {}) };
  for (const [k, v] of Object.entries(query)) auth.searchParams.set(k, v);
  return auth.toString();
}

type Decision = { kind: 'sign-in'; ticket: string; landing: string } | { kind: 'link'; ticket: string };
/** What a launch leads to, and the LMS origins that may frame its answer (embedded mode; empty: a new window). */
export type LaunchOutcome = Decision & { frameOrigins: readonly string[] };

/** The name an account made for an LMS identity gets: the name sent, or its parts, or a placeholder. */
export function displayName(c: { name?: string; givenName?: string; familyName?: string }): string {
  const name = c.name || [c.givenName, c.familyName].filter(Boolean).join(' ');
  return name.trim().slice(0, 120) || 'LMS learner';
}

/** An address for a platform that sends none: unique per identity, and plainly not deliverable. */
export const placeholderEmail = (issuer: string, sub: string) => `lms-${sha256(`${issuer}\n${sub}`).slice(0, 24)}@lms.invalid`;

async function ticket(db: Db, purpose: 'sign-in' | 'link', role: LmsRole, platform: LtiPlatform, c: LaunchClaims, landing: string, userId: string | null, now: Date) {
  const { raw, hash } = newToken();
  const context = c.context;
  await saveTicket(
    db,
    { tokenHash: hash, purpose, lmsRole: role, userId, platformId: platform.id, issuer: platform.issuer, sub: c.sub, name: displayName(c), email: c.email ?? null, contextId: context?.id ?? null, contextTitle: context?.title ?? context?.label ?? null, target: landing, expiresAt: minutes(now, purpose === 'sign-in' ? signInTicketMinutes : linkTicketMinutes) },
    now,
  );
  return raw;
}

/** Makes a teacher of the launch's course a co-teacher of its cohort (created on the first launch from the course). */
async function teachCourseCohort(db: Db, platform: LtiPlatform, context: { id: string; title?: string | null } | null, userId: string, now: Date) {
  if (!context) return;
  const cohort = await cohortForContext(db, platform, { id: context.id, title: (context.title || `LMS course ${context.id}`).slice(0, 120) }, now);
  if (cohort) await attachCourseTeacher(db, cohort.id, userId);
}

/** Puts a learner in the cohort of the launch's course (created on the first learner launch). */
async function joinCourseCohort(db: Db, platform: LtiPlatform, context: { id: string; title?: string | null } | null, userId: string, now: Date) {
  if (!context) return;
  const cohort = await cohortForContext(db, platform, { id: context.id, title: (context.title || `LMS course ${context.id}`).slice(0, 120) }, now);
  if (cohort && cohort.closedAt === null) await addMembers(db, cohort.id, [{ userId }], now);
}

/** The services a resource link launch names: its line item (AGS) and its course's roster (NRPS). */
function servicesOf(platform: LtiPlatform, c: LaunchClaims, landing: string) {
  return {
    platformId: platform.id,
    resourceLinkId: c.resourceLink?.id ?? null,
    contextId: c.context?.id ?? null,
    title: c.resourceLink?.title ?? null,
    activity: activityOf(landing),
    lineItemUrl: c.ags?.lineitem ?? null,
    lineItemsUrl: c.ags?.lineitems ?? null,
    scopes: c.ags?.scope ?? [],
    membershipsUrl: c.membershipsUrl ?? null,
  };
}

const onlyTeachers = new AppError('forbidden', 'lti deep linking by a learner', 'Only the teachers of a course can add activities from this site.');

const askAdmin = new AppError('forbidden', 'lti instructor not staff', 'Your LMS says you teach this course, but your account here is not on the staff of the institution that registered it. Ask your institution’s administrator to appoint you (Institution → Staff), then launch again.');

/** Step 2: the launch. Verifies the id_token against the state it answers, and decides what follows. */
export async function completeLaunch(db: Db, form: { idToken: string; state: string }, site: { publicUrl: string }, now = new Date()): Promise<LaunchOutcome> {
  const saved = await takeLoginState(db, sha256(form.state), now);
  if (!saved) throw new AppError('bad_request', 'lti launch: unknown or used state', 'This launch has expired or was already used, so you were not signed in. Open the activity again from your course.');
  const platform = await platformById(db, saved.platformId);
  if (!platform) throw new AppError('bad_request', 'lti launch: platform removed');
  if (platform.status !== 'active') throw pendingPlatform;
  const verified = await verifyLaunchToken(form.idToken, { ...platform, nonce: saved.nonce, publicUrl: site.publicUrl, now });
  if (verified.claims.messageType === 'LtiDeepLinkingRequest') {
    // Only a course's teachers add activities; they land on the picker once signed in (or linked).
    if (lmsRoleOf(verified.claims.roles) !== 'instructor') throw onlyTeachers;
    const picking = await signInOrLink(db, platform, verified.claims, await startDeepLinking(db, platform, verified.claims, now), now);
    await recordLaunchServices(db, servicesOf(platform, verified.claims, verified.landing), now);
    // The picker is a page of the site like any other (never framed): the LMS must open it in a new window.
    return { ...picking, frameOrigins: [] };
  }
  const outcome = await signInOrLink(db, platform, verified.claims, verified.landing, now);
  // After the course's cohort exists (a first learner launch creates it), so its roster URL has a row to go on.
  await recordLaunchServices(db, servicesOf(platform, verified.claims, verified.landing), now);
  return { ...outcome, frameOrigins: platform.frameOrigins };
}

async function signInOrLink(db: Db, platform: LtiPlatform, claims: LaunchClaims, landing: string, now: Date): Promise<Decision> {
  const role = lmsRoleOf(claims.roles);
  const context = claims.context ?? null;
  const linked = await linkedUser(db, platform.issuer, claims.sub);
  if (linked) {
    if (role === 'instructor' && !(await isStaffAt(db, linked.id, platform.institutionId)) && linked.role !== 'admin') throw askAdmin;
    if (role === 'instructor') await teachCourseCohort(db, platform, context, linked.id, now);
    if (role === 'learner' && linked.role === 'learner') await joinCourseCohort(db, platform, context, linked.id, now);
    return { kind: 'sign-in', ticket: await ticket(db, 'sign-in', role, platform, claims, landing, linked.id, now), landing };
  }
  // An instructor, or someone whose address already has an account, proves which account is theirs by signing in.
  if (role === 'learner') {
    const created = await createLinkedLearner(db, { name: displayName(claims), email: claims.email ?? placeholderEmail(platform.issuer, claims.sub), issuer: platform.issuer, sub: claims.sub, platformId: platform.id });
    if (created) {
      await joinCourseCohort(db, platform, context, created.id, now);
      return { kind: 'sign-in', ticket: await ticket(db, 'sign-in', role, platform, claims, landing, created.id, now), landing };
    }
  }
  return { kind: 'link', ticket: await ticket(db, 'link', role, platform, claims, landing, null, now) };
}

/** next-auth's 'lti' provider: the account a sign-in ticket stands for, once. */
export async function redeemSignInTicket(db: Db, raw: string, now = new Date()) {
  const row = await takeTicket(db, sha256(raw), 'sign-in', now);
  return row?.userId ?? null;
}

export type LinkResult = { status: 'linked'; landing: string } | { status: 'expired' | 'taken' | 'not-staff' };

/** Links the pending LMS identity to the signed-in account (its holder proved it by signing in). */
export async function linkPendingIdentity(db: Db, actor: { id: string; role: string }, raw: string, now = new Date()): Promise<LinkResult> {
  const row = await takeTicket(db, sha256(raw), 'link', now);
  if (!row) return { status: 'expired' };
  const platform = await platformById(db, row.platformId);
  if (!platform || platform.status !== 'active') return { status: 'expired' };
  if (!(await linkIdentity(db, { issuer: row.issuer, sub: row.sub, userId: actor.id, platformId: platform.id }))) return { status: 'taken' };
  if (row.lmsRole === 'instructor') {
    if (actor.role !== 'admin' && !(await isStaffAt(db, actor.id, platform.institutionId))) return { status: 'not-staff' };
    await teachCourseCohort(db, platform, row.contextId ? { id: row.contextId, title: row.contextTitle } : null, actor.id, now);
    return { status: 'linked', landing: row.target };
  }
  if (actor.role === 'learner') await joinCourseCohort(db, platform, row.contextId ? { id: row.contextId, title: row.contextTitle } : null, actor.id, now);
  return { status: 'linked', landing: row.target };
}
