import 'server-only';
import { randomBytes } from 'node:crypto';
import { forbidden, notFound, unauthorized, unstable_rethrow } from 'next/navigation';
import { AppError, unexpectedMessage } from '@/lib/errors';

// The one place failures become responses (the codes and statuses are in lib/errors.ts).

/** Logs an unexpected error once, under a short id the person can quote, and returns the id. */
export function logUnexpected(error: unknown, where: string): string {
  const id = randomBytes(5).toString('hex');
  console.error(`[${where}] request ${id} failed unexpectedly`, error);
  return id;
}

type Format = 'json' | 'text';

/** The response for a failure in a route handler: the code's status and message, as JSON or plain text. */
export function errorResponse(error: unknown, format: Format, where = 'route'): Response {
  const headers = { 'cache-control': 'no-store' };
  if (error instanceof AppError) {
    return format === 'json'
      ? Response.json({ error: error.userMessage, code: error.reason ?? error.code }, { status: error.status, headers })
      : new Response(`${error.userMessage}\n`, { status: error.status, headers: { ...headers, 'content-type': 'text/plain; charset=utf-8' } });
  }
  const message = unexpectedMessage(logUnexpected(error, where));
  return format === 'json'
    ? Response.json({ error: message, code: 'internal' }, { status: 500, headers })
    : new Response(`${message}\n`, { status: 500, headers: { ...headers, 'content-type': 'text/plain; charset=utf-8' } });
}

/**
 * Wraps a route handler: an AppError thrown inside (or by anything it calls) becomes its status and
 * message; anything else is logged with a request id and answered 500 without details.
 */
export function route<A extends unknown[]>(format: Format, handler: (...args: A) => Promise<Response>): (...args: A) => Promise<Response> {
  return async (...args: A) => {
    try {
      return await handler(...args);
    } catch (error) {
      return errorResponse(error, format);
    }
  };
}

/**
 * Wraps a server action that renders no form state (a button that moves on to another page, or
 * answers the page's script with what changed): an expected failure becomes the page Next.js shows
 * for it (sign in, not allowed, not found, with their statuses). A malformed or foreign reference is
 * "not found": it never says whether a thing exists for someone else. Anything else is logged once
 * and rethrown to the error page.
 */
export function pageAction<A extends unknown[], R = void>(where: string, action: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return async (...args: A) => {
    try {
      // Anyone can post any arguments to an action id: these actions take a form and nothing else.
      if (!(args[0] instanceof FormData)) throw new AppError('bad_request', `${where}: not a form`);
      return await action(...args);
    } catch (error) {
      showPageFor(error, where);
    }
  };
}

/** An expected failure as the page Next.js shows for it; anything else logged once and rethrown. */
function showPageFor(error: unknown, where: string): never {
  unstable_rethrow(error);
  if (error instanceof AppError) {
    if (error.code === 'unauthorized') unauthorized();
    if (error.code === 'forbidden') forbidden();
    if (error.code === 'not_found' || error.code === 'bad_request') notFound();
  }
  logUnexpected(error, where);
  throw error;
}

/**
 * A page's read: an expected failure (another institution's record, a malformed id) becomes the
 * page for it (404, 403, sign in), as in `pageAction`, instead of the error page.
 */
export async function pageRead<T>(read: Promise<T>, where = 'page'): Promise<T> {
  try {
    return await read;
  } catch (error) {
    showPageFor(error, where);
  }
}
