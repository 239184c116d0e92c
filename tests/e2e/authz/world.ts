// The principals of the matrix and the records they own, made over HTTP through the app's own
// forms (server actions) and APIs, on a site of the matrix's own (support/own-server.ts): the owner
// is the demo doctor, who earns a certificate here, and the admin's changes touch nobody else's test.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { APIRequestContext, APIResponse, PlaywrightWorkerArgs } from '@playwright/test';
import { demo, demoPassword, testClient } from '../support/fixtures';
import { callAction } from './client';
import type { DiscoveredAction } from './routes';
import { tinyPng } from './reads';
import type { Principal, ScopedPrincipal, World } from './table';
import { elsewhereInstitution, scopedStaff } from './world-scoped';

type Playwright = PlaywrightWorkerArgs['playwright'];
export type Account = { email: string; password: string };
const password = 'matrix-long-passphrase-42';
const spareStaff: Account = { email: 'matrix-spare-instructor@example.test', password };

/** Who each principal is: demo accounts where the seed made one, new accounts otherwise (promoted by the admin). */
export const accounts: Record<Exclude<Principal, 'anonymous'>, Account> = {
  owner: { email: demo.doctor, password: demoPassword },
  otherLearner: { email: 'matrix-other-learner@example.test', password },
  cohortInstructor: { email: demo.instructor, password: demoPassword },
  otherInstructor: { email: 'matrix-other-instructor@example.test', password },
  reviewer: { email: 'matrix-reviewer@example.test', password },
  admin: { email: demo.admin, password: demoPassword },
};

/** The institution-scoped staff (table.ts scopedPrincipals): new accounts the platform admin appoints. */
export const scopedAccounts: Record<ScopedPrincipal, Account> = {
  collegeAdmin: { email: 'matrix-college-admin@example.test', password },
  collegeViewer: { email: 'matrix-college-viewer@example.test', password },
  elsewhereAdmin: { email: 'matrix-elsewhere-admin@example.test', password },
};

export class Site {
  constructor(
    readonly playwright: Playwright,
    readonly baseURL: string,
    private readonly actions: readonly DiscoveredAction[],
  ) {}

  /** The build's id of an action named `file#exportName`. */
  actionId(name: string): string {
    const found = this.actions.find((a) => a.name === name);
    if (!found) throw new Error(`no action ${name} in the build`);
    return found.id;
  }

  /** A client on a connection of its own (the server trusts one proxy hop; rate limits are per connection). */
  client(): Promise<APIRequestContext> {
    return this.playwright.request.newContext({ baseURL: this.baseURL, extraHTTPHeaders: { 'x-forwarded-for': testClient() } });
  }

  call(api: APIRequestContext, at: string, name: string, call: 'state' | 'plain', fields: Record<string, string | Blob>): Promise<APIResponse> {
    return callAction(api, at, this.actionId(name), call, fields);
  }

  /** Signs in through the sign-in form's action; the context keeps the session cookie. */
  async signIn(account: Account): Promise<APIRequestContext> {
    const api = await this.client();
    const res = await this.call(api, '/sign-in', 'app/(auth)/actions.ts#signInAction', 'state', { email: account.email, password: account.password });
    if (!(await redirected(res, `sign-in of ${account.email}`)).startsWith('/home')) throw new Error(`sign-in of ${account.email} failed: ${res.status()} ${(await res.text()).slice(0, 300)}`);
    return api;
  }

  /** Creates an account through the sign-up form's action, signed in. */
  async signUp(account: Account, name: string): Promise<APIRequestContext> {
    const api = await this.client();
    const res = await this.call(api, '/sign-up', 'app/(auth)/actions.ts#signUpAction', 'state', { name, email: account.email, password: account.password, profession: 'doctor' });
    if (!(await redirected(res, `sign-up of ${account.email}`)).startsWith('/welcome')) throw new Error(`sign-up of ${account.email} failed: ${res.status()} ${(await res.text()).slice(0, 300)}`);
    return api;
  }
}

export async function html(api: APIRequestContext, url: string): Promise<string> {
  const res = await api.get(url, { maxRedirects: 0 });
  if (res.status() !== 200) throw new Error(`GET ${url}: ${res.status()}`);
  return res.text();
}

export function find(text: string, pattern: RegExp, what: string): string {
  const m = text.match(pattern);
  if (!m?.[1]) throw new Error(`setup: could not find ${what}`);
  return m[1];
}

export const uuid = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** The redirect an action answered with, or an error naming the step. */
export async function redirected(res: APIResponse, what: string): Promise<string> {
  const to = res.headers()['x-action-redirect'];
  if (!to) throw new Error(`setup: ${what} did not move on: ${res.status()} ${(await res.text()).slice(0, 300)}`);
  const url = new URL(to.split(';')[0]!, 'http://site.invalid');
  return url.pathname + url.search;
}

/** The invitation link e-mailed to `email` (the site writes its mail to files without SMTP_URL). */
async function invitationToken(mailDir: string, email: string): Promise<string> {
  for (let i = 0; i < 40; i++) {
    const files = (() => {
      try {
        return readdirSync(mailDir).filter((f) => f.endsWith('.eml'));
      } catch {
        return [];
      }
    })();
    for (const f of files) {
      const text = readFileSync(path.join(mailDir, f), 'utf8').replace(/=\r?\n/g, '');
      if (text.includes(`To: ${email}`)) {
        const token = text.match(/\/cohorts\/invitations\/([A-Za-z0-9_-]{20,100})/);
        if (token) return token[1]!;
      }
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`setup: no invitation e-mail to ${email} in ${mailDir}`);
}

/** Signs everyone in, promotes the staff, and makes the records the table's rows point at. */
export async function buildWorld(
  site: Site,
  mailDir: string,
): Promise<{ world: World; apis: Record<Principal, APIRequestContext>; scopedApis: Record<ScopedPrincipal, APIRequestContext> }> {
  const admin = await site.signIn(accounts.admin);
  const [owner, cohortInstructor, otherLearner, otherInstructor, reviewer, anonymous] = await Promise.all([
    site.signIn(accounts.owner),
    site.signIn(accounts.cohortInstructor),
    site.signUp(accounts.otherLearner, 'Matrix Other Learner'),
    site.signUp(accounts.otherInstructor, 'Dr Matrix Other Instructor'),
    site.signUp(accounts.reviewer, 'Dr Matrix Reviewer'),
    site.client(),
  ]);
  const apis: Record<Principal, APIRequestContext> = { anonymous, owner, otherLearner, cohortInstructor, otherInstructor, reviewer, admin };

  // Everyone's id, as the progress API tells its own account.
  const ids = {} as World['users'];
  for (const p of Object.keys(accounts) as (keyof typeof accounts)[]) {
    const me = (await (await apis[p].get('/api/progress/modules/foundations')).json()) as { account: string };
    ids[p] = { id: me.account, email: accounts[p].email };
  }
  // The demo instructor teaches at the demo college; the other instructor is appointed there too (so
  // only the cohort, not the institution, separates them), and so is a spare instructor whom the
  // institution and co-teacher actions may change. The reviewer is made one by the platform admin.
  const college = find(await html(cohortInstructor, '/institutions'), new RegExp(`href="/institutions/(${uuid})"`), 'the demo college');
  const spareApi = await site.signUp(spareStaff, 'Dr Matrix Spare Instructor');
  const spareId = (await (await spareApi.get('/api/progress/modules/foundations')).json()) as { account: string };
  await spareApi.dispose();
  for (const email of [accounts.otherInstructor.email, spareStaff.email]) {
    const res = await site.call(admin, `/institutions/${college}/staff`, 'app/(teach)/institutions/actions.ts#appointStaffAction', 'state', { institutionId: college, email, role: 'instructor' });
    if (!(await res.text()).includes('Appointed')) throw new Error(`setup: appointing ${email} failed`);
  }
  const reviewerRole = await site.call(admin, '/admin/users', 'app/(admin)/admin/users/actions.ts#changeRoleAction', 'state', { userId: ids.reviewer.id, role: 'reviewer' });
  if (!(await reviewerRole.text()).includes('Role changed to reviewer')) throw new Error('setup: making the reviewer failed');
  // The college's logo, and two institutions of no consequence for the admin to merge.
  const logo = await site.call(admin, `/institutions/${college}/settings`, 'app/(teach)/institutions/actions.ts#logoAction', 'state', { institutionId: college, logo: new Blob([tinyPng], { type: 'image/png' }) });
  if (!(await logo.text()).includes('Logo saved')) throw new Error('setup: the logo was not saved');
  const scopedApis = await scopedStaff(site, admin, college);
  const elsewhere = await elsewhereInstitution(site, admin, scopedApis.elsewhereAdmin);
  const spareInstitutions: string[] = [];
  for (const name of ['Matrix Spare College A', 'Matrix Spare College B']) {
    const to = await redirected(
      await site.call(admin, '/admin/institutions', 'app/(admin)/admin/institutions/actions.ts#createInstitutionAction', 'state', { name, shortName: name.slice(-6), country: 'Pakistan' }),
      `creating ${name}`,
    );
    spareInstitutions.push(find(to, new RegExp(`/institutions/(${uuid})`), name));
  }

  // The owner finishes the last lesson of the practice programme and earns its certificate.
  const moduleSlug = 'documentation-prescribing';
  const lessons = [...new Set([...(await html(owner, `/modules/${moduleSlug}`)).matchAll(new RegExp(`href="/modules/${moduleSlug}/([a-z0-9-]+)"`, 'g'))].map((m) => m[1]!))];
  let certificate = '';
  for (const lesson of lessons) {
    const res = await owner.post(`/api/progress/modules/${moduleSlug}`, { data: { lesson } });
    const body = (await res.json()) as { certificates?: { code: string }[] };
    certificate ||= body.certificates?.[0]?.code ?? '';
  }
  if (!certificate) throw new Error('setup: the owner earned no certificate');

  // The owner's quiz attempts (a submitted one from the seed, an open one started here) and consults.
  const quiz = 'foundations';
  const submittedQuizAttempt = find(await html(owner, `/quizzes/${quiz}`), new RegExp(`/quizzes/${quiz}/attempts/(${uuid})/result`), 'a submitted quiz attempt');
  const started = await redirected(await site.call(owner, `/quizzes/${quiz}`, 'app/(learn)/quizzes/[quiz]/actions.ts#startAttemptAction', 'state', { quiz }), 'starting a quiz');
  const openQuizAttempt = find(started, new RegExp(`attempts/(${uuid})`), 'the open quiz attempt');
  const consultCase = 'chest-pain-lagging-video';
  const finishedConsult = find(await html(owner, `/consults/${consultCase}`), new RegExp(`/consults/${consultCase}/debrief/(${uuid})`), 'a finished consult');
  await redirected(await site.call(owner, `/consults/${consultCase}`, 'app/(learn)/consults/actions.ts#startConsultAction', 'plain', { caseId: consultCase }), 'starting a consult');
  const openConsult = find(await html(owner, `/consults/${consultCase}/room`), new RegExp(`name="attemptId" value="(${uuid})"`), 'the open consult');

  // The cohort instructor's cohorts; the owner joins `main` and is invited to `invited`.
  const cohorts = {} as World['cohorts'];
  for (const name of ['main', 'joinable', 'invited', 'closable'] as const) {
    const due = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);
    const members = await redirected(
      await site.call(cohortInstructor, '/teach/cohorts', 'app/(teach)/teach/cohorts/actions.ts#createCohortAction', 'state', {
        name: `Matrix ${name}`,
        institutionId: college,
        programmeId: 'readiness-students',
        dueDate: due,
      }),
      `creating cohort ${name}`,
    );
    const id = find(members, new RegExp(`/teach/cohorts/(${uuid})/members`), `cohort ${name}`);
    const code = find(await html(cohortInstructor, members), /data-testid="join-code">([^<]+)</, `the join code of ${name}`).trim();
    cohorts[name] = { id, code };
  }
  await redirected(await site.call(owner, '/cohorts', 'app/(learn)/cohorts/actions.ts#joinCohortAction', 'state', { code: cohorts.main.code }), 'the owner joining');
  const strangers = ['matrix-stranger@example.test', 'matrix-second-stranger@example.test'] as const;
  for (const email of [accounts.owner.email, ...strangers]) {
    const res = await site.call(cohortInstructor, `/teach/cohorts/${cohorts.invited.id}/members`, 'app/(teach)/teach/cohorts/actions.ts#inviteOneAction', 'state', { cohortId: cohorts.invited.id, email });
    if (!(await res.text()).includes('Invitation sent')) throw new Error(`setup: inviting ${email} failed`);
  }
  const invitedPage = await html(cohortInstructor, `/teach/cohorts/${cohorts.invited.id}/members`);
  const invitationId = (email: string) => find(invitedPage, new RegExp(`data-invitation="${email}"[\\s\\S]*?name="invitationId" value="(${uuid})"`), `the invitation of ${email}`);
  const ownerInvitation = { id: invitationId(accounts.owner.email), token: await invitationToken(mailDir, accounts.owner.email) };

  const lessonHash = find(await html(reviewer, '/admin/content/lesson/foundations/what-is-telemedicine'), /name="hash" value="([0-9a-f]{16})"/, 'the lesson version');

  const world: World = {
    users: ids,
    certificate,
    quiz,
    openQuizAttempt,
    submittedQuizAttempt,
    consultCase,
    openConsult,
    finishedConsult,
    firstChoice: 'open-brief',
    cohorts,
    ownerInvitation,
    strangerInvitation: { id: invitationId(strangers[0]) },
    adminsStrangerInvitation: { id: invitationId(strangers[1]) },
    lessonHash,
    college,
    spareInstitutions: [spareInstitutions[0]!, spareInstitutions[1]!],
    spareStaff: { id: spareId.account, email: spareStaff.email },
    elsewhere,
  };
  return { world, apis, scopedApis };
}
