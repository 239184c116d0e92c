// Every failure the app expects, with the HTTP status it is answered with and the sentence shown.
// One map, turned into a response by one helper per surface (lib/http/respond.ts): route handlers,
// pages and server actions. Anything that is not an AppError is a bug: it is logged once with a
// request id and shown plainly, never with its details.

export const errorCodes = {
  bad_request: { status: 400, message: 'Some of what was sent is not valid.' },
  unauthorized: { status: 401, message: 'You need to sign in first.' },
  forbidden: { status: 403, message: 'You do not have access to this.' },
  not_found: { status: 404, message: 'We could not find that.' },
  method_not_allowed: { status: 405, message: 'This method is not allowed here.' },
  conflict: { status: 409, message: 'That was changed by someone else; reload and try again.' },
  too_large: { status: 413, message: 'The request is too large.' },
  rate_limited: { status: 429, message: 'Too many attempts. Wait a few minutes and try again.' },
  unavailable: { status: 503, message: 'The service is not available just now. Try again in a minute.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof errorCodes;

/**
 * An expected failure. `detail` is for the log only; `message`, when given, replaces the code's
 * general sentence with one about this case ("Sign in to download your certificate.").
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly detail?: string;
  /** A finer machine-readable reason a client acts on (the offline queue reads `other-account`). */
  readonly reason?: string;
  private readonly specific?: string;
  constructor(code: ErrorCode, detail?: string, message?: string, reason?: string) {
    super(`${code}${detail ? `: ${detail}` : ''}`);
    this.name = 'AppError';
    this.code = code;
    this.detail = detail;
    this.specific = message;
    this.reason = reason;
  }
  /** The sentence shown to the user. */
  get userMessage(): string {
    return this.specific ?? errorCodes[this.code].message;
  }
  /** The HTTP status this failure is answered with. */
  get status(): number {
    return errorCodes[this.code].status;
  }
}

/** The sentence shown for an unexpected failure, with the id under which it was logged. */
export function unexpectedMessage(requestId: string): string {
  return `Something went wrong on our side and nothing was changed. Please try again; if it keeps happening, tell us reference ${requestId}.`;
}
