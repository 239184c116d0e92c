// Runs after `next build` (npm test does): every lesson of the real production build within its budgets.
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { budgets, checkBudgets } from '@/lib/budgets/check';

const distDir = path.join(process.cwd(), process.env.NEXT_DIST_DIR || '.next');

describe('byte budgets of the production build', () => {
  const report = checkBudgets(distDir);

  test('every lesson and low-data lesson is within its budget', () => {
    expect(report.failures).toEqual([]);
    expect(report.lessons.length).toBeGreaterThan(40);
    expect(report.lite.length).toBe(report.lessons.length);
    // Every lesson is prerendered in Urdu too (its chrome in Urdu, its body in English), within the same budgets.
    expect(report.urdu.length).toBe(report.lessons.length);
  });

  test('the opt-in Nastaliq font is counted: an Urdu lesson with it stays within the lesson budget plus the font budget', () => {
    const worst = Math.max(...report.urdu.map((w) => w.total));
    console.log(`largest Urdu lesson ${(worst / 1024).toFixed(1)} kB without the Nastaliq font, ${((worst + report.nastaliq) / 1024).toFixed(1)} kB with it (font ${(report.nastaliq / 1024).toFixed(1)} kB of ${budgets.nastaliqFont / 1024} kB)`);
    expect(report.nastaliq).toBeGreaterThan(100 * 1024);
    expect(report.nastaliq).toBeLessThanOrEqual(budgets.nastaliqFont);
    expect(worst + report.nastaliq).toBeLessThanOrEqual(budgets.lessonTotal + budgets.nastaliqFont);
    // Without the opt-in an Urdu lesson names no font at all.
    for (const w of report.urdu) expect(w.fonts).toEqual([]);
  });

  test('the numbers are real: lessons carry the framework and some script of ours; low-data pages none', () => {
    const worst = Math.max(...report.lessons.map((w) => w.total));
    const html = Math.max(...report.lessons.map((w) => w.html));
    console.log(`largest lesson first view ${(worst / 1024).toFixed(1)} kB of ${budgets.lessonTotal / 1024} kB (HTML with inlined CSS ${(html / 1024).toFixed(1)} kB of ${budgets.lessonHtml / 1024} kB); largest low-data page ${(Math.max(...report.lite.map((w) => w.total)) / 1024).toFixed(1)} kB`);
    for (const w of report.lessons) {
      expect(w.frameworkJs).toBeGreaterThan(20 * 1024);
      expect(w.ownJs).toBeGreaterThan(0);
      // The stylesheet comes inlined in the HTML (a real one, not an empty tag), and no link waits for it.
      expect(w.stylesheets).toBe(0);
      expect(w.inlineCss).toBeGreaterThan(2 * 1024);
      expect(w.cssCopies).toBeGreaterThanOrEqual(1);
    }
    for (const w of report.lite) expect(w.scripts + w.css + w.frameworkJs + w.ownJs).toBe(0);
  });
});
