'use client';
import { useTranslations } from 'next-intl';
import { Link } from '@/i18n/navigation';
import { useActionState } from 'react';
import { Field } from '@/components/forms/Field';
import { FormMessage, SubmitButton } from '@/components/forms/FormStatus';
import { idleState } from '@/components/forms/form-state';
import { signInAction } from '../actions';

export function SignInForm({ next }: { next?: string }) {
  const [state, action] = useActionState(signInAction, idleState);
  const v = state.values ?? {};
  const t = useTranslations('auth');
  return (
    <form action={action} className="stack" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="next" value={next ?? ''} />
      <Field name="email" label={t('email')} type="email" autoComplete="email" required defaultValue={v.email} error={state.fieldErrors?.email} />
      <Field name="password" label={t('password')} type="password" autoComplete="current-password" required error={state.fieldErrors?.password} />
      <SubmitButton>{t('signIn')}</SubmitButton>
      <p className="m-0">
        <Link href="/forgot-password">{t('forgot')}</Link>
      </p>
      <p className="muted">
        {t('newHere')} <Link href={next ? `/sign-up?next=${encodeURIComponent(next)}` : '/sign-up'}>{t('createAccount')}</Link>
      </p>
    </form>
  );
}
