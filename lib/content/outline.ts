import type { Module } from './load-modules';

/** The shape lib/domain/curriculum needs from a loaded module. */
export function outline(m: Module) {
  return { slug: m.slug, lessons: m.lessons.map((l) => ({ slug: l.slug, minutes: l.meta.minutes })) };
}
