import 'server-only';
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { getDb } from '@/db/client';
import { createSession, deleteSession, sessionDays } from '@/db/queries/sessions';
import { isSignInThrottled, recordSignInAttempt } from '@/db/queries/sign-in-attempts';
import { findUserForSignIn } from '@/db/queries/users';
import { signInSchema } from '@/lib/validation/account';
import { verifyPassword } from './password';

/** Thrown by `authorize` after repeated failures; the sign-in form explains it. */
class SignInRateLimited extends CredentialsSignin {
  code = 'rate_limited';
}

/** The client address as the proxy in front of us reports it (first hop), or the socket's when direct. */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  return forwarded || headers.get('x-real-ip')?.trim() || 'unknown';
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  session: { strategy: 'jwt', maxAge: sessionDays * 86_400 },
  pages: { signIn: '/sign-in' },
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
        const { email, password } = parsed.data;
        const db = getDb();
        const now = new Date();
        const ip = clientIp(request.headers);
        if (await isSignInThrottled(db, email, ip, now)) throw new SignInRateLimited();
        const user = await findUserForSignIn(db, email);
        const ok = await verifyPassword(user?.passwordHash, password);
        await recordSignInAttempt(db, { email, ip, succeeded: ok, at: now });
        if (!ok || !user) return null;
        return { id: user.id, name: user.name, email: user.email };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      // At sign-in only: open the server-side session this token will stand for.
      if (user?.id) token.sid = await createSession(getDb(), user.id, new Date());
      return token;
    },
    session({ session, token }) {
      return { ...session, sid: typeof token.sid === 'string' ? token.sid : undefined };
    },
  },
  events: {
    async signOut(message) {
      const sid = 'token' in message ? message.token?.sid : undefined;
      if (typeof sid === 'string') await deleteSession(getDb(), sid);
    },
  },
});
