import type { MetadataRoute } from 'next';

// Installable on Android ("Add to home screen"): a name, a start page, standalone display and icons
// of 192 and 512 px, one of them maskable (drawn by scripts/make-icons.mjs, no outside assets).
// The start page is the landing page, which is prerendered and saved by the offline worker's shell:
// signed-in people reach their home from the header in one tap.
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: 'TeleHealth Ready — telemedicine training',
    short_name: 'TeleHealth Ready',
    description: 'Free telemedicine training for medical students and doctors: lessons, virtual consults, quizzes and certificates, built for slow connections.',
    id: '/',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    orientation: 'portrait',
    background_color: '#f7f9fa',
    theme_color: '#0f5f68',
    lang: 'en',
    categories: ['education', 'medical'],
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  };
}
