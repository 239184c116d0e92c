import type { MetadataRoute } from 'next';
import { getCatalog } from '@/lib/content';
import { absoluteUrl } from '@/lib/env';

// Built per request: every address comes from PUBLIC_URL (or the port in use), not the build machine.
export const dynamic = 'force-dynamic';

/** Every public page: home, catalogue, modules and lessons. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const { modules } = await getCatalog();
  return [
    { url: absoluteUrl('/'), changeFrequency: 'monthly', priority: 1 },
    { url: absoluteUrl('/modules'), changeFrequency: 'weekly', priority: 0.9 },
    ...modules.flatMap((m) => [
      { url: absoluteUrl(`/modules/${m.slug}`), changeFrequency: 'monthly' as const, priority: 0.8 },
      ...m.lessons.map((l) => ({ url: absoluteUrl(`/modules/${m.slug}/${l.slug}`), changeFrequency: 'monthly' as const, priority: 0.7 })),
    ]),
  ];
}
