// What needs a real browser: signing in through the forms (for session cookies), driving the quiz
// and consult UIs once to capture their server-action POSTs for replay, and the Slow 3G LCP.
import { randomBytes } from 'node:crypto';
import { type Browser, type BrowserContext, type Page, chromium } from '@playwright/test';
import { defer } from './cleanup';

/** A server-action POST as the browser sent it, ready to be replayed with the given session cookie. */
export type CapturedAction = { url: string; headers: Record<string, string>; body: Buffer };
export type Slow3g = { lcpMs: number | null; ttfbMs: number; domContentLoadedMs: number; loadMs: number };

/** Chrome DevTools' "Slow 3G" preset, as Puppeteer defines it: 2 s latency, 50,000 bytes/s each way. */
const slow3g = { offline: false, latency: 2000, downloadThroughput: 50_000, uploadThroughput: 50_000 };
/** Evaluated in the page after load (a string: tsx would add helpers the page does not have to a function). */
const readTimings = `new Promise((resolve) => {
  const nav = performance.getEntriesByType('navigation')[0];
  const timing = { domContentLoadedMs: nav.domContentLoadedEventEnd, loadMs: nav.loadEventEnd };
  const done = (lcpMs) => resolve({ lcpMs, ...timing });
  new PerformanceObserver((list) => done(list.getEntries().at(-1)?.startTime ?? null)).observe({ type: 'largest-contentful-paint', buffered: true });
  setTimeout(() => done(null), 3000); // no LCP entry at all
})`;
const headersNotReplayed = new Set(['host', 'content-length', 'connection', 'cookie', 'accept-encoding']);

/** Launches the system Chromium, closed at cleanup. */
export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  defer(() => browser.close());
  return browser;
}

/**
 * Runs `fn` on a page of a fresh context (cold cache, no cookies; service workers are blocked so
 * every request is seen and routable), and closes the context afterwards.
 */
async function inFreshContext<T>(browser: Browser, baseUrl: string, fn: (page: Page, context: BrowserContext) => Promise<T>): Promise<T> {
  const context = await browser.newContext({ baseURL: baseUrl, serviceWorkers: 'block' });
  try {
    return await fn(await context.newPage(), context);
  } finally {
    await context.close();
  }
}

/** The Cookie header the context would send to `baseUrl`. */
async function cookieHeader(context: BrowserContext, baseUrl: string): Promise<string> {
  const cookies = await context.cookies(baseUrl);
  return cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}

/** Signs in through the form, as a person would, and waits to leave the sign-in page. */
async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

/** Signs in as `email` in a new context and returns that session's Cookie header. */
export async function sessionCookie(browser: Browser, baseUrl: string, email: string, password: string): Promise<string> {
  return inFreshContext(browser, baseUrl, async (page, context) => {
    await signIn(page, email, password);
    return cookieHeader(context, baseUrl);
  });
}

/** Creates a new learner through the sign-up form (signed in afterwards). */
async function signUpFreshLearner(page: Page): Promise<void> {
  await page.goto('/sign-up');
  await page.getByLabel('Full name').fill('Bench Learner');
  await page.getByLabel('Email').fill(`bench-${randomBytes(4).toString('hex')}@example.test`);
  await page.getByLabel('Password').fill(randomBytes(12).toString('base64url'));
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL(/\/(welcome|profile)$/); // the welcome since issue 22; the profile in a --before checkout
}

/**
 * Runs `act` and captures the first server-action POST it causes (a request with a Next-Action
 * header). `send` lets it reach the server; otherwise it is stopped in the browser, unsent.
 */
async function captureAction(page: Page, act: () => Promise<void>, send: boolean): Promise<CapturedAction> {
  let found: (action: CapturedAction) => void = () => {};
  const captured = new Promise<CapturedAction>((resolve) => (found = resolve));
  await page.route('**/*', async (route) => {
    const request = route.request();
    const headers = await request.allHeaders();
    if (request.method() !== 'POST' || !headers['next-action']) return route.fallback();
    found({ url: request.url(), headers, body: request.postDataBuffer() ?? Buffer.alloc(0) });
    return send ? route.fallback() : route.abort();
  });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('no server-action request was sent')), 30_000)));
  try {
    await act();
    return await Promise.race([captured, timeout]);
  } finally {
    clearTimeout(timer);
    await page.unrouteAll({ behavior: 'wait' });
  }
}

/** The captured request with the headers a replay needs: the session cookie, gzip, and the page's origin. */
async function forReplay(action: CapturedAction, context: BrowserContext, baseUrl: string): Promise<CapturedAction> {
  const kept = Object.entries(action.headers).filter(([name]) => !name.startsWith(':') && !headersNotReplayed.has(name));
  const headers = { origin: baseUrl, ...Object.fromEntries(kept), cookie: await cookieHeader(context, baseUrl), 'accept-encoding': 'gzip' };
  return { ...action, headers };
}

/**
 * As a new learner: starts the quiz, changes one answer (the save it sends is captured and let
 * through) and presses Submit (captured but not sent, so the attempt stays open for the replays).
 */
export async function captureQuizActions(browser: Browser, baseUrl: string, quizId: string): Promise<{ save: CapturedAction; submit: CapturedAction }> {
  return inFreshContext(browser, baseUrl, async (page, context) => {
    await signUpFreshLearner(page);
    await page.goto(`/quizzes/${quizId}`);
    await page.getByRole('button', { name: 'Start the quiz' }).click();
    await page.waitForURL(/\/attempts\/[0-9a-f-]{36}/);
    const attemptUrl = page.url().replace(/[?#].*$/, '');
    const save = await captureAction(page, () => page.locator('[data-question-id] input').first().check(), true);
    await page.getByTestId('save-status').getByText('Answers saved').waitFor();
    await page.goto(`${attemptUrl}?confirm=1`);
    const submit = await captureAction(page, () => page.getByRole('button', { name: 'Submit attempt' }).click(), false);
    return { save: await forReplay(save, context, baseUrl), submit: await forReplay(submit, context, baseUrl) };
  });
}

/** As a new learner: starts the consult and presses its first choice (captured but not sent: the replay takes that step). */
export async function captureConsultStep(browser: Browser, baseUrl: string, caseId: string): Promise<CapturedAction> {
  return inFreshContext(browser, baseUrl, async (page, context) => {
    await signUpFreshLearner(page);
    await page.goto(`/consults/${caseId}`);
    await page.getByRole('button', { name: 'Start the consult' }).click();
    await page.waitForURL(/\/room$/);
    const firstChoice = page.locator('form:has(input[name="choiceId"]) button[type="submit"]').first();
    const step = await captureAction(page, () => firstChoice.click(), false);
    return forReplay(step, context, baseUrl);
  });
}

/**
 * Loads `url` cold under Slow 3G (with the session `cookie`, if given) and reads LCP (buffered PerformanceObserver), DOMContentLoaded and
 * load from the page, and the time to the HTML's response headers from DevTools' network events (the
 * page's own responseStart is taken before the emulated latency is applied, so it is not used).
 */
export async function slow3gFirstView(browser: Browser, url: string, cookie?: string): Promise<Slow3g> {
  return inFreshContext(browser, new URL(url).origin, async (page, context) => {
    if (cookie) await context.setExtraHTTPHeaders({ cookie });
    const cdp = await context.newCDPSession(page);
    const html = { sent: 0, headers: 0 };
    cdp.on('Network.requestWillBeSent', (e) => {
      if (e.type === 'Document') html.sent ||= e.timestamp;
    });
    cdp.on('Network.responseReceived', (e) => {
      if (e.type === 'Document') html.headers ||= e.timestamp;
    });
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', slow3g);
    await page.goto(url, { waitUntil: 'load', timeout: 180_000 });
    const timings = await page.evaluate<Omit<Slow3g, 'ttfbMs'>>(readTimings);
    return { ...timings, ttfbMs: (html.headers - html.sent) * 1000 };
  });
}
