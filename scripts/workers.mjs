// How many server processes `npm start` runs (scripts/cluster.mjs), decided from the settings alone
// so it can be tested without starting anything.

/** The most workers a setting may ask for: well past any one machine's useful count. */
export const MAX_WORKERS = 64;

/** Whether the site runs on the embedded PGlite database (no DATABASE_URL or POSTGRES_URL, as db/client.ts decides). */
export function embeddedDatabase(env) {
  return !env.DATABASE_URL && !env.POSTGRES_URL;
}

/**
 * The number of workers: WEB_CONCURRENCY when set, else one per core. On PGlite always one: an
 * embedded PGlite folder must only ever be opened by one process (two lose rows silently), so asking
 * for more there is refused rather than quietly ignored. Returns `{ workers }` or `{ error }`.
 */
export function workerCount(env, cores) {
  const asked = env.WEB_CONCURRENCY;
  if (asked !== undefined && asked !== '' && !(/^\d{1,3}$/.test(asked) && Number(asked) >= 1 && Number(asked) <= MAX_WORKERS)) {
    return { error: `WEB_CONCURRENCY must be a whole number from 1 to ${MAX_WORKERS} (the server processes to run; unset: one per core).` };
  }
  if (embeddedDatabase(env)) {
    if (asked && Number(asked) > 1) {
      return { error: `WEB_CONCURRENCY=${asked} needs PostgreSQL (DATABASE_URL): the embedded PGlite database can only be opened by one process. Unset it or set it to 1 to run on PGlite.` };
    }
    return { workers: 1 };
  }
  return { workers: asked ? Number(asked) : Math.max(1, cores) };
}
