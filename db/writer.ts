// Where a read handle's writes go. Dashboards read through readDb() (a read replica when one is
// configured) but also keep the readiness rollup current, writing back the rows they had to
// recompute: a replica handle names its primary under `primaryOf`, and `writerFor` finds it.
// No server-only import: query modules use this with whatever handle they are given.
import type { Db } from './client';

export const primaryOf = Symbol('primary database');

/** The handle writes should use: the primary behind a replica handle, otherwise the handle itself. */
export function writerFor(db: Db): Db {
  const primary = (db as Db & { [primaryOf]?: () => Db })[primaryOf];
  return primary ? primary() : db;
}
