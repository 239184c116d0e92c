// A bank as the YAML an educator edits: fields in the order content/README.md documents, defaults
// left out, and the fields a draft must still fill (references, competencies) written out empty.
import { stringify } from 'yaml';
import type { QuizDef } from '@/lib/content/schemas/quiz';

/** The bank's YAML file text, with a header saying where it came from and what it still needs. */
export function bankToYaml(bank: QuizDef, header: string[] = []): string {
  const data = {
    id: bank.id,
    module: bank.module,
    title: bank.title,
    ...(bank.status === 'draft' ? { status: bank.status } : {}),
    draw: { count: bank.draw.count, ...(bank.draw.byTag.length > 0 ? { byTag: bank.draw.byTag } : {}) },
    passMark: bank.passMark,
    ...(bank.attempts.limit === undefined && bank.attempts.cooldownMinutes === 0 ? {} : { attempts: bank.attempts }),
    ...(bank.timeLimitMinutes === undefined ? {} : { timeLimitMinutes: bank.timeLimitMinutes }),
    multipleResponse: bank.multipleResponse,
    review: bank.review,
    questions: bank.questions.map((q) => ({
      id: q.id,
      type: q.type,
      ...(q.vignette === undefined ? {} : { vignette: q.vignette }),
      stem: q.stem,
      options: q.options,
      key: q.key,
      ...(q.rationale === '' ? {} : { rationale: q.rationale }),
      references: q.references,
      competencies: q.competencies,
      ...(q.difficulty === undefined ? {} : { difficulty: q.difficulty }),
      ...(q.tags.length === 0 ? {} : { tags: q.tags }),
    })),
  };
  const comments = header.map((line) => `# ${line}`.trimEnd()).join('\n');
  return `${comments ? `${comments}\n` : ''}${stringify(data, { lineWidth: 0 })}`;
}
