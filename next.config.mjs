import createNextIntlPlugin from 'next-intl/plugin';

const isDev = process.env.NODE_ENV === 'development';

// Next.js streams its React Server Components payload in inline <script> tags and adds inline
// style attributes, so script-src and style-src need 'unsafe-inline'. Nonces would avoid that, but
// they force every page to render per request and would end static, cacheable lessons. Everything
// else is limited to our own origin. 'unsafe-eval' is added in development only (React's dev tools).
const csp = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ''}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const securityHeaders = [
  { key: 'Content-Security-Policy', value: csp },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  ...(isDev ? [] : [{ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' }]),
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Separate build folders let two builds (two developers' test runs) share one checkout.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  // content/ (and the certificate's Arabic-script font) are read at run time: ship them with serverless deployments.
  outputFileTracingIncludes: { '/**': ['./content/**/*', './lib/certification/fonts/*'] },
  reactStrictMode: true,
  // `npm test` type-checks the whole project first; its build need not do it again.
  typescript: { ignoreBuildErrors: process.env.SKIP_BUILD_TYPECHECK === '1' },
  // PGlite must not be bundled (its wasm and data files are loaded from node_modules at run time).
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2'],
  // Server action bodies above 2 MB are refused (scripts/serve.mjs answers 413 before Next.js sees them).
  experimental: {
    authInterrupts: true,
    // Every page lives under app/[locale] (a dynamic root layout): a URL matching no route gets app/global-not-found.tsx.
    globalNotFound: true,
    serverActions: { bodySizeLimit: '2mb' },
    // The one stylesheet (about 6 kB gzipped) goes into each page's HTML as a <style>: on a 2 s
    // round trip a <link> costs a second round trip before any text paints. Inlined CSS is sent
    // again with every full page load and is not cached; client navigations still fetch the
    // cached file (Next renders a <link> into RSC payloads), and lib/budgets counts the HTML
    // with it. Low-data pages are route handlers with their own inline CSS, unaffected.
    inlineCss: true,
  },
  async rewrites() {
    return {
      // Low-data mode (the same lesson URL serves the script-free page) is decided in proxy.ts,
      // which also routes the languages: a rewrite here would never see the locale-rewritten URL.
      afterFiles: [{ source: '/.well-known/jwks.json', destination: '/api/credentials/keys' }],
    };
  },
  async headers() {
    return [
      // Except the LTI answers that send their own, narrower headers: the Deep Linking answer, which must
      // post to the LMS (lib/lti/auto-post.ts); the Dynamic Registration pages, framed by the registering
      // LMS (registration-page.ts); the launch and its first-party hop, framed by an embedded platform's
      // origins only, 'none' otherwise (embedded-page.ts).
      { source: '/:path((?!api/lti/deep-link$|api/lti/launch$|api/lti/continue$|lti/register/).*)', headers: securityHeaders },
      // The service worker is always checked for a new version; its scope is the whole site.
      { source: '/sw.js', headers: [{ key: 'Cache-Control', value: 'no-cache' }] },
    ];
  },
};

// next-intl reads i18n/request.ts for each request's messages and formats.
export default createNextIntlPlugin('./i18n/request.ts')(nextConfig);
