import Link from 'next/link';
import type { FilterField } from '@/lib/domain/curriculum/filters';

type Props = { action: string; fields: FilterField[]; shown: number; total: number; noun: string; ignored: string[] };

/** A list's filters as a plain GET form: works without JavaScript, and the address can be shared. */
export function ListFilters({ action, fields, shown, total, noun, ignored }: Props) {
  const filtered = fields.some((f) => f.value !== '');
  return (
    <form method="get" action={action} className="card flex flex-wrap items-end gap-3" aria-label={`Filter ${noun}`}>
      {fields.map((f) => (
        <label key={f.name} className="flex min-w-40 flex-1 flex-col gap-1">
          <span className="text-sm">{f.label}</span>
          <select name={f.name} defaultValue={f.value}>
            <option value="">Any</option>
            {f.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
      ))}
      <div className="flex items-center gap-3">
        <button type="submit" className="btn">
          Filter
        </button>
        {filtered ? <Link href={action}>Clear</Link> : null}
      </div>
      <p className="m-0 w-full text-sm text-muted" role="status" data-testid="filter-count">
        {filtered ? `Showing ${shown} of ${total} ${noun}.` : `${total} ${noun}.`}
        {ignored.length > 0 ? ` Not a choice here, so set aside: ${ignored.join(', ')}.` : ''}
      </p>
    </form>
  );
}
