// First paint on a slow link: the largest contentful paint of four pages a learner opens first,
// each from a cold cache under Chrome's Slow 3G profile (bench/browser.ts), with the session a
// person would have there. The lesson has a target (issue 20): its text paints when the HTML
// arrives, one round trip (≈ 2.0 s) plus a little.
import type { Browser } from '@playwright/test';
import { type Slow3g, slow3gFirstView } from './browser';
import { send } from './http';
import { progress } from './proc';

export type PaintRow = Slow3g & { label: string; path: string; targetMs?: number };

/** The lesson's LCP target on Slow 3G. */
export const lessonLcpTargetMs = 2500;

/** LCP and friends for the lesson, the home page, the module list and a case brief (signed in, as it must be). */
export async function slow3gPages(browser: Browser, baseUrl: string, paths: { lesson: string; caseBrief: string }, learnerCookie: string): Promise<PaintRow[]> {
  const pages = [
    { label: 'Lesson (prerendered)', path: paths.lesson, targetMs: lessonLcpTargetMs },
    { label: 'Home', path: '/' },
    { label: 'Module list', path: '/modules' },
    { label: 'Consult case brief, demo learner', path: paths.caseBrief, cookie: learnerCookie },
  ];
  const rows: PaintRow[] = [];
  for (const page of pages) {
    progress(`  Slow 3G: ${page.path}`);
    // One request first, so the row measures the link and not the server's first render of the page.
    await send({ url: `${baseUrl}${page.path}`, headers: page.cookie ? { cookie: page.cookie } : {} });
    const timings = await slow3gFirstView(browser, `${baseUrl}${page.path}`, page.cookie);
    rows.push({ label: page.label, path: page.path, ...(page.targetMs ? { targetMs: page.targetMs } : {}), ...timings });
  }
  return rows;
}
