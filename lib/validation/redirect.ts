// Where a sign-in (or any `next` / `callbackUrl`) may send a person afterwards: a path on this
// site, and nothing a browser could read as another site. Pure.

const BASE = 'http://local.invalid';
// Tabs, line breaks and other controls are dropped by browsers from a Location (so "/\t/evil.example"
// becomes "//evil.example"); backslashes are read as slashes. Neither belongs in a path we send.
const UNSAFE = /[\u0000-\u001F\u007F\\]/;

/** A same-origin path (with its query and fragment) from `next`, or `fallback` for anything else. */
export function safeNext(next: unknown, fallback = '/'): string {
  if (typeof next !== 'string' || next === '' || next.length > 1000) return fallback;
  let decoded: string;
  try {
    decoded = decodeURIComponent(next);
  } catch {
    return fallback;
  }
  for (const form of [next, decoded]) {
    if (UNSAFE.test(form) || !form.startsWith('/') || form.startsWith('//')) return fallback;
  }
  const url = new URL(next, BASE);
  if (url.origin !== BASE) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
