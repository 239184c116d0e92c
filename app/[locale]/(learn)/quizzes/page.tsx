import type { Metadata } from 'next';
import Link from 'next/link';
import { getCatalog } from '@/lib/content';
import { isDraft } from '@/lib/content/schemas/quiz';
import { quizPath } from '@/components/quiz/paths';

export const metadata: Metadata = { title: 'Quizzes' };

/** Every module's quiz, in module order. */
export default async function QuizzesPage() {
  const { modules, quizzes } = await getCatalog();
  const listed = modules.flatMap((m) => quizzes.filter((q) => q.def.module === m.slug && !isDraft(q.def)).map((q) => ({ module: m, quiz: q.def })));
  return (
    <div className="stack-lg max-w-3xl">
      <header>
        <h1>Quizzes</h1>
        <p className="muted">Each module ends in a quiz. Passing it counts towards your certificate.</p>
      </header>
      <ul className="stack">
        {listed.map(({ module: m, quiz }) => (
          <li key={quiz.id} className="card">
            <Link href={quizPath(quiz.id)} className="font-semibold">
              {quiz.title}
            </Link>
            <p className="m-0 small muted">
              Module {m.meta.order}: {m.meta.title} · {quiz.draw.count} questions · pass mark {quiz.passMark}%
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
