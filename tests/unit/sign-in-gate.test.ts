import { describe, expect, test } from 'vitest';
import { signInGate } from '@/lib/domain/sign-in';

describe('signInGate', () => {
  test.each([
    { name: 'no failures', f: { account: 0, accountFromAddress: 0, address: 0 }, gate: { refused: false, delayMs: 0 } },
    { name: '4 failures from this address for this account', f: { account: 4, accountFromAddress: 4, address: 4 }, gate: { refused: false, delayMs: 0 } },
    { name: 'the 5th failure from this address for this account refuses this address', f: { account: 5, accountFromAddress: 5, address: 5 }, gate: { refused: true } },
    { name: "an attacker's failures elsewhere only slow the owner's address: 5 → 250 ms", f: { account: 5, accountFromAddress: 0, address: 0 }, gate: { refused: false, delayMs: 250 } },
    { name: '8 failures from elsewhere: 2 s', f: { account: 8, accountFromAddress: 0, address: 0 }, gate: { refused: false, delayMs: 2_000 } },
    { name: '500 failures from elsewhere: capped at 8 s, never refused', f: { account: 500, accountFromAddress: 0, address: 1 }, gate: { refused: false, delayMs: 8_000 } },
    { name: '19 failures from this address over many accounts', f: { account: 1, accountFromAddress: 1, address: 19 }, gate: { refused: false, delayMs: 0 } },
    { name: 'the 20th failure from this address refuses it for every account', f: { account: 0, accountFromAddress: 0, address: 20 }, gate: { refused: true } },
  ])('$name', ({ f, gate }) => {
    expect(signInGate(f)).toEqual(gate);
  });
});
