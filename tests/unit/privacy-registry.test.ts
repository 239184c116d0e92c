import { describe, expect, test } from 'vitest';
import { registryContradictions, registryGaps } from '@/lib/privacy/completeness';
import { privacyRegistry } from '@/lib/privacy/registry';
import { plain } from '@/lib/privacy/rules';

describe('the privacy registry', () => {
  test('contradicts itself nowhere: every kept personal column says what erasure writes', () => {
    expect(registryContradictions(privacyRegistry)).toEqual([]);
  });

  test('a table missing from the registry is named with the entry to add', () => {
    const gaps = registryGaps({}, [{ table: 'lti_launches', column: 'user_id' }]);
    expect(gaps).toHaveLength(1);
    expect(gaps[0]).toContain('Table "lti_launches" is not in lib/privacy/registry.ts');
    expect(gaps[0]).toContain('user_id: plain | personal');
  });

  test('a new column, and a column dropped from the database, are both named', () => {
    const registry = { t: { owners: [], export: 'x', erase: { rows: 'keep', why: 'x' }, columns: { a: plain, gone: plain } } } as const;
    const gaps = registryGaps(registry, [
      { table: 't', column: 'a' },
      { table: 't', column: 'added' },
    ]);
    expect(gaps).toEqual([
      'Column "t.added" is not in lib/privacy/registry.ts: add added: plain | personal | withheld() | erased({ set }) to privacyRegistry.t.columns',
      'Column "t.gone" is in lib/privacy/registry.ts but not in the database: remove it',
    ]);
  });
});
