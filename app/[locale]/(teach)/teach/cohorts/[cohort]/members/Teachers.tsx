import { ButtonForm } from '@/components/forms/ButtonForm';
import { removeCoTeacherAction } from '../../teacher-actions';
import { AddCoTeacherForm } from './TeacherForms';

type Person = { id: string; name: string; email: string };

/** Who runs the cohort: its owner and co-teachers, who may add or remove colleagues of the same institution. */
export function Teachers({ cohortId, owner, coTeachers }: { cohortId: string; owner: Person | null; coTeachers: Person[] }) {
  return (
    <section aria-labelledby="teachers" className="card stack">
      <h2 id="teachers" className="m-0">
        Teachers
      </h2>
      <ul data-testid="teachers">
        {owner ? (
          <li>
            {owner.name} ({owner.email}) · created the cohort
          </li>
        ) : null}
        {coTeachers.map((t) => (
          <li key={t.id} className="search-row">
            <span>
              {t.name} ({t.email}) · co-teacher
            </span>
            <ButtonForm action={removeCoTeacherAction} fields={{ cohortId, userId: t.id }} label="Remove" hidden={`${t.name} as co-teacher`} />
          </li>
        ))}
      </ul>
      <p className="m-0 small muted">Co-teachers see and manage this cohort as you do. They must be instructors at the cohort’s institution; the institution’s administrators see every cohort anyway.</p>
      <AddCoTeacherForm cohortId={cohortId} />
    </section>
  );
}
