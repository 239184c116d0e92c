import { Field } from '@/components/forms/Field';

type Values = Partial<Record<'name' | 'shortName' | 'country' | 'province' | 'emailDomain', string | null>>;

/** The fields that describe an institution, shared by the create and settings forms. */
export function InstitutionFields({ values, errors }: { values: Values; errors: Record<string, string> }) {
  return (
    <>
      <Field name="name" label="Full name" hint="As printed on certificates, e.g. Dow University of Health Sciences" required defaultValue={values.name ?? ''} error={errors.name} />
      <Field name="shortName" label="Short name" hint="e.g. DUHS" required defaultValue={values.shortName ?? ''} error={errors.shortName} />
      <Field name="country" label="Country" required defaultValue={values.country ?? 'Pakistan'} error={errors.country} />
      <Field name="province" label="Province or region" defaultValue={values.province ?? ''} error={errors.province} />
      <Field
        name="emailDomain"
        label="E-mail domain (optional)"
        hint="Staff see a suggestion when someone with this domain is not yet on the staff; membership is never granted by it."
        defaultValue={values.emailDomain ?? ''}
        error={errors.emailDomain}
      />
    </>
  );
}
