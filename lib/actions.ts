import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import type { z } from 'zod';
import type { SessionUser } from '@/db/queries/sessions';
import { getCurrentUser } from '@/lib/auth/session';
import { AppError, unexpectedMessage } from '@/lib/errors';
import { logUnexpected } from '@/lib/http/respond';
import type { FormState } from '@/components/forms/form-state';

const notAForm = 'That was not a form this page sends. Reload the page and try again.';

const secretFields = new Set(['password', 'current', 'confirm', 'token', 'secret']);

function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === 'string' && !key.startsWith('$ACTION')) values[key] = value;
  }
  return values;
}

function echo(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([k]) => !secretFields.has(k)));
}

/** Turns a thrown error into what the user sees: expected codes explained, anything else logged and kept vague. */
export function failureState(error: unknown): FormState {
  unstable_rethrow(error);
  if (error instanceof AppError) return { status: 'error', message: error.userMessage };
  return { status: 'error', message: unexpectedMessage(logUnexpected(error, 'action')) };
}

/**
 * Every form action goes through here: parse the form with zod (field errors come back as values),
 * then run the handler; expected failures become messages, unexpected ones are logged.
 */
export function formAction<S extends z.ZodType>(
  schema: S,
  handler: (data: z.output<S>, values: Record<string, string>) => Promise<FormState>,
) {
  return async (_previous: FormState, formData: FormData): Promise<FormState> => {
    // Anyone can post any arguments to an action id; only a form is a form.
    if (!(formData instanceof FormData)) return { status: 'error', message: notAForm };
    const values = formValues(formData);
    const parsed = schema.safeParse(values);
    if (!parsed.success) {
      const fieldErrors: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? 'form');
        fieldErrors[key] ??= issue.message;
      }
      return { status: 'invalid', message: 'Please correct the highlighted fields.', fieldErrors, values: echo(values) };
    }
    try {
      return await handler(parsed.data, echo(values));
    } catch (error) {
      return { ...failureState(error), values: echo(values) };
    }
  };
}

/** `formAction` for signed-in users: the handler also receives the acting user, checked on the server. */
export function userFormAction<S extends z.ZodType>(
  schema: S,
  handler: (data: z.output<S>, user: SessionUser, values: Record<string, string>) => Promise<FormState>,
) {
  return formAction(schema, async (data, values) => {
    const user = await getCurrentUser();
    if (!user) throw new AppError('unauthorized');
    return handler(data, user, values);
  });
}
