'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { userFormAction } from '@/lib/actions';
import { getCatalog } from '@/lib/content';
import { decisionKinds, isTranslation, itemKinds } from '@/lib/domain/review';
import { formatReviewDate } from '@/lib/format/review';
import { decideOnItem } from '@/lib/services/review';
import { textField } from '@/lib/validation/text';
import type { FormState } from '@/components/forms/form-state';

const decisionSchema = z
  .object({
    kind: z.enum(itemKinds),
    id: z.string().regex(/^[a-z0-9-]+(\/[a-z0-9-]+)?$/, 'Unknown item.'),
    hash: z.string().regex(/^[0-9a-f]{16}$/, 'Unknown version.'),
    decision: z.enum(decisionKinds, { error: 'Choose to sign off or to request changes.' }),
    comment: textField({ label: 'The comment', max: 2000, multiline: true }).default(''),
    key: z.string().regex(/^[A-Za-z0-9-]{16,64}$/, 'Reload the page and try again.'),
    nativeSpeaker: z.literal('yes').optional().catch(undefined),
  })
  .refine((d) => d.decision === 'signed-off' || d.comment.length > 0, { path: ['comment'], message: 'Say what should change: the authors read this comment.' })
  // A clinical reviewer is not necessarily a native speaker: a translation is signed off only by one who says they are.
  .refine((d) => d.decision !== 'signed-off' || !isTranslation(d.kind) || d.nativeSpeaker === 'yes', {
    path: ['nativeSpeaker'],
    message: 'Only a native speaker of Urdu signs off a translation: tick the box if you are one, or request changes.',
  });

/** A reviewer's decision on the version of an item the page showed them. */
export const decideAction = userFormAction(decisionSchema, async (data, actor): Promise<FormState> => {
  const { decision, created } = await decideOnItem(
    getDb(),
    actor,
    await getCatalog(),
    { kind: data.kind, id: data.id, hash: data.hash, decision: data.decision, comment: data.comment || null, idempotencyKey: data.key },
    new Date(),
  );
  revalidatePath('/admin/content');
  revalidatePath(`/admin/content/${data.kind}/${data.id}`);
  const when = formatReviewDate(decision.decidedAt);
  if (!created) return { status: 'ok', message: `Already recorded on ${when}; nothing was added.` };
  return decision.decision === 'signed-off'
    ? { status: 'ok', message: `Signed off on ${when}. Learners now see that you reviewed this version.` }
    : { status: 'ok', message: `Changes requested on ${when}. The item stays awaiting review until it is signed off.` };
});
