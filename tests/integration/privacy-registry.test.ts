import { sql } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { privacyRegistry } from '@/lib/privacy/registry';
import { rowsOf } from '@/db/queries/privacy';
import { registryGaps } from '@/lib/privacy/completeness';
import { suiteDatabase, testDatabases } from '../support/databases';

describe.each(testDatabases)('the privacy registry on $name', ({ open }) => {
  const h = suiteDatabase(open);

  test('declares every table and column of the migrated database, and nothing that is not there', async () => {
    const result = await h.db.execute(sql`
      select table_name, column_name from information_schema.columns
      where table_schema = 'public' order by table_name, ordinal_position`);
    const columns = rowsOf(result).map((r) => ({ table: String(r.table_name), column: String(r.column_name) }));
    expect(columns.length).toBeGreaterThan(100);
    const gaps = registryGaps(privacyRegistry, columns);
    expect(gaps, gaps.join('\n')).toEqual([]);
  });
});
