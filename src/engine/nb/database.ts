// The in-memory Northbound database: one Map of rows per OVN_Northbound 23.03 table, in insertion order.
// Row shapes come from the schema (schema.gen.ts); northd reads this, the script layer writes it.
import { NbTableNames, type NbTableName, type NbTables } from './schema.gen.ts';

export type NbRow<T extends NbTableName> = NbTables[T];

export interface NbDatabase {
  tables: { [T in NbTableName]: Map<string, NbTables[T]> };
}

export function emptyNbDatabase(): NbDatabase {
  const tables = {} as { [T in NbTableName]: Map<string, NbTables[T]> };
  for (const name of NbTableNames) (tables as Record<string, Map<string, unknown>>)[name] = new Map();
  return { tables };
}
