/** Codes of the failures the app expects and explains; anything else is a bug and is logged in full. */
export const errorCodes = {
  unauthorized: 'You need to sign in first.',
  forbidden: 'You do not have access to this.',
  not_found: 'We could not find that.',
  conflict: 'That was changed by someone else; reload and try again.',
  rate_limited: 'Too many attempts. Wait a few minutes and try again.',
  bad_request: 'Some of what was sent is not valid.',
} as const;

export type ErrorCode = keyof typeof errorCodes;

/** An expected failure with a code the user can be told about; `detail` is for the log only. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly detail?: string;
  constructor(code: ErrorCode, detail?: string) {
    super(`${code}${detail ? `: ${detail}` : ''}`);
    this.name = 'AppError';
    this.code = code;
    this.detail = detail;
  }
  /** The sentence shown to the user. */
  get userMessage(): string {
    return errorCodes[this.code];
  }
}
