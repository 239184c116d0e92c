import { getCurrentUser } from '@/lib/auth/session';
import { getCatalog } from '@/lib/content';
import { AppError } from '@/lib/errors';
import { exportBankAsMoodleXml } from '@/lib/services/question-export';

type Context = { params: Promise<{ quiz: string }> };

/** The quiz's bank as Moodle XML, for instructors and admins: 401 signed out, 403 for a learner, 404 for no such bank. */
export async function GET(_request: Request, { params }: Context) {
  const { quiz } = await params;
  const user = await getCurrentUser();
  if (!user) return new Response('Sign in to export a question bank.', { status: 401 });
  try {
    const { xml, filename } = await exportBankAsMoodleXml(user, quiz, await getCatalog());
    return new Response(xml, {
      headers: {
        'Content-Type': 'application/xml; charset=utf-8',
        'Content-Disposition': `attachment; filename="${filename}"`,
        'Cache-Control': 'private, no-store',
      },
    });
  } catch (error) {
    if (error instanceof AppError && error.code === 'forbidden') return new Response(error.userMessage, { status: 403 });
    if (error instanceof AppError && error.code === 'not_found') return new Response('No such question bank.', { status: 404 });
    throw error;
  }
}
