'use client';
import { useActionState } from 'react';
import { Field } from '@/components/forms/Field';
import { FormMessage, SubmitButton } from '@/components/forms/FormStatus';
import { idleState } from '@/components/forms/form-state';
import { addCoTeacherAction } from '../../teacher-actions';

export function AddCoTeacherForm({ cohortId }: { cohortId: string }) {
  const [state, action] = useActionState(addCoTeacherAction, idleState);
  return (
    <form action={action} className="stack" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="cohortId" value={cohortId} />
      <Field name="email" id="co-teacher-email" label="Colleague’s email" type="email" required defaultValue={state.values?.email ?? ''} error={state.fieldErrors?.email} />
      <div>
        <SubmitButton>Add co-teacher</SubmitButton>
      </div>
    </form>
  );
}

