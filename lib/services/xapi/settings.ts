import 'server-only';
// What an institution admin does on the LRS page: save the settings (the secret encrypted) and
// send one test statement to see that the address and credentials work.
import { randomUUID } from 'node:crypto';
import type { Db } from '@/db/client';
import { lrsConnection, saveLrsSettings } from '@/db/queries/lrs';
import type { Actor } from '@/db/queries/users';
import { verbs } from '@/lib/domain/xapi/vocabulary';
import { serverEnv } from '@/lib/env';
import { encryptSecret } from './secret';
import { describeAnswer, putStatement } from './transport';

export type LrsForm = { endpoint: string; authKey: string; secret: string | null; sendEmail: boolean; enabled: boolean };

export async function saveLrs(db: Db, actor: Actor, institutionId: string, form: LrsForm, now: Date = new Date()): Promise<void> {
  const { secret, ...rest } = form;
  await saveLrsSettings(db, actor, institutionId, { ...rest, encryptedSecret: secret ? encryptSecret(secret) : null }, now);
}

/**
 * Sends one statement ("this admin experienced the LRS settings page") with a fresh id, and says
 * what the LRS answered. Nothing of it is queued or retried.
 */
export async function sendTestStatement(db: Db, actor: Actor, institutionId: string, now: Date = new Date()): Promise<{ ok: boolean; message: string }> {
  const lrs = await lrsConnection(db, actor, institutionId);
  const { publicUrl, CERTIFICATE_ISSUER_NAME } = serverEnv();
  const id = randomUUID();
  const statement = {
    id,
    actor: { objectType: 'Agent', account: { homePage: publicUrl, name: actor.id } },
    verb: verbs.experienced,
    object: { objectType: 'Activity', id: `${publicUrl}/institutions/${institutionId}/lrs`, definition: { name: { 'en-US': 'LRS connection test' } } },
    context: { platform: CERTIFICATE_ISSUER_NAME, language: 'en' },
    timestamp: now.toISOString(),
  };
  try {
    const answer = await putStatement(lrs, id, statement);
    if (answer.status >= 200 && answer.status < 300) return { ok: true, message: `The LRS accepted a test statement (id ${id}).` };
    return { ok: false, message: `The test statement was not accepted: ${describeAnswer(answer)}.` };
  } catch (error) {
    return { ok: false, message: `The LRS could not be reached: ${error instanceof Error ? error.message : String(error)}.` };
  }
}
