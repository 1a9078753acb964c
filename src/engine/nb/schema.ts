// Column types of OVN_Northbound as the schema declares them, in a form the generic db code can walk.
import { NbSchema, NbTableNames, NbRootTables, type NbTableName, type NbTables } from './schema.gen.ts';

export type AtomType = 'string' | 'integer' | 'boolean' | 'real' | 'uuid';

export interface BaseType {
  type: AtomType;
  enum?: readonly (string | number | boolean)[];
  minInteger?: number;
  maxInteger?: number;
  minLength?: number;
  maxLength?: number;
  refTable?: NbTableName;
  refType?: 'strong' | 'weak';
}

export interface ColumnType {
  key: BaseType;
  value?: BaseType;
  min: number;
  max: number;
}

export interface ColumnSchema {
  name: string;
  type: ColumnType;
  /** How the column is stored in a row: a plain scalar, an optional scalar, a sorted array or a map. */
  kind: 'scalar' | 'optional' | 'set' | 'map';
  ephemeral: boolean;
}

export interface TableSchema {
  name: NbTableName;
  /** Columns sorted by name, the order ovsdb-idl and ovn-nbctl list print them in. */
  columns: ColumnSchema[];
  byName: Map<string, ColumnSchema>;
  isRoot: boolean;
  maxRows?: number;
  indexes: string[][];
}

type RawBase = string | Record<string, unknown>;
interface RawType {
  key?: RawBase;
  value?: RawBase;
  min?: number;
  max?: number | 'unlimited';
}

function parseBase(raw: RawBase): BaseType {
  if (typeof raw === 'string') return { type: raw as AtomType };
  const base: BaseType = { type: raw.type as AtomType };
  const en = raw.enum as unknown;
  if (Array.isArray(en)) base.enum = en[0] === 'set' ? (en[1] as (string | number)[]) : [en as unknown as string];
  else if (en !== undefined) base.enum = [en as string];
  if (typeof raw.minInteger === 'number') base.minInteger = raw.minInteger;
  if (typeof raw.maxInteger === 'number') base.maxInteger = raw.maxInteger;
  if (typeof raw.minLength === 'number') base.minLength = raw.minLength;
  if (typeof raw.maxLength === 'number') base.maxLength = raw.maxLength;
  if (typeof raw.refTable === 'string') {
    base.refTable = raw.refTable as NbTableName;
    base.refType = raw.refType === 'weak' ? 'weak' : 'strong';
  }
  return base;
}

function parseType(raw: RawType | string): ColumnType {
  if (typeof raw === 'string') return { key: { type: raw as AtomType }, min: 1, max: 1 };
  const max = raw.max === 'unlimited' ? Infinity : (raw.max ?? 1);
  const t: ColumnType = { key: parseBase(raw.key ?? 'string'), min: raw.min ?? 1, max };
  if (raw.value !== undefined) t.value = parseBase(raw.value);
  return t;
}

function kindOf(t: ColumnType): ColumnSchema['kind'] {
  if (t.value) return 'map';
  if (t.min === 1 && t.max === 1) return 'scalar';
  if (t.min === 0 && t.max === 1) return 'optional';
  return 'set';
}

interface RawTable {
  columns: Record<string, { type: RawType | string; ephemeral?: boolean }>;
  isRoot?: boolean;
  maxRows?: number;
  indexes?: string[][];
}

function buildSchema(): Map<NbTableName, TableSchema> {
  const tables = new Map<NbTableName, TableSchema>();
  const raw = (NbSchema as unknown as { tables: Record<string, RawTable> }).tables;
  for (const name of NbTableNames) {
    const rt = raw[name];
    const columns: ColumnSchema[] = Object.keys(rt.columns)
      .sort()
      .map((c) => {
        const type = parseType(rt.columns[c].type);
        return { name: c, type, kind: kindOf(type), ephemeral: rt.columns[c].ephemeral === true };
      });
    tables.set(name, {
      name,
      columns,
      byName: new Map(columns.map((c) => [c.name, c])),
      isRoot: NbRootTables.includes(name),
      maxRows: rt.maxRows,
      indexes: rt.indexes ?? [],
    });
  }
  return tables;
}

export const nbTables: ReadonlyMap<NbTableName, TableSchema> = buildSchema();

export function tableSchema(name: NbTableName): TableSchema {
  return nbTables.get(name) as TableSchema;
}

/** The empty or default value of a column, as ovsdb gives a new row. */
export function defaultValue(col: ColumnSchema): unknown {
  switch (col.kind) {
    case 'map':
      return {};
    case 'set':
      return [];
    case 'optional':
      return undefined;
    default:
      return defaultAtom(col.type.key);
  }
}

export function defaultAtom(base: BaseType): string | number | boolean {
  switch (base.type) {
    case 'integer':
    case 'real':
      return 0;
    case 'boolean':
      return false;
    case 'uuid':
      return '00000000-0000-0000-0000-000000000000';
    default:
      return '';
  }
}

const referrerCache = new Map<NbTableName, { table: NbTableName; column: ColumnSchema }[]>();

/** Every (table, column) whose key or value refers to `target`. */
export function referrersOf(target: NbTableName): { table: NbTableName; column: ColumnSchema }[] {
  const cached = referrerCache.get(target);
  if (cached) return cached;
  const out: { table: NbTableName; column: ColumnSchema }[] = [];
  referrerCache.set(target, out);
  for (const t of nbTables.values())
    for (const c of t.columns)
      if (c.type.key.refTable === target || c.type.value?.refTable === target) out.push({ table: t.name, column: c });
  return out;
}

/** A new row of `table` as ovsdb creates it: every column at its default, then `values` over them. */
export function newNbRow<T extends NbTableName>(table: T, uuid: string, values: Partial<NbTables[T]>): NbTables[T] {
  const row: Record<string, unknown> = { _uuid: uuid };
  for (const col of tableSchema(table).columns) {
    const v = defaultValue(col);
    if (v !== undefined) row[col.name] = v;
  }
  // The schema walk above is what makes this a complete row; TypeScript cannot see that.
  return { ...row, ...values } as unknown as NbTables[T];
}
