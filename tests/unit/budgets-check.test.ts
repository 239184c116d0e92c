// The budget check itself, on a small fake build: it passes a lean lesson and fails when a large
// dependency, a blocking script, a stylesheet link, a web font, HTML grown past its budget or a
// script on a low-data page is added.
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { checkBudgets } from '@/lib/budgets/check';

let dist: string;
const write = (file: string, content: string | Buffer) => {
  const full = path.join(dist, file);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, content);
};
/** Incompressible JavaScript of about `kb` kilobytes gzipped, like a real minified library. */
const jsOf = (kb: number) => `var x="${randomBytes(kb * 1024).toString('base64')}";`;
const css = Array.from({ length: 60 }, (_, i) => `.lesson-${i}{margin-top:${i / 4}rem}`).join('');
/** A lesson as Next writes it with inlineCss: the CSS in a <style>, and again in the RSC payload (`copies` in all). */
const lesson = (extra = '', copies = 3, body = '') =>
  `<!DOCTYPE html><html><head><style data-precedence="next" data-href="/_next/static/chunks/app.css">${css}</style><script src="/_next/static/chunks/runtime.js" async=""></script><script src="/_next/static/chunks/lesson.js" async=""></script>${extra}</head><body><h1>Lesson</h1>${body}${`<script>self.__next_f.push([1,"2:T1f4,${css}"])</script>`.repeat(copies - 1)}</body></html>`;

beforeEach(() => {
  dist = mkdtempSync(path.join(os.tmpdir(), 'budgets-'));
  write('build-manifest.json', JSON.stringify({ rootMainFiles: ['static/chunks/runtime.js'] }));
  write('static/chunks/runtime.js', jsOf(60));
  write('static/chunks/lesson.js', jsOf(8));
  write('static/chunks/polyfill.js', jsOf(40));
  write('static/chunks/app.css', 'body{margin:0}'.repeat(200));
  write('server/app/en/modules/intro/first.html', lesson('<script src="/_next/static/chunks/polyfill.js" noModule=""></script>'));
  write('server/app/ur/modules/intro/first.html', lesson());
  write('public/fonts/nastaliq.css', '@font-face{font-family:"Noto Nastaliq Urdu";src:url(/fonts/noto-nastaliq-urdu-arabic-400.woff2)}');
  write('public/fonts/noto-nastaliq-urdu-arabic-400.woff2', randomBytes(150 * 1024));
  write('server/app/lite/modules/intro/first.body', '<!DOCTYPE html><html><head><style>body{margin:0}</style></head><body><h1>Lesson</h1></body></html>');
});
afterEach(() => rmSync(dist, { recursive: true, force: true }));
const check = () => checkBudgets(dist, path.join(dist, 'public'));

describe('checkBudgets', () => {
  test('weighs the Urdu lessons too, under their /ur URL, and the opt-in Nastaliq font apart', () => {
    const report = check();
    expect(report.failures).toEqual([]);
    expect(report.urdu.map((w) => w.page)).toEqual(['/ur/modules/intro/first']);
    expect(report.lessons.map((w) => w.page)).toEqual(['/modules/intro/first']);
    expect(report.nastaliq).toBeGreaterThan(150 * 1024);
  });

  test('fails an Urdu lesson over its budget, a missing Urdu lesson, and a Nastaliq font past 160 kB', () => {
    write('server/app/ur/modules/intro/first.html', lesson('', 3, `<p>${randomBytes(50 * 1024).toString('base64')}</p>`));
    write('server/app/en/modules/intro/second.html', lesson());
    write('public/fonts/noto-nastaliq-urdu-arabic-400.woff2', randomBytes(170 * 1024));
    const { failures } = check();
    expect(failures).toContain('1 Urdu lesson pages prerendered for 2 English ones');
    expect(failures.some((f) => /^\/ur\/modules\/intro\/first: HTML with its inlined CSS 5\d\.\d kB/.test(f))).toBe(true);
    expect(failures.some((f) => /^the Nastaliq font costs 1[67]\d\.\d kB \(budget 160\.0 kB\)$/.test(f))).toBe(true);
  });

  test('passes a lean lesson, counting the runtime apart from our own code and skipping legacy polyfills', () => {
    const report = check();
    expect(report.failures).toEqual([]);
    const [w] = report.lessons;
    expect(w?.frameworkJs).toBeGreaterThan(55 * 1024);
    expect(w?.ownJs).toBeGreaterThan(6 * 1024);
    expect(w?.ownJs).toBeLessThan(10 * 1024);
  });

  test('fails when a large dependency is added to a lesson page', () => {
    write('static/chunks/chart-library.js', jsOf(140));
    write('server/app/en/modules/intro/first.html', lesson('<script src="/_next/static/chunks/chart-library.js" async=""></script>'));
    const { failures } = check();
    expect(failures).toEqual([expect.stringMatching(/^\/modules\/intro\/first: 1\d\d\.\d kB of our own JavaScript \(budget 25\.0 kB\)$/), expect.stringMatching(/first view 2\d\d\.\d kB \(budget 180\.0 kB\)$/)]);
  });

  test('counts the inlined CSS as part of the HTML, copies and all', () => {
    const [w] = check().lessons;
    expect(w?.stylesheets).toBe(0);
    expect(w?.css).toBe(0);
    expect(w?.inlineCss).toBeGreaterThan(0);
    expect(w?.cssCopies).toBe(3);
  });

  test('fails on a render-blocking script, a stylesheet link or a web font', () => {
    write('static/chunks/more.css', '@font-face{font-family:X;src:url(/x.woff2)}');
    write('static/chunks/sync.js', jsOf(1));
    write('server/app/en/modules/intro/first.html', lesson('<script src="/_next/static/chunks/sync.js"></script><link rel="stylesheet" href="/_next/static/chunks/more.css"/>'));
    const { failures } = check();
    expect(failures).toContain('/modules/intro/first: 1 render-blocking script(s)');
    expect(failures).toContain('/modules/intro/first: 1 stylesheet link(s) hold up the first paint (the CSS is meant to be inlined)');
    expect(failures.some((f) => f.includes('web fonts'))).toBe(true);
  });

  test('fails a lesson whose CSS is not inlined, or is copied into its HTML a fourth time', () => {
    const linked = lesson().replace(/<style[^>]*>[^<]*<\/style>/, '<link rel="stylesheet" href="/_next/static/chunks/app.css"/>');
    write('server/app/en/modules/intro/first.html', linked);
    write('server/app/en/modules/intro/second.html', lesson('', 4));
    const { failures } = check();
    expect(failures).toContain('/modules/intro/first: no inlined CSS (is experimental.inlineCss still on in next.config.mjs?)');
    expect(failures).toContain('/modules/intro/second: the stylesheet is in its HTML 4 times (at most 3)');
  });

  test('fails a lesson whose HTML, with its inlined CSS, grows past 45 kB', () => {
    write('server/app/en/modules/intro/first.html', lesson('', 3, `<p>${randomBytes(50 * 1024).toString('base64')}</p>`));
    const { failures } = check();
    expect(failures).toEqual([expect.stringMatching(/^\/modules\/intro\/first: HTML with its inlined CSS 5\d\.\d kB \(budget 45\.0 kB\)$/)]);
  });

  test('fails a low-data page that loads any script or grows past 30 kB', () => {
    write('server/app/lite/modules/intro/first.body', `<html><head><script src="/_next/static/chunks/lesson.js"></script></head><body>${randomBytes(40 * 1024).toString('base64')}</body></html>`);
    const { failures } = check();
    expect(failures).toContain('/lite/modules/intro/first: a low-data page loads 1 script(s)');
    expect(failures.some((f) => /^\/lite\/modules\/intro\/first: \d+\.\d kB \(low-data budget 30\.0 kB\)$/.test(f))).toBe(true);
  });

  test('refuses a folder that is not a production build', () => {
    rmSync(path.join(dist, 'server'), { recursive: true });
    expect(check().failures[0]).toMatch(/no prerendered lesson pages/);
  });
});
