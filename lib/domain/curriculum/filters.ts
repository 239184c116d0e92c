// The filters of the module and case lists, read from the address (?domain=D3&minutes=45&…), so a
// filtered list is a plain GET that works without JavaScript and can be bookmarked. Pure.
import { type DomainId, domainIds } from '@/lib/domain/readiness/domains';

/** One filter's choices as the form shows them; `value` is the one in force ('' = any). */
export type FilterField = { name: string; label: string; value: string; options: { value: string; label: string }[] };

export type Filterable = { competencies: readonly string[]; minutes: number; modality?: string; area?: string };

export type ListFilter = { domain: DomainId | null; maxMinutes: number | null; modality: string | null; area: string | null };

type Params = Record<string, string | string[] | undefined>;

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

/**
 * The filter in the address. A value that is not one of the choices (an old bookmark, a typo) is
 * set aside and named in `ignored`, so the page can say so rather than show an empty list.
 */
export function readFilter(params: Params, choices: { minutes: readonly number[]; modalities?: readonly string[]; areas?: readonly string[] }) {
  const ignored: string[] = [];
  const pick = <T extends string>(name: string, allowed: readonly T[]): T | null => {
    const v = one(params[name]);
    if (v === '') return null;
    if ((allowed as readonly string[]).includes(v)) return v as T;
    ignored.push(name);
    return null;
  };
  const domain = pick('domain', domainIds);
  const minutesText = one(params.minutes);
  const minutes = minutesText === '' ? null : Number(minutesText);
  const maxMinutes = minutes !== null && choices.minutes.includes(minutes) ? minutes : null;
  if (minutes !== null && maxMinutes === null) ignored.push('minutes');
  const filter: ListFilter = {
    domain,
    maxMinutes,
    modality: choices.modalities ? pick('modality', choices.modalities) : null,
    area: choices.areas ? pick('area', choices.areas) : null,
  };
  return { filter, ignored };
}

/** Whether an item passes every filter in force. An item's domains are those of its competency tags ("D4.1" → D4). */
export function matchesFilter(item: Filterable, filter: ListFilter): boolean {
  if (filter.domain && !item.competencies.some((c) => c.slice(0, 2) === filter.domain)) return false;
  if (filter.maxMinutes !== null && item.minutes > filter.maxMinutes) return false;
  if (filter.modality && item.modality !== filter.modality) return false;
  if (filter.area && item.area !== filter.area) return false;
  return true;
}

/** The distinct durations of a list, smallest first: the "at most N minutes" choices. */
export const minuteChoices = (items: readonly { minutes: number }[]) => [...new Set(items.map((i) => i.minutes))].sort((a, b) => a - b);

export const isFiltered = (f: ListFilter) => f.domain !== null || f.maxMinutes !== null || f.modality !== null || f.area !== null;
