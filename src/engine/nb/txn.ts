// Transactions on the in-memory Northbound database, with ovsdb's commit-time rules: strong
// references must resolve, weak references to deleted rows vanish, unreferenced non-root rows
// are garbage collected, indexes stay unique, and a failed transaction leaves nothing behind.
import type { NbDatabase } from './database.ts';
import type { NbTableName } from './schema.gen.ts';
import { defaultValue, nbTables, referrersOf, tableSchema, type ColumnSchema } from './schema.ts';
import { datumOf, formatAtom, valueOf, type Atom } from './datum.ts';
import { lookupContaining, lookupRows, noteRow } from './row-index.ts';

export type AnyRow = Record<string, unknown> & { _uuid: string };

type Tables = Record<string, Map<string, AnyRow>>;

/** The next uuid of a database: a counter kept beside the tables so uuids stay deterministic. */
interface UuidState {
  uuidCounter?: number;
}

/** When each row was inserted through NbTxn: a table Map keeps rows in that order, so this gives a
 * row's place in creation order without walking the table. */
const insertions = new WeakMap<NbDatabase, { next: number; seq: Map<string, number> }>();

/** A row's place in creation order among rows NbTxn inserted; undefined for rows made otherwise. */
export function insertionOrder(db: NbDatabase, uuid: string): number | undefined {
  return insertions.get(db)?.seq.get(uuid);
}

function noteInsertion(db: NbDatabase, uuid: string): void {
  let st = insertions.get(db);
  if (!st) insertions.set(db, (st = { next: 0, seq: new Map() }));
  st.seq.set(uuid, st.next++);
}

function mix(n: number): number {
  let x = (n * 0x9e3779b1) >>> 0;
  x ^= x >>> 15;
  x = Math.imul(x, 0x85ebca6b) >>> 0;
  x ^= x >>> 13;
  return x >>> 0;
}

const hex = (n: number, w: number): string => n.toString(16).padStart(w, '0').slice(-w);

/** Deterministic uuids shaped like random (v4) ones; creation order sorts first, as a counter. */
export function makeUuid(n: number): string {
  const a = mix(n);
  const b = mix(n + 0x5bd1e995);
  return `${hex(n, 8)}-${hex(a >>> 16, 4)}-4${hex(a & 0xfff, 3)}-${hex(0x8000 | (b & 0x3fff), 4)}-${hex(mix(b), 8)}${hex(b >>> 16, 4)}`;
}

/** The creation counter in a uuid made by makeUuid, or undefined for other uuids (an imported NB). */
export function creationCounter(uuid: string): number | undefined {
  const n = parseInt(uuid.slice(0, 8), 16);
  return makeUuid(n) === uuid ? n : undefined;
}

export function nextUuid(db: NbDatabase): string {
  const st = db as NbDatabase & UuidState;
  st.uuidCounter = (st.uuidCounter ?? 0) + 1;
  return makeUuid(st.uuidCounter);
}

/** What one committed transaction did to each table it changed, as a northd reading the change
 * would see it: rows inserted, rows updated (not inserted), rows deleted (as they were). */
export interface NbTableChanges {
  inserted: Set<string>;
  updated: Set<string>;
  deleted: Map<string, AnyRow>;
}
export type NbChanges = Map<NbTableName, NbTableChanges>;

export class NbTxn {
  private readonly saved = new Map<string, Map<string, AnyRow>>();
  private readonly savedCounter: number | undefined;
  private readonly inserted = new Map<string, NbTableName>();
  private readonly touched: { table: NbTableName; old: AnyRow }[] = [];
  private readonly deleted: { table: NbTableName; row: AnyRow }[] = [];
  private readonly deferred: {
    table: NbTableName;
    uuid: string;
    column: string;
    op: 'add' | 'remove';
    value: string;
  }[] = [];

  constructor(readonly db: NbDatabase) {
    this.savedCounter = (db as NbDatabase & UuidState).uuidCounter;
  }

  private tables(): Tables {
    return this.db.tables as unknown as Tables;
  }

  /** Deleting loses a row's place in creation order, so a table is copied before its first delete. */
  private snapshot(table: NbTableName): Map<string, AnyRow> {
    const m = this.tables()[table];
    if (!this.saved.has(table)) this.saved.set(table, new Map(m));
    return m;
  }

  rows(table: NbTableName): Map<string, AnyRow> {
    return this.tables()[table];
  }

  get(table: NbTableName, uuid: string): AnyRow | undefined {
    return this.tables()[table].get(uuid);
  }

  /** Follows a reference: rows deleted earlier in this transaction are still reachable through the
   * sets that held them, as ovsdb-idl's row pointers are until the commit. */
  deref(table: NbTableName, uuid: string): AnyRow | undefined {
    return this.get(table, uuid) ?? this.deleted.find((d) => d.table === table && d.row._uuid === uuid)?.row;
  }

  /** A new row with every column at its default, then `values`; returns it. */
  insert(table: NbTableName, values: Record<string, unknown> = {}, uuid?: string): AnyRow {
    const row: AnyRow = { _uuid: uuid ?? nextUuid(this.db) };
    for (const col of tableSchema(table).columns) {
      const v = col.name in values ? values[col.name] : defaultValue(col);
      if (v !== undefined) row[col.name] = v;
    }
    this.rows(table).set(row._uuid, row);
    noteRow(this.rows(table), row);
    noteInsertion(this.db, row._uuid);
    this.inserted.set(row._uuid, table);
    return row;
  }

  /** Replaces columns of a row (a new object, so snapshots stay intact). Undefined clears an optional column. */
  update(table: NbTableName, uuid: string, changes: Record<string, unknown>): AnyRow | undefined {
    const m = this.rows(table);
    const old = m.get(uuid);
    if (!old) return undefined;
    const row: AnyRow = { ...old };
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined) delete row[k];
      else row[k] = v;
    }
    m.set(uuid, row);
    noteRow(m, row);
    this.touched.push({ table, old });
    return row;
  }

  delete(table: NbTableName, uuid: string): void {
    const m = this.snapshot(table);
    const row = m.get(uuid);
    if (!row) return;
    m.delete(uuid);
    this.deleted.push({ table, row });
  }

  rollback(): void {
    const t = this.tables();
    for (const [uuid, table] of this.inserted) if (!this.saved.has(table)) t[table].delete(uuid);
    for (let i = this.touched.length - 1; i >= 0; i--) {
      const { table, old } = this.touched[i];
      if (!this.saved.has(table) && !this.inserted.has(old._uuid)) t[table].set(old._uuid, old);
    }
    for (const [name, m] of this.saved) t[name] = m;
    (this.db as NbDatabase & UuidState).uuidCounter = this.savedCounter;
  }

  /** Applies ovsdb's commit rules; on an error the caller rolls back. Work is limited to the rows
   * this transaction touched, so a long script stays linear. */
  commit(): string | undefined {
    this.applyDeferred();
    this.keepReferencedNonRootRows();
    this.dropWeakRefs();
    this.collectGarbage();
    return this.checkStrongRefs() ?? this.checkIndexes() ?? this.checkMaxRows();
  }

  /** A partial set update (ovsdb-idl's update_COL_addvalue/delvalue): applied at commit, so the
   * commands of the same invocation still read the column as it was. */
  deferSetOp(table: NbTableName, uuid: string, column: string, op: 'add' | 'remove', value: string): void {
    this.deferred.push({ table, uuid, column, op, value });
  }

  /** The row whose `column` a deferred op last added `value` to (ovn-nbctl's lsp_to_ls cache). */
  pendingOwner(table: NbTableName, column: string, value: string): string | null | undefined {
    for (let i = this.deferred.length - 1; i >= 0; i--) {
      const d = this.deferred[i];
      if (d.table === table && d.column === column && d.value === value) return d.op === 'add' ? d.uuid : null;
    }
    return undefined;
  }

  private applyDeferred(): void {
    for (const d of this.deferred.splice(0)) {
      const row = this.get(d.table, d.uuid);
      if (!row) continue;
      const set = new Set(row[d.column] as string[]);
      if (d.op === 'add') set.add(d.value);
      else set.delete(d.value);
      this.update(d.table, d.uuid, { [d.column]: [...set].sort() });
    }
  }

  /** ovsdb-idl sends no delete for a non-root row, leaving it to garbage collection: a row that
   * is still referenced survives its explicit deletion. */
  private keepReferencedNonRootRows(): void {
    const kept = this.deleted.filter((d) => !tableSchema(d.table).isRoot && this.isReferenced(d.table, d.row._uuid));
    if (!kept.length) return;
    for (const d of kept) this.deleted.splice(this.deleted.indexOf(d), 1);
    const byTable = new Map<NbTableName, AnyRow[]>();
    for (const d of kept) byTable.set(d.table, [...(byTable.get(d.table) ?? []), d.row]);
    const t = this.tables();
    for (const [table, rows] of byTable) {
      // put them back where they were in creation order
      const before = this.saved.get(table) as Map<string, AnyRow>;
      const back = new Map(rows.map((r) => [r._uuid, r]));
      const rebuilt = new Map<string, AnyRow>();
      for (const u of before.keys()) {
        const row = t[table].get(u) ?? back.get(u);
        if (row) rebuilt.set(u, row);
      }
      for (const [u, row] of t[table]) if (!rebuilt.has(u)) rebuilt.set(u, row);
      t[table] = rebuilt;
    }
  }

  /** Uuids a row refers to through `col` (keys and values), optionally only those of one strength. */
  private refsIn(col: ColumnSchema, row: AnyRow, which?: 'strong' | 'weak'): { table: NbTableName; uuid: string }[] {
    const out: { table: NbTableName; uuid: string }[] = [];
    const v = row[col.name];
    if (v === undefined) return out;
    const k = col.type.key;
    const val = col.type.value;
    const push = (base: typeof k | undefined, atoms: unknown[]): void => {
      if (!base?.refTable || (which && base.refType !== which)) return;
      for (const a of atoms) if (typeof a === 'string') out.push({ table: base.refTable, uuid: a });
    };
    if (col.kind === 'map') {
      push(k, Object.keys(v as object));
      push(val, Object.values(v as object));
    } else push(k, Array.isArray(v) ? v : [v]);
    return out;
  }

  private refColumns(table: NbTableName, which: 'strong' | 'weak'): ColumnSchema[] {
    return tableSchema(table).columns.filter(
      (c) =>
        (c.type.key.refTable && c.type.key.refType === which) ||
        (c.type.value?.refTable && c.type.value.refType === which),
    );
  }

  private isReferenced(target: NbTableName, uuid: string): boolean {
    for (const { table, column } of referrersOf(target)) {
      const strongKey = column.type.key.refTable === target && column.type.key.refType === 'strong';
      const strongVal = column.type.value?.refTable === target && column.type.value.refType === 'strong';
      if (!strongKey && !strongVal) continue;
      for (const row of lookupContaining(this.rows(table), column.name, uuid)) {
        const v = row[column.name];
        if (column.kind === 'map') {
          if (strongKey && uuid in (v as object)) return true;
          if (strongVal && Object.values(v as object).includes(uuid)) return true;
        } else return true;
      }
    }
    return false;
  }

  private dropWeakRefs(): void {
    const gone = new Set<NbTableName>(this.deleted.map((d) => d.table));
    for (const target of gone) {
      const live = this.rows(target);
      for (const { table, column } of referrersOf(target)) {
        if (column.type.key.refType !== 'weak' && column.type.value?.refType !== 'weak') continue;
        for (const row of [...this.rows(table).values()]) {
          const d = datumOf(column, row[column.name]);
          const keep = d.keys.map((k, i) => {
            const keyDead =
              column.type.key.refTable === target && column.type.key.refType === 'weak' && !live.has(k as string);
            const val = d.values?.[i];
            const valDead =
              column.type.value?.refTable === target &&
              column.type.value.refType === 'weak' &&
              !live.has(val as string);
            return !keyDead && !valDead;
          });
          if (keep.every(Boolean)) continue;
          const nd = { keys: d.keys.filter((_, i) => keep[i]), values: d.values?.filter((_, i) => keep[i]) };
          this.update(table, row._uuid, {
            [column.name]: nd.keys.length || column.kind !== 'scalar' ? valueOf(column, nd) : undefined,
          });
        }
      }
    }
  }

  /** Deletes non-root rows that lost (or never had) a strong reference, cascading. */
  private collectGarbage(): void {
    const candidates: { table: NbTableName; uuid: string }[] = [];
    const strongTargets = (table: NbTableName, row: AnyRow): void => {
      for (const c of this.refColumns(table, 'strong')) candidates.push(...this.refsIn(c, row, 'strong'));
    };
    for (const [uuid, table] of this.inserted) candidates.push({ table, uuid });
    for (const t of this.touched) {
      // only references the update removed can orphan a row
      const now = this.get(t.table, t.old._uuid);
      for (const c of this.refColumns(t.table, 'strong')) {
        const kept = new Set(now ? this.refsIn(c, now, 'strong').map((r) => r.uuid) : []);
        for (const r of this.refsIn(c, t.old, 'strong')) if (!kept.has(r.uuid)) candidates.push(r);
      }
    }
    for (const d of this.deleted) strongTargets(d.table, d.row);
    let removed = false;
    const seen = new Set<string>();
    while (candidates.length) {
      const { table, uuid } = candidates.pop() as { table: NbTableName; uuid: string };
      if (tableSchema(table).isRoot || seen.has(uuid)) continue;
      const row = this.get(table, uuid);
      if (!row || this.isReferenced(table, uuid)) continue;
      seen.add(uuid);
      this.delete(table, uuid);
      removed = true;
      strongTargets(table, row);
    }
    if (removed) this.dropWeakRefs();
  }

  private changedRows(): { table: NbTableName; row: AnyRow }[] {
    const out: { table: NbTableName; row: AnyRow }[] = [];
    const seen = new Set<string>();
    const add = (table: NbTableName, uuid: string): void => {
      if (seen.has(uuid)) return;
      seen.add(uuid);
      const row = this.get(table, uuid);
      if (row) out.push({ table, row });
    };
    for (const [uuid, table] of this.inserted) add(table, uuid);
    for (const t of this.touched) add(t.table, t.old._uuid);
    return out;
  }

  /** The rows this transaction changed, per table (after a successful commit). */
  changes(): NbChanges {
    const out: NbChanges = new Map();
    const of = (table: NbTableName): NbTableChanges => {
      let c = out.get(table);
      if (!c) out.set(table, (c = { inserted: new Set(), updated: new Set(), deleted: new Map() }));
      return c;
    };
    for (const [uuid, table] of this.inserted) if (this.get(table, uuid)) of(table).inserted.add(uuid);
    // a deleted row as it was before this transaction: its first update's old value, if any
    const original = new Map<string, AnyRow>();
    for (const t of this.touched) {
      const uuid = t.old._uuid;
      if (!original.has(uuid)) original.set(uuid, t.old);
      if (!this.inserted.has(uuid) && this.get(t.table, uuid)) of(t.table).updated.add(uuid);
    }
    for (const d of this.deleted) {
      const uuid = d.row._uuid;
      if (this.inserted.has(uuid) || this.get(d.table, uuid)) continue;
      const c = of(d.table);
      if (!c.deleted.has(uuid)) c.deleted.set(uuid, original.get(uuid) ?? d.row);
    }
    return out;
  }

  private checkStrongRefs(): string | undefined {
    for (const { table, row } of this.changedRows())
      for (const col of this.refColumns(table, 'strong'))
        for (const ref of this.refsIn(col, row, 'strong'))
          if (!this.rows(ref.table).has(ref.uuid))
            return `referential integrity violation: Table ${table} column ${col.name} row ${row._uuid} references nonexistent row ${ref.uuid} in table ${ref.table}.`;
    for (const d of this.deleted)
      if (!this.rows(d.table).has(d.row._uuid) && this.isReferenced(d.table, d.row._uuid))
        return `referential integrity violation: cannot delete ${d.table} row ${d.row._uuid} because of 1 remaining reference(s)`;
    return undefined;
  }

  private checkIndexes(): string | undefined {
    const origin = (u: string): string =>
      this.inserted.has(u)
        ? 'was inserted by this transaction'
        : 'existed in the database before this transaction and was not modified by the transaction';
    for (const { table, row } of this.changedRows()) {
      const t = tableSchema(table);
      for (const index of t.indexes) {
        const same = lookupRows(
          this.rows(table),
          index,
          index.map((c) => row[c]),
        );
        for (const other of same) {
          if (other._uuid === row._uuid) continue;
          const [first, second] = this.rowsInOrder(table, other._uuid, row._uuid);
          const vals = index.map((c) => formatAtom('string', row[c] as Atom)).join(', ');
          return `constraint violation: Transaction causes multiple rows in "${t.name}" table to have identical values (${vals}) for index on column${index.length > 1 ? 's' : ''} ${index.map((c) => `"${c}"`).join(', ')}.  First row, with UUID ${first}, ${origin(first)}.  Second row, with UUID ${second}, ${origin(second)}.`;
        }
      }
    }
    return undefined;
  }

  private rowsInOrder(table: NbTableName, a: string, b: string): [string, string] {
    for (const u of this.rows(table).keys()) {
      if (u === a) return [a, b];
      if (u === b) return [b, a];
    }
    return [a, b];
  }

  private checkMaxRows(): string | undefined {
    for (const t of nbTables.values())
      if (t.maxRows !== undefined && this.rows(t.name).size > t.maxRows)
        return `constraint violation: Transaction causes "${t.name}" table to contain ${this.rows(t.name).size} rows, greater than the schema-defined limit of ${t.maxRows} row(s).`;
    return undefined;
  }
}
