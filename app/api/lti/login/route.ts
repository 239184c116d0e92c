import { getDb } from '@/db/client';
import { serverEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { route } from '@/lib/http/respond';
import { startLogin } from '@/lib/services/lti';

export const dynamic = 'force-dynamic';

// LTI 1.3 OIDC login initiation ("Initiate login URL" / "OIDC login URL"): the LMS sends the browser
// here by GET or POST; it goes on to the LMS's authentication endpoint with a fresh state and nonce.

const stringsOf = (entries: Iterable<[string, FormDataEntryValue | string]>) =>
  Object.fromEntries([...entries].filter((e): e is [string, string] => typeof e[1] === 'string'));

const answer = async (params: Record<string, string>) => {
  const location = await startLogin(getDb(), params, { publicUrl: serverEnv().publicUrl });
  return new Response(null, { status: 303, headers: { location, 'cache-control': 'no-store' } });
};

export const GET = route('text', async (request: Request) => answer(stringsOf(new URL(request.url).searchParams.entries())));
export const POST = route('text', async (request: Request) => {
  const form = await request.formData().catch(() => {
    throw new AppError('bad_request', 'lti login: not a form', 'This LMS login request is not a form post.');
  });
  return answer(stringsOf(form.entries()));
});
