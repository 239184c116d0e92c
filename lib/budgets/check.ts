// Byte budgets, read from a production build (.next): what a page's first view costs over the wire.
// Our learners pay per megabyte on 2G/3G, so a page that grows past its budget fails the tests.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export const budgets = {
  /** A lesson's own JavaScript beyond the framework's runtime, gzipped. */
  lessonOwnJs: 25 * 1024,
  /** A lesson's whole first view: HTML, CSS and every script it loads, gzipped (video and images load on demand). */
  lessonTotal: 180 * 1024,
  /**
   * A lesson's HTML with the stylesheet inlined into it (next.config.mjs, inlineCss), gzipped. At
   * Slow 3G's 50 kB/s each 10 kB is 0.2 s more before the page is complete; the text itself
   * arrives earlier, ahead of the RSC payload at the end of the document.
   */
  lessonHtml: 45 * 1024,
  /** A low-data lesson page, gzipped; it must load no script at all. */
  lite: 30 * 1024,
  /**
   * The opt-in Nastaliq font for Urdu pages (its stylesheet and the Arabic-script woff2, gzipped):
   * paid once, only by a device that chose it in /settings/data, never in low-data mode.
   */
  nastaliqFont: 160 * 1024,
} as const;

/** The files the opt-in Nastaliq font loads (public/fonts; app/[locale]/layout.tsx adds the stylesheet). */
export const nastaliqFiles = ['fonts/nastaliq.css', 'fonts/noto-nastaliq-urdu-arabic-400.woff2'] as const;

/** What the opt-in Nastaliq font costs over the wire, gzipped (a woff2 barely shrinks). */
export function nastaliqWeight(publicDir: string): number {
  return nastaliqFiles.reduce((sum, file) => sum + gz(readFileSync(path.join(publicDir, file))), 0);
}

export type PageWeight = {
  page: string;
  html: number;
  /** Of `html`: the CSS inlined in <style> elements, gzipped on its own. */
  inlineCss: number;
  /** How many times the inlined stylesheet's text is in the HTML (the <style>, and its copies in the RSC payload). */
  cssCopies: number;
  css: number;
  frameworkJs: number;
  ownJs: number;
  total: number;
  /** Scripts and stylesheets that hold up the first paint (beyond the document itself). */
  stylesheets: number;
  blockingScripts: number;
  scripts: number;
  fonts: string[];
};

const gz = (data: Buffer | string) => gzipSync(data, { level: 9 }).length;
const attr = (tag: string, name: string) => new RegExp(`\\s${name}=["']([^"']*)["']`).exec(tag)?.[1];

/** The App Router's runtime chunks (React, the router): the same on every page, not ours to trim. */
export function frameworkFiles(distDir: string): Set<string> {
  const manifest = JSON.parse(readFileSync(path.join(distDir, 'build-manifest.json'), 'utf8')) as { rootMainFiles?: string[] };
  return new Set((manifest.rootMainFiles ?? []).map((f) => `/_next/${f}`));
}

/** Weighs one prerendered page: the HTML and every script and stylesheet it references, each gzipped. */
export function weighPage(distDir: string, page: string, html: string, framework: ReadonlySet<string>): PageWeight {
  const weight: PageWeight = { page, html: gz(html), inlineCss: 0, cssCopies: 0, css: 0, frameworkJs: 0, ownJs: 0, total: 0, stylesheets: 0, blockingScripts: 0, scripts: 0, fonts: [] };
  const asset = (href: string) => readFileSync(path.join(distDir, href.replace(/^\/_next\//, '')));
  const seen = new Set<string>();
  for (const tag of html.match(/<script\b[^>]*>/g) ?? []) {
    const src = attr(tag, 'src');
    if (!src || seen.has(src) || /\snomodule\b/i.test(tag)) continue; // legacy polyfills: modern browsers skip them
    seen.add(src);
    weight.scripts++;
    if (!/\s(async|defer)\b/.test(tag) && !/type=["']module/.test(tag)) weight.blockingScripts++;
    const size = gz(asset(src));
    if (framework.has(src)) weight.frameworkJs += size;
    else weight.ownJs += size;
  }
  for (const tag of html.match(/<link\b[^>]*>/g) ?? []) {
    const rel = attr(tag, 'rel') ?? '';
    const href = attr(tag, 'href') ?? '';
    if (rel === 'preload' && attr(tag, 'as') === 'font') weight.fonts.push(href);
    if (rel !== 'stylesheet' || seen.has(href)) continue;
    seen.add(href);
    weight.stylesheets++;
    const css = asset(href);
    weight.css += gz(css);
    if (/@font-face/.test(css.toString('utf8'))) weight.fonts.push(`${href} declares @font-face`);
  }
  const styles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
  weight.inlineCss = styles.reduce((sum, css) => sum + (css ? gz(css) : 0), 0);
  // The RSC payload repeats the stylesheet inside a JS string: count a stretch with no quotes or backslashes.
  const marker = styles.reduce((a, b) => (b.length > a.length ? b : a), '').slice(0, 200).split(/["'\\]/)[0] ?? '';
  weight.cssCopies = marker.length >= 40 ? html.split(marker).length - 1 : 0;
  if (/@font-face/.test(html)) weight.fonts.push('inline @font-face');
  weight.total = weight.html + weight.css + weight.frameworkJs + weight.ownJs;
  return weight;
}

/** Prerendered files under server/app matching a suffix, one folder level per segment. */
function prerendered(distDir: string, dir: string, suffix: string): string[] {
  const root = path.join(distDir, 'server', 'app', dir);
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => readdirSync(path.join(root, d.name)).filter((f) => f.endsWith(suffix)).map((f) => path.join(root, d.name, f)));
}

export type BudgetReport = { failures: string[]; lessons: PageWeight[]; urdu: PageWeight[]; lite: PageWeight[]; nastaliq: number };

/** Checks every prerendered lesson (English, Urdu and low-data) of a build against the budgets. */
export function checkBudgets(distDir: string, publicDir = path.join(distDir, '..', 'public')): BudgetReport {
  const framework = frameworkFiles(distDir);
  const failures: string[] = [];
  const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
  // The URL: en/modules/x/y is /modules/x/y (English has no prefix), ur/modules/x/y is /ur/modules/x/y.
  const name = (file: string) => path.relative(path.join(distDir, 'server', 'app'), file).replace(/\.(html|body)$/, '').replace(/^en\//, '');
  const weigh = (file: string) => weighPage(distDir, `/${name(file)}`, readFileSync(file, 'utf8'), framework);
  // Pages live under app/[locale]: /modules is prerendered as en/modules, /ur/modules as ur/modules.
  const english = prerendered(distDir, 'en/modules', '.html').map(weigh);
  const urdu = prerendered(distDir, 'ur/modules', '.html').map(weigh);
  const nastaliq = nastaliqWeight(publicDir);
  const lessons = [...english, ...urdu];
  const lite = prerendered(distDir, 'lite/modules', '.body').map((file) => weighPage(distDir, `/${name(file)}`, readFileSync(file, 'utf8'), framework));
  if (english.length === 0) failures.push(`no prerendered lesson pages under ${distDir}/server/app/en/modules: is this a production build?`);
  if (urdu.length !== english.length) failures.push(`${urdu.length} Urdu lesson pages prerendered for ${english.length} English ones`);
  if (nastaliq > budgets.nastaliqFont) failures.push(`the Nastaliq font costs ${kb(nastaliq)} (budget ${kb(budgets.nastaliqFont)})`);
  for (const w of urdu) {
    if (w.total + nastaliq > budgets.lessonTotal + budgets.nastaliqFont) failures.push(`${w.page}: first view with the Nastaliq font ${kb(w.total + nastaliq)}`);
  }
  if (lite.length === 0) failures.push(`no low-data lesson pages under ${distDir}/server/app/lite/modules`);
  for (const w of lessons) {
    if (w.ownJs > budgets.lessonOwnJs) failures.push(`${w.page}: ${kb(w.ownJs)} of our own JavaScript (budget ${kb(budgets.lessonOwnJs)})`);
    if (w.total > budgets.lessonTotal) failures.push(`${w.page}: first view ${kb(w.total)} (budget ${kb(budgets.lessonTotal)})`);
    if (w.html > budgets.lessonHtml) failures.push(`${w.page}: HTML with its inlined CSS ${kb(w.html)} (budget ${kb(budgets.lessonHtml)})`);
    // Its text paints when the document arrives: a stylesheet link would cost a second round trip first.
    if (w.stylesheets > 0) failures.push(`${w.page}: ${w.stylesheets} stylesheet link(s) hold up the first paint (the CSS is meant to be inlined)`);
    if (w.inlineCss === 0) failures.push(`${w.page}: no inlined CSS (is experimental.inlineCss still on in next.config.mjs?)`);
    // Next writes it three times: the <style>, and the RSC payload's copies for the root layout and
    // for the global-error boundary (vercel/next.js#98110, #98079). A fourth means another layout
    // or boundary started carrying it; when Next fixes those, fewer copies pass as they are.
    if (w.cssCopies > 3) failures.push(`${w.page}: the stylesheet is in its HTML ${w.cssCopies} times (at most 3)`);
    if (w.blockingScripts > 0) failures.push(`${w.page}: ${w.blockingScripts} render-blocking script(s)`);
    if (w.fonts.length > 0) failures.push(`${w.page}: web fonts (${w.fonts.join(', ')})`);
  }
  for (const w of lite) {
    if (w.scripts > 0) failures.push(`${w.page}: a low-data page loads ${w.scripts} script(s)`);
    if (w.stylesheets > 0) failures.push(`${w.page}: a low-data page loads a stylesheet (inline its CSS)`);
    if (w.total > budgets.lite) failures.push(`${w.page}: ${kb(w.total)} (low-data budget ${kb(budgets.lite)})`);
    if (w.fonts.length > 0) failures.push(`${w.page}: web fonts (${w.fonts.join(', ')})`);
  }
  return { failures, lessons: english, urdu, lite, nastaliq };
}
