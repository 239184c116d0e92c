import { afterAll, describe, expect, test } from 'vitest';
import { setPlatformFraming } from '@/db/queries/lti-platforms';
import { redeemSignInTicket } from '@/lib/services/lti';
import { suiteDatabase, testDatabases } from '../support/databases';
import { staffAt } from '../support/institutions';
import { launch, person, registeredPlatform } from '../support/lti-fixture';
import { type Platform, roles } from '../support/lti-platform';

describe.each(testDatabases)('LTI embedded mode on $name', ({ open }) => {
  const h = suiteDatabase(open);
  const sims: Platform[] = [];
  afterAll(() => Promise.all(sims.map((s) => s.close())));

  test('a launch carries the platform’s frame origins only once its admin set them; the ticket still signs in once', async () => {
    const { sim, admin, institutionId, platformId } = await registeredPlatform(h.db, 'moodle');
    sims.push(sim);
    sim.enrol({ sub: 'framed-1', roles: [roles.learner] });
    expect((await launch(h.db, sim, 'framed-1')).frameOrigins).toEqual([]);

    expect(await setPlatformFraming(h.db, admin, institutionId, platformId, [sim.base, 'https://moodle.example.edu'])).toBe(true);
    const framed = await launch(h.db, sim, 'framed-1');
    expect(framed).toMatchObject({ kind: 'sign-in', frameOrigins: [sim.base, 'https://moodle.example.edu'] });
    if (framed.kind === 'sign-in') {
      expect(await redeemSignInTicket(h.db, framed.ticket)).toEqual(expect.any(String));
      expect(await redeemSignInTicket(h.db, framed.ticket)).toBeNull();
    }

    expect(await setPlatformFraming(h.db, admin, institutionId, platformId, [])).toBe(true);
    expect((await launch(h.db, sim, 'framed-1')).frameOrigins).toEqual([]);
  });

  test('another institution’s admin cannot embed a platform', async () => {
    const { sim, institutionId, platformId } = await registeredPlatform(h.db, 'canvas');
    sims.push(sim);
    const other = await person(h.db, 'instructor');
    const otherInstitution = await staffAt(h.db, `Framing Elsewhere ${Date.now()}`, other.id, 'admin');
    await expect(setPlatformFraming(h.db, other, institutionId, platformId, ['https://evil.example'])).rejects.toMatchObject({ code: 'not_found' });
    expect(await setPlatformFraming(h.db, other, otherInstitution, platformId, ['https://evil.example'])).toBe(false);
    sim.enrol({ sub: 'framed-2', roles: [roles.learner] });
    expect((await launch(h.db, sim, 'framed-2')).frameOrigins).toEqual([]);
  });
});
