// Quiz helpers for the end-to-end tests: the banks read from content/ (never from the browser),
// and the steps a learner takes through an attempt.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type Page, expect } from '@playwright/test';
import { parse } from 'yaml';
import { type QuizDef, quizSchema } from '@/lib/content/schemas/quiz';

// The banks as the tests know them: read from content/, never from the browser.
export function bank(id: string): QuizDef {
  return quizSchema.parse(parse(readFileSync(path.join(process.cwd(), 'content', 'quizzes', `${id}.yaml`), 'utf8')));
}

export function questionOf(quiz: QuizDef, id: string) {
  const question = quiz.questions.find((q) => q.id === id);
  if (!question) throw new Error(`no question ${id} in ${quiz.id}`);
  return question;
}

/**
 * Runs of plain words from a text, long enough to be unique to it. Quotes, apostrophes and dashes
 * are escaped differently in HTML and in the RSC payload, so only the runs between them are compared.
 */
export function fragments(text: string): string[] {
  return (text.replace(/\s+/g, ' ').match(/[A-Za-z0-9 ,.]{24,}/g) ?? []).map((f) => f.trim()).filter((f) => f.length >= 24);
}

export const attemptUrl = /\/quizzes\/[a-z-]+\/attempts\/[0-9a-f-]{36}/;

export async function startQuiz(page: Page, quizId: string) {
  await page.goto(`/quizzes/${quizId}`);
  await page.getByRole('button', { name: /^Start (the quiz|a new attempt)$/ }).click();
  await expect(page).toHaveURL(attemptUrl);
  return page.url().replace(/[?#].*$/, '');
}

/** The question ids on the attempt's paper, in order, read from the all-on-one-page view. */
export async function paperIds(page: Page, attempt: string): Promise<string[]> {
  await page.goto(`${attempt}?view=all`);
  return page.locator('[data-question-id]').evaluateAll((els) => els.map((el) => el.getAttribute('data-question-id') ?? ''));
}

/** Answers each question on the page with exactly its key, except those in `skip`, then waits for the save. */
export async function answerWithKey(page: Page, quiz: QuizDef, skip: readonly string[] = []) {
  const ids = await page.locator('[data-question-id]').evaluateAll((els) => els.map((el) => el.getAttribute('data-question-id') ?? ''));
  for (const id of ids.filter((i) => !skip.includes(i))) {
    const { key } = questionOf(quiz, id);
    for (const input of await page.locator(`[data-question-id="${id}"] input`).all()) {
      const chosen = key.includes((await input.getAttribute('value')) ?? '');
      if (chosen || (await input.getAttribute('type')) === 'checkbox') await input.setChecked(chosen);
    }
  }
  await expect(page.getByTestId('save-status')).toHaveText('✓ Answers saved');
}

export async function submitFromConfirm(page: Page) {
  await page.getByRole('button', { name: 'Submit attempt' }).click();
  await expect(page).toHaveURL(/\/result$/);
}
