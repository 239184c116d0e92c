import type { MetadataRoute } from 'next';
import { getCatalog } from '@/lib/content';

const base = process.env.PUBLIC_URL || 'http://localhost:3000';

/** Every public page: home, catalogue, modules and lessons. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const { modules } = await getCatalog();
  return [
    { url: `${base}/`, changeFrequency: 'monthly', priority: 1 },
    { url: `${base}/modules`, changeFrequency: 'weekly', priority: 0.9 },
    ...modules.flatMap((m) => [
      { url: `${base}/modules/${m.slug}`, changeFrequency: 'monthly' as const, priority: 0.8 },
      ...m.lessons.map((l) => ({ url: `${base}/modules/${m.slug}/${l.slug}`, changeFrequency: 'monthly' as const, priority: 0.7 })),
    ]),
  ];
}
