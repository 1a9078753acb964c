// Lookups of NB rows by column values (a name, a schema index) in O(1), as ovsdb-server's indexes and
// ovsdb-idl's index cursors do. An index belongs to one table Map and is built on its first lookup;
// NbTxn notes every row it inserts or updates, and a lookup drops entries whose row is gone or no
// longer matches, so a rollback (which restores or replaces the Map) needs no undo. Rows written into
// a table outside NbTxn must not change indexed columns once an index exists.
interface Row {
  _uuid: string;
}
type Table<R extends Row> = ReadonlyMap<string, R>;
type Index = Map<string, Set<string>>;

const indexes = new WeakMap<object, Map<string, Index>>();

const keyOf = (values: readonly unknown[]): string => JSON.stringify(values);
const rowKey = <R extends Row>(row: R, columns: readonly (keyof R)[]): string =>
  keyOf(columns.map((c) => row[c] ?? null));

/** The atoms a column holds: a scalar, a set's members, a map's keys and values. */
function atomsOf(v: unknown): unknown[] {
  if (v === undefined || v === null) return [];
  if (Array.isArray(v)) return v;
  if (typeof v === 'object') return [...Object.keys(v), ...Object.values(v)];
  return [v];
}

/** Index names: the columns joined, or a column prefixed with CONTAINS for "holds this atom". */
const CONTAINS = '\u220b';

function keysOfRow<R extends Row>(row: R, name: string): string[] {
  if (name.startsWith(CONTAINS)) return atomsOf(row[name.slice(1) as keyof R]).map((a) => keyOf([a]));
  return [rowKey(row, name.split('\0') as (keyof R)[])];
}

function indexNamed<R extends Row>(table: Table<R>, name: string): Index {
  let byColumns = indexes.get(table);
  if (!byColumns) indexes.set(table, (byColumns = new Map()));
  let index = byColumns.get(name);
  if (!index) {
    byColumns.set(name, (index = new Map()));
    for (const row of table.values()) for (const key of keysOfRow(row, name)) add(index, key, row._uuid);
  }
  return index;
}

function indexOf<R extends Row>(table: Table<R>, columns: readonly (keyof R & string)[]): Index {
  return indexNamed(table, columns.join('\0'));
}

function add(index: Index, key: string, uuid: string): void {
  let set = index.get(key);
  if (!set) index.set(key, (set = new Set()));
  set.add(uuid);
}

/** The rows whose `columns` hold `values` (absent columns as null), in no particular order. */
export function lookupRows<R extends Row>(
  table: Table<R>,
  columns: readonly (keyof R & string)[],
  values: readonly unknown[],
): R[] {
  const key = keyOf(values.map((v) => v ?? null));
  const set = indexOf(table, columns).get(key);
  if (!set) return [];
  const out: R[] = [];
  for (const uuid of [...set]) {
    const row = table.get(uuid);
    if (row && rowKey(row, columns) === key) out.push(row);
    else set.delete(uuid);
  }
  return out;
}

/** The rows whose `column` holds `atom` (as a scalar, a set member, a map key or value). */
export function lookupContaining<R extends Row>(table: Table<R>, column: keyof R & string, atom: unknown): R[] {
  const key = keyOf([atom]);
  const set = indexNamed(table, CONTAINS + column).get(key);
  if (!set) return [];
  const out: R[] = [];
  for (const uuid of [...set]) {
    const row = table.get(uuid);
    if (row && atomsOf(row[column]).includes(atom)) out.push(row);
    else set.delete(uuid);
  }
  return out;
}

/** Keeps the table's existing indexes up to date with a row just inserted or updated. */
export function noteRow<R extends Row>(table: Table<R>, row: R): void {
  const byColumns = indexes.get(table);
  if (!byColumns) return;
  for (const [name, index] of byColumns) for (const key of keysOfRow(row, name)) add(index, key, row._uuid);
}
