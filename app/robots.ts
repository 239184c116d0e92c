import type { MetadataRoute } from 'next';

const base = process.env.PUBLIC_URL || 'http://localhost:3000';

export default function robots(): MetadataRoute.Robots {
  return { rules: [{ userAgent: '*', allow: '/', disallow: ['/api/', '/profile', '/progress', '/admin'] }], sitemap: `${base}/sitemap.xml` };
}
