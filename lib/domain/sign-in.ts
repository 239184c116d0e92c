// How sign-in resists guessing without becoming a weapon against the account's owner. Pure.

export const signInPolicy = {
  windowMinutes: 15,
  /** Failures for one account from one address before that address is refused for that account. */
  perAccountFromAddress: 5,
  /** Failures from one address, any accounts, before that address is refused. */
  perAddress: 20,
  /** Failures for one account, from anywhere, after which each try waits longer. */
  slowAfter: 5,
  maxDelayMs: 8_000,
} as const;

export type FailureCounts = { account: number; accountFromAddress: number; address: number };

export type SignInGate = { refused: true } | { refused: false; delayMs: number };

/**
 * Whether a sign-in attempt may proceed, and how long it must wait first. An address that keeps
 * failing is refused (for that account, or altogether past a higher bar), but a refusal never
 * follows the account to another address: an attacker cannot lock the owner out. Failures spread
 * over many addresses only slow each try, doubling from 250 ms up to 8 s, which makes guessing
 * slow and leaves the owner, who needs one try, in. A password reset clears the account's failures.
 */
export function signInGate(f: FailureCounts, policy = signInPolicy): SignInGate {
  if (f.accountFromAddress >= policy.perAccountFromAddress || f.address >= policy.perAddress) return { refused: true };
  const over = f.account - policy.slowAfter;
  return { refused: false, delayMs: over < 0 ? 0 : Math.min(policy.maxDelayMs, 250 * 2 ** over) };
}
