// Compares the privacy registry with the columns a database really has, and says exactly what to add.
import type { TableRule } from './rules';

export type DatabaseColumn = { table: string; column: string };

/**
 * Every table or column the database has and the registry lacks (and the reverse), each as a
 * sentence naming the file and the entry to add: an empty list means the registry is complete.
 */
export function registryGaps(registry: Record<string, TableRule>, columns: readonly DatabaseColumn[]): string[] {
  const gaps: string[] = [];
  const byTable = new Map<string, string[]>();
  for (const { table, column } of columns) byTable.set(table, [...(byTable.get(table) ?? []), column]);
  for (const [table, names] of byTable) {
    const rule = registry[table];
    if (!rule) {
      const entries = names.map((n) => `${n}: plain | personal | withheld() | erased({ set })`).join(', ');
      gaps.push(`Table "${table}" is not in lib/privacy/registry.ts: add ${table}: { owners: [...], export: true | 'why not', erase: {...}, columns: { ${entries} } }`);
      continue;
    }
    for (const name of names) {
      if (!(name in rule.columns)) gaps.push(`Column "${table}.${name}" is not in lib/privacy/registry.ts: add ${name}: plain | personal | withheld() | erased({ set }) to privacyRegistry.${table}.columns`);
    }
    for (const name of Object.keys(rule.columns)) {
      if (!names.includes(name)) gaps.push(`Column "${table}.${name}" is in lib/privacy/registry.ts but not in the database: remove it`);
    }
  }
  for (const table of Object.keys(registry)) {
    if (!byTable.has(table)) gaps.push(`Table "${table}" is in lib/privacy/registry.ts but not in the database: remove it`);
  }
  return gaps;
}

/** Rules the registry must keep: owners and `set` values only where they can act. */
export function registryContradictions(registry: Record<string, TableRule>): string[] {
  const problems: string[] = [];
  for (const [table, rule] of Object.entries(registry)) {
    for (const owner of rule.owners) {
      if (!(owner.column in rule.columns)) problems.push(`${table}: owner column ${owner.column} is not among its columns`);
    }
    const personalColumns = Object.entries(rule.columns).filter(([, c]) => c.personal);
    if (rule.erase.rows === 'update') {
      for (const [name, c] of personalColumns) {
        if (c.set === undefined && c.export !== 'withheld') problems.push(`${table}.${name}: personal in a kept row, but erasure sets nothing`);
      }
    }
    if (rule.erase.rows === 'scrub' && !personalColumns.some(([, c]) => c.set === 'scrub')) problems.push(`${table}: scrubbed, but no column says set: 'scrub'`);
    if (rule.erase.rows !== 'keep' && rule.owners.length === 0 && rule.erase.rows !== 'scrub') problems.push(`${table}: erased, but no owner column says whose rows are`);
  }
  return problems;
}
