import type { PatientLinesMode } from '@/lib/domain/language/patient-lines';

const options: { value: PatientLinesMode; label: string }[] = [
  { value: 'en', label: 'English' },
  { value: 'ur', label: 'Urdu' },
  { value: 'both', label: 'Both' },
];

/**
 * The learner's choice of how the patient's words are shown, for a case that gives them in Urdu: a
 * plain form (it works without scripts), remembered on this device. Says whether the Urdu has been
 * reviewed by a native speaker.
 */
export function PatientLinesControl({ caseId, mode, reviewText, reviewed, action }: { caseId: string; mode: PatientLinesMode; reviewText: string; reviewed: boolean; action: (formData: FormData) => Promise<void> }) {
  return (
    <form action={action} id="patient-lines" className="card stack text-sm" aria-labelledby="patient-lines-legend">
      <input type="hidden" name="caseId" value={caseId} />
      <fieldset className="m-0 border-0 p-0">
        <legend id="patient-lines-legend" className="font-semibold">
          The patient&apos;s words
        </legend>
        <div className="flex flex-wrap items-center gap-4">
          {options.map((o) => (
            <label key={o.value} className="flex items-center gap-1">
              <input type="radio" name="lines" value={o.value} defaultChecked={mode === o.value} />
              <span>{o.label}</span>
            </label>
          ))}
          <button type="submit" className="btn">
            Show
          </button>
        </div>
      </fieldset>
      <p className={`m-0 ${reviewed ? 'text-ok' : 'text-warn'}`} data-testid="urdu-review" data-reviewed={reviewed}>
        {reviewText}
      </p>
    </form>
  );
}
