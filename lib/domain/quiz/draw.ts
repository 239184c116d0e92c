import { hasTag, TRUE_FALSE_IDS, type QuestionDef, type QuizDef } from '@/lib/content/schemas/quiz';
import { createRandom, shuffle, type Random } from './random';
import type { Paper } from './types';

function optionOrder(question: QuestionDef, random: Random): string[] {
  // True/false keeps True before False: shuffling them only confuses.
  if (question.type === 'true-false') return [...TRUE_FALSE_IDS];
  return shuffle(question.options.map((o) => o.id), random);
}

/**
 * Draws an attempt's paper, deterministic for a seed: first each byTag minimum (a question counts for
 * every tag it carries, so one may satisfy several), then random questions up to draw.count; the
 * chosen questions are then shuffled, and so are each question's options (true/false stays t, f).
 */
export function drawQuestions(quiz: QuizDef, seed: number): Paper {
  const random = createRandom(seed);
  const pool = shuffle(quiz.questions, random);
  const chosen = new Set<QuestionDef>();
  for (const rule of quiz.draw.byTag) {
    let have = [...chosen].filter((q) => hasTag(q, rule.tag)).length;
    for (const question of pool) {
      if (have >= rule.count) break;
      if (chosen.has(question) || !hasTag(question, rule.tag)) continue;
      chosen.add(question);
      have++;
    }
  }
  for (const question of pool) {
    if (chosen.size >= quiz.draw.count) break;
    chosen.add(question);
  }
  return shuffle([...chosen], random).map((question) => ({
    questionId: question.id,
    optionOrder: optionOrder(question, random),
  }));
}
