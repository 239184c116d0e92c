// Accessibility scans for the end-to-end tests (axe-core in the real page).
import AxeBuilder from '@axe-core/playwright';
import { type Page, expect } from '@playwright/test';

/**
 * The page's axe violations, scanned once the page has settled. Next.js streams a page's metadata
 * after its content, so just after a client-side navigation (a server action's redirect, a search
 * parameter change) the document can be without its <title> for a moment; scanning then reports
 * `document-title` for a page that has one. Waiting for the title first scans the page a reader gets.
 */
export async function axeViolations(page: Page, tags?: string[]) {
  await expect(page).toHaveTitle(/\S/);
  const builder = new AxeBuilder({ page });
  return (await (tags ? builder.withTags(tags) : builder).analyze()).violations;
}

/** No serious or critical violation, each reported by rule, help text, how many nodes break it and the first of them. */
export async function expectNoSeriousViolations(page: Page, tags?: string[]) {
  const serious = (await axeViolations(page, tags)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
  // The first nodes' selectors come along, so a failure says where to look without a re-run.
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length}: ${v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} ${n.failureSummary ?? ''}`).join(' | ')})`)).toEqual([]);
}
