import type { MetadataRoute } from 'next';
import { absoluteUrl } from '@/lib/env';

// Built per request: the sitemap's address comes from PUBLIC_URL (or the port in use), not the build machine.
export const dynamic = 'force-dynamic';

export default function robots(): MetadataRoute.Robots {
  return { rules: [{ userAgent: '*', allow: '/', disallow: ['/api/', '/profile', '/progress', '/admin', '/lite/'] }], sitemap: absoluteUrl('/sitemap.xml') };
}
