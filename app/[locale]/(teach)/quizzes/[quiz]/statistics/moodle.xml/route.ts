import { getCurrentUser } from '@/lib/auth/session';
import { getCatalog } from '@/lib/content';
import { AppError } from '@/lib/errors';
import { route } from '@/lib/http/respond';
import { exportBankAsMoodleXml } from '@/lib/services/question-export';

type Context = { params: Promise<{ quiz: string }> };

/** The quiz's bank as Moodle XML, for instructors and admins: 401 signed out, 403 for a learner, 404 for no such bank. */
export const GET = route('text', async (_request: Request, { params }: Context) => {
  const { quiz } = await params;
  const user = await getCurrentUser();
  if (!user) throw new AppError('unauthorized', `export quiz ${quiz}`, 'Sign in to export a question bank.');
  const { xml, filename } = await exportBankAsMoodleXml(user, quiz, await getCatalog());
  return new Response(xml, {
    headers: {
      'Content-Type': 'application/xml; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'private, no-store',
    },
  });
});
