// Joining a cohort by consent: invitations arrive by e-mail, only the verified owner of the address
// answers, states are listed for staff, and a squatter cannot take a student's place.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { listCohortInvitations, pendingInvitationsFor } from '@/db/queries/cohort-invitations';
import { cohortMembers, createCohort, formerMembers } from '@/db/queries/cohorts';
import { createUser, findUserByEmail } from '@/db/queries/users';
import { confirmEmail, registerAccount, requestPasswordReset, resetPassword } from '@/lib/services/accounts';
import { answer, importRoster, inviteLearners, leave, resendInvitation, withdrawInvitation } from '@/lib/services/cohorts';
import { cohortExport } from '@/lib/services/cohort-export';
import { processDueEvents } from '@/lib/services/events/dispatch';
import { getCatalog } from '@/lib/content';
import { suiteDatabase, testDatabases } from '../support/databases';
import { staffAt } from '../support/institutions';
import { type TestSmtp, linkIn, startSmtp } from '../support/smtp';

process.env.DATA_DIR = mkdtempSync(path.join(os.tmpdir(), 'invite-keys-'));
let smtp: TestSmtp;
beforeAll(async () => {
  smtp = await startSmtp();
  process.env.SMTP_URL = smtp.url;
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  await smtp.close();
});

let n = 0;
const address = (what: string) => `${what}-${++n}@dow.example`;
const later = (minutes: number) => new Date(Date.now() + minutes * 60_000);

describe.each(testDatabases)('cohort invitations on $name', ({ open }) => {
  const h = suiteDatabase(open);
  const deliver = () => processDueEvents(h.db, later(1));
  const account = async (email: string, verified = true) => {
    const created = await createUser(h.db, { name: `Learner ${email}`, email, passwordHash: 'x', profession: 'student', emailVerified: verified ? new Date() : null });
    return { ...created!, role: 'learner' as const };
  };
  const setup = async () => {
    const teacher = (await createUser(h.db, { name: 'Dr Instructor', email: address('teacher'), passwordHash: 'x', profession: 'doctor', role: 'instructor' }))!;
    const cohort = await createCohort(h.db, teacher, { name: `MBBS ${n}`, institutionId: await staffAt(h.db, 'Dow University', teacher.id), programmeId: 'readiness-students', dueDate: later(60 * 24 * 60) });
    return { teacher, cohort };
  };

  test('a roster of three: all three receive invitations; the existing learner accepts after verifying, a newcomer registers through the link, and the states show', async () => {
    const { teacher, cohort } = await setup();
    const [existingEmail, newOne, newTwo] = [address('existing'), address('new'), address('other')];
    const existing = await account(existingEmail);
    const result = await importRoster(h.db, teacher, cohort.id, `email,student id\n${existingEmail},DUHS-1\n${newOne},DUHS-2\n${newTwo},DUHS-3\n`);
    expect(result).toMatchObject({ ok: true, invited: [existingEmail, newOne, newTwo] });
    expect(await cohortMembers(h.db, teacher, cohort.id)).toEqual([]); // nobody added without consent
    await deliver();
    for (const e of [existingEmail, newOne, newTwo]) {
      expect(smtp.to(e)[0]?.subject).toBe(`Invitation to join ${cohort.name} · TeleHealth Ready`);
      expect(smtp.to(e)[0]?.text).toContain('Dr Instructor (Dow University)');
    }

    // The existing learner sees it on their pages and accepts by id.
    const [pending] = await pendingInvitationsFor(h.db, existing, new Date());
    expect(pending).toMatchObject({ name: cohort.name, institution: 'Dow University', instructor: 'Dr Instructor' });
    expect(await answer(h.db, existing, { id: pending!.id }, 'accept')).toEqual({ status: 'joined', cohortId: cohort.id });

    // A newcomer signs up through the link (the address counts as proven) and accepts with its token.
    const { token } = linkIn(smtp.to(newOne)[0], '/cohorts/invitations/');
    const registered = (await registerAccount(h.db, { name: 'New One', email: newOne, password: 'a-long-password-1', profession: 'student', institution: null, registrationNumber: null }, true))!;
    expect(registered.emailVerified).not.toBeNull();
    expect(await answer(h.db, { ...registered, role: 'learner' }, { token }, 'accept')).toEqual({ status: 'joined', cohortId: cohort.id });
    expect(await answer(h.db, { ...registered, role: 'learner' }, { token }, 'accept')).toEqual({ status: 'refused', reason: 'answered' });

    const members = await cohortMembers(h.db, teacher, cohort.id);
    expect(members.map((m) => [m.email, m.studentId]).sort()).toEqual([[existingEmail, 'DUHS-1'], [newOne, 'DUHS-2']].sort());
    const states = Object.fromEntries((await listCohortInvitations(h.db, teacher, cohort.id, new Date())).map((i) => [i.email, i.state]));
    expect(states).toEqual({ [existingEmail]: 'accepted', [newOne]: 'accepted', [newTwo]: 'sent' });
    // The registrar's IDs reach the cohort export.
    const csv = (await cohortExport(h.db, teacher, cohort.id, await getCatalog(), new Date())).csv;
    expect(csv.split('\r\n')[0]).toContain('student_id');
    expect(csv).toContain(`${existingEmail},DUHS-1`);
  });

  test('only the verified owner of the invited address may answer; declining and leaving show to the instructor', async () => {
    const { teacher, cohort } = await setup();
    const invited = address('invited');
    await inviteLearners(h.db, teacher, cohort.id, [{ email: invited, studentId: null }]);
    await deliver();
    const { token } = linkIn(smtp.to(invited)[0], '/cohorts/invitations/');
    const stranger = await account(address('stranger'));
    expect(await answer(h.db, stranger, { token }, 'accept')).toEqual({ status: 'refused', reason: 'other-account' });
    const unverified = await account(invited, false);
    expect(await answer(h.db, unverified, { token }, 'accept')).toEqual({ status: 'refused', reason: 'unverified' });
    expect(await answer(h.db, { ...unverified, emailVerified: new Date() }, { token: `${token}x` }, 'accept')).toEqual({ status: 'invalid' });
    expect(await answer(h.db, { ...unverified, emailVerified: new Date() }, { token }, 'decline')).toEqual({ status: 'declined', cohortId: cohort.id });
    expect((await listCohortInvitations(h.db, teacher, cohort.id, new Date()))[0]?.state).toBe('declined');
    expect(await cohortMembers(h.db, teacher, cohort.id)).toEqual([]);

    // Invited again, this time accepted, then the learner leaves: the instructor sees when.
    await inviteLearners(h.db, teacher, cohort.id, [{ email: invited, studentId: null }]);
    const [again] = await pendingInvitationsFor(h.db, unverified, new Date());
    await answer(h.db, { ...unverified, emailVerified: new Date() }, { id: again!.id }, 'accept');
    await leave(h.db, unverified, cohort.id);
    expect((await formerMembers(h.db, teacher, cohort.id)).map((m) => m.email)).toEqual([invited]);
  });

  test("someone else's invitation id answers as an unknown one: it says neither that it exists nor what became of it", async () => {
    const { teacher, cohort } = await setup();
    const invited = await account(address('invited'));
    await inviteLearners(h.db, teacher, cohort.id, [{ email: invited.email, studentId: null }]);
    const [inv] = await pendingInvitationsFor(h.db, invited, new Date());
    const stranger = await account(address('stranger'));
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect(await answer(h.db, stranger, { id: unknown }, 'accept')).toEqual({ status: 'invalid' });
    expect(await answer(h.db, stranger, { id: inv!.id }, 'accept')).toEqual({ status: 'invalid' });
    expect(await answer(h.db, { ...teacher, role: 'instructor' as const }, { id: inv!.id }, 'decline')).toEqual({ status: 'invalid' });
    // Answered or withdrawn, it still reads as unknown to the stranger; nothing changed for the invited learner.
    expect(await answer(h.db, invited, { id: inv!.id }, 'decline')).toEqual({ status: 'declined', cohortId: cohort.id });
    expect(await answer(h.db, stranger, { id: inv!.id }, 'accept')).toEqual({ status: 'invalid' });
    expect(await answer(h.db, invited, { id: inv!.id }, 'accept')).toEqual({ status: 'refused', reason: 'answered' });
    expect(await cohortMembers(h.db, teacher, cohort.id)).toEqual([]);
  });

  test('resending gives a new link (the old one stops working) and a new expiry; a withdrawn invitation cannot be answered', async () => {
    const { teacher, cohort } = await setup();
    const email = address('resend');
    const learner = await account(email);
    await inviteLearners(h.db, teacher, cohort.id, [{ email, studentId: null }]);
    await deliver();
    const first = linkIn(smtp.to(email)[0], '/cohorts/invitations/').token;
    const [inv] = await listCohortInvitations(h.db, teacher, cohort.id, new Date());
    expect(await resendInvitation(h.db, teacher, inv!.id)).toBe('sent');
    await deliver();
    const second = linkIn(smtp.to(email)[1], '/cohorts/invitations/').token;
    expect(second).not.toBe(first);
    expect(await answer(h.db, learner, { token: first }, 'accept')).toEqual({ status: 'invalid' });
    expect(await withdrawInvitation(h.db, teacher, inv!.id)).toBe(true);
    expect(await answer(h.db, learner, { token: second }, 'accept')).toEqual({ status: 'refused', reason: 'revoked' });
    expect(await resendInvitation(h.db, teacher, inv!.id)).toBe('answered');
    // Another instructor cannot see, resend or withdraw it.
    const other = (await createUser(h.db, { name: 'Other', email: address('other-teacher'), passwordHash: 'x', profession: 'doctor', role: 'instructor' }))!;
    await expect(resendInvitation(h.db, other, inv!.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(listCohortInvitations(h.db, other, cohort.id, new Date())).rejects.toMatchObject({ code: 'not_found' });
  });

  test("address squatting: whoever registers a student's address first cannot join the student's cohort; the student recovers the account and joins", async () => {
    const { teacher, cohort } = await setup();
    const studentEmail = address('student');
    const squatter = (await registerAccount(h.db, { name: 'Squatter', email: studentEmail, password: 'squatters-password-1', profession: 'student', institution: null, registrationNumber: null }, false))!;
    await importRoster(h.db, teacher, cohort.id, `email\n${studentEmail}\n`);
    await deliver();
    const invitationMail = smtp.to(studentEmail).find((m) => m.subject.startsWith('Invitation'));
    const { token } = linkIn(invitationMail, '/cohorts/invitations/');
    // The squatter, signed in as that address but unable to read its mailbox, is refused.
    expect(await answer(h.db, { ...squatter, role: 'learner' }, { token }, 'accept')).toEqual({ status: 'refused', reason: 'unverified' });
    expect(await cohortMembers(h.db, teacher, cohort.id)).toEqual([]);
    // The real student, who reads the mailbox, resets the password: the account is theirs, verified.
    await requestPasswordReset(h.db, studentEmail, '203.0.113.20');
    await deliver();
    const reset = linkIn(smtp.to(studentEmail).find((m) => m.subject.startsWith('Reset')), '/reset-password/');
    expect(await resetPassword(h.db, reset.token, 'the-students-own-password')).toMatchObject({ ok: true });
    const student = (await findUserByEmail(h.db, studentEmail))!;
    expect(student.emailVerified).not.toBeNull();
    expect(await answer(h.db, { ...student, role: 'learner' }, { token }, 'accept')).toEqual({ status: 'joined', cohortId: cohort.id });
    // A verification link the squatter never opened no longer matters: it was for this same account.
    expect((await confirmEmail(h.db, 'x'.repeat(43), 'verify-email')).ok).toBe(false);
  });
});
