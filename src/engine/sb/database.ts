// The Southbound database as northd leaves it: one Map of rows per OVN_Southbound 23.03 table.
// ovn-sbctl lflow-list, ovn-trace and the UI read this, as the real tools read the real SB.
import { SbTableNames, type SbTableName, type SbTables } from './schema.gen.ts';

export type SbRow<T extends SbTableName> = SbTables[T];

export interface SbDatabase {
  tables: { [T in SbTableName]: Map<string, SbTables[T]> };
}

export function emptySbDatabase(): SbDatabase {
  const tables = {} as { [T in SbTableName]: Map<string, SbTables[T]> };
  for (const name of SbTableNames) (tables as Record<string, Map<string, unknown>>)[name] = new Map();
  return { tables };
}
