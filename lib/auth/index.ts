import 'server-only';
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { getDb } from '@/db/client';
import { createSession, deleteSession, getSessionUser, sessionDays } from '@/db/queries/sessions';
import { clearSessionHint, setSessionHint } from '@/lib/auth/hint';
import { serverEnv } from '@/lib/env';
import { looksLikeToken } from '@/lib/auth/tokens';
import { clientAddress } from '@/lib/http/client-address';
import { redeemSignInTicket } from '@/lib/services/lti';
import { attemptSignIn } from '@/lib/services/sign-in';
import { signInSchema } from '@/lib/validation/account';

/** Thrown by `authorize` after repeated failures; the sign-in form explains it. */
class SignInRateLimited extends CredentialsSignin {
  code = 'rate_limited';
}


// The configuration is built on first use (lazily), so settings are read through lib/env.ts when a
// request needs them, not while the build imports this module.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  trustHost: serverEnv().AUTH_TRUST_HOST,
  secret: serverEnv().AUTH_SECRET,
  session: { strategy: 'jwt', maxAge: sessionDays * 86_400 },
  // next-auth's own error page answers 500 to a hand-made /api/auth/error?error=…; ours explains sign-in.
  pages: { signIn: '/sign-in', error: '/sign-in' },
  logger: {
    // A wrong password is an expected event, recorded in sign_in_attempts; keep it out of the error log.
    error(error) {
      if (error instanceof CredentialsSignin || (error.cause instanceof Error && error.cause instanceof CredentialsSignin)) return;
      console.error('[auth]', error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const result = await attemptSignIn(getDb(), { ...parsed.data, ip: clientAddress(request.headers) });
        if (!result.ok && result.reason === 'rate_limited') throw new SignInRateLimited();
        return result.ok ? result.user : null;
      },
    }),
    // An LMS launch (LTI 1.3) already verified the person: its single-use ticket opens the same kind of session.
    Credentials({
      id: 'lti',
      credentials: { ticket: {} },
      async authorize(credentials) {
        const raw = typeof credentials.ticket === 'string' ? credentials.ticket : '';
        if (!looksLikeToken(raw)) return null;
        const userId = await redeemSignInTicket(getDb(), raw);
        return userId ? { id: userId } : null;
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      // At sign-in only: open the server-side session this token will stand for.
      if (user?.id) {
        const now = new Date();
        const sid = await createSession(getDb(), user.id, now);
        token.sid = sid;
        // The header's hint for prerendered pages (lib/session-hint.ts): the role as the new session sees it.
        const opened = await getSessionUser(getDb(), sid, now);
        if (opened) await setSessionHint(opened.role);
      }
      return token;
    },
    // What /api/auth/session returns to scripts: only the expiry. The session id stays in the
    // encrypted cookie, read on the server by lib/auth/session-id.ts; nothing on the client needs a name or address.
    session({ session }) {
      return { expires: session.expires } as typeof session;
    },
  },
  events: {
    async signOut(message) {
      const sid = 'token' in message ? message.token?.sid : undefined;
      if (typeof sid === 'string') await deleteSession(getDb(), sid);
      await clearSessionHint();
    },
  },
}));
