// How answers travel in a form: a radio group named `answer.<question>` carries the chosen option;
// a checkbox is named `answer.<question>.<option>`, so a form flattened to one value per name
// still holds every ticked option. `shown` lists the questions on the page, so an unticked
// question is saved as cleared. Question and option ids are kebab-case, so the dot is safe.
import type { Answers } from '@/lib/domain/quiz';

const prefix = 'answer.';

/** The input name for a question's radio group, or for one checkbox when `optionId` is given. */
export function answerField(questionId: string, optionId?: string): string {
  return optionId === undefined ? `${prefix}${questionId}` : `${prefix}${questionId}.${optionId}`;
}

/** The questions a form showed, from its `shown` field (comma-separated ids). */
export function shownQuestions(shown: string): string[] {
  return shown
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '')
    .slice(0, 200);
}

/** The answers a posted form holds for the questions it showed. */
export function answersFromForm(values: Record<string, string>, shown: readonly string[]): Answers {
  const answers: Answers = {};
  for (const questionId of shown) {
    const chosen: string[] = [];
    const radio = values[answerField(questionId)];
    if (radio) chosen.push(radio);
    const boxPrefix = `${answerField(questionId)}.`;
    for (const name of Object.keys(values)) {
      if (name.startsWith(boxPrefix)) chosen.push(name.slice(boxPrefix.length));
    }
    answers[questionId] = chosen;
  }
  return answers;
}
