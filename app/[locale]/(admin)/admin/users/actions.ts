'use server';
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { changeUserRole } from '@/db/queries/users';
import { userFormAction } from '@/lib/actions';
import { roleChangeSchema } from '@/lib/validation/account';

export const changeRoleAction = userFormAction(roleChangeSchema, async (data, actor) => {
  const result = await changeUserRole(getDb(), actor, data.userId, data.role);
  revalidatePath('/admin/users');
  return { status: 'ok', message: result.changed ? `Role changed to ${data.role}.` : 'Role unchanged.' };
});
