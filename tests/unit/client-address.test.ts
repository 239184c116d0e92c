import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain ES module of the launcher, without types
import { clientAddress } from '../../scripts/forwarded.mjs';
import { WindowCounter } from '@/lib/http/request-limits';

describe('the client address the server counts limits against', () => {
  it('with no proxy (a local start) is the socket peer; whatever X-Forwarded-For a client sends is ignored', () => {
    expect(clientAddress(undefined, '203.0.113.7', 0)).toBe('203.0.113.7');
    expect(clientAddress('1.2.3.4', '203.0.113.7', 0)).toBe('203.0.113.7');
  });
  it('behind one proxy is the entry that proxy appended, not one the client prepended', () => {
    expect(clientAddress('203.0.113.7', '10.0.0.2', 1)).toBe('203.0.113.7');
    expect(clientAddress('1.2.3.4, 203.0.113.7', '10.0.0.2', 1)).toBe('203.0.113.7');
  });
  it('behind two proxies counts two hops from the right', () => {
    expect(clientAddress('9.9.9.9, 203.0.113.7, 10.0.0.1', '10.0.0.2', 2)).toBe('203.0.113.7');
  });
  it('with fewer entries than configured hops falls back to the leftmost known one', () => {
    expect(clientAddress(undefined, '10.0.0.2', 2)).toBe('10.0.0.2');
  });
});

describe('the in-memory window for link pages', () => {
  const limit = { bucket: 'links', max: 3, windowSeconds: 60 };
  it('refuses past the limit, per client, and says when to come back', () => {
    const counter = new WindowCounter();
    for (let i = 0; i < 3; i++) expect(counter.take(limit, 'a', 1_000 + i)).toEqual({ ok: true });
    expect(counter.take(limit, 'a', 2_000)).toEqual({ ok: false, retryAfterSeconds: 59 });
    expect(counter.take(limit, 'b', 2_000)).toEqual({ ok: true });
    expect(counter.take(limit, 'a', 61_001)).toEqual({ ok: true });
  });
  it('keeps a bounded number of clients', () => {
    const counter = new WindowCounter(2);
    counter.take(limit, 'a', 0);
    counter.take(limit, 'b', 0);
    counter.take(limit, 'c', 0);
    expect((counter as unknown as { hits: Map<string, number[]> }).hits.size).toBe(2);
  });
});
