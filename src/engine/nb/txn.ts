// Transactions on the in-memory Northbound database, with ovsdb's commit-time rules: strong
// references must resolve, weak references to deleted rows vanish, unreferenced non-root rows
// are garbage collected, indexes stay unique, and a failed transaction leaves nothing behind.
import type { NbDatabase } from './database.ts';
import type { NbTableName } from './schema.gen.ts';
import { defaultValue, nbTables, referrersOf, tableSchema, type ColumnSchema } from './schema.ts';
import { datumOf, formatAtom, valueOf, type Atom } from './datum.ts';

export type AnyRow = Record<string, unknown> & { _uuid: string };

type Tables = Record<string, Map<string, AnyRow>>;

/** The next uuid of a database: a counter kept beside the tables so uuids stay deterministic. */
interface UuidState {
  uuidCounter?: number;
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

export function nextUuid(db: NbDatabase): string {
  const st = db as NbDatabase & UuidState;
  st.uuidCounter = (st.uuidCounter ?? 0) + 1;
  return makeUuid(st.uuidCounter);
}

export class NbTxn {
  private readonly saved = new Map<string, Map<string, AnyRow>>();
  private readonly savedCounter: number | undefined;
  private readonly inserted = new Set<string>();
  private readonly touched: { table: NbTableName; old: AnyRow }[] = [];
  private readonly deleted: { table: NbTableName; row: AnyRow }[] = [];

  constructor(readonly db: NbDatabase) {
    this.savedCounter = (db as NbDatabase & UuidState).uuidCounter;
  }

  private tables(): Tables {
    return this.db.tables as unknown as Tables;
  }

  private save(table: NbTableName): Map<string, AnyRow> {
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

  /** A new row with every column at its default, then `values`; returns it. */
  insert(table: NbTableName, values: Record<string, unknown> = {}, uuid?: string): AnyRow {
    const row: AnyRow = { _uuid: uuid ?? nextUuid(this.db) };
    for (const col of tableSchema(table).columns) {
      const v = col.name in values ? values[col.name] : defaultValue(col);
      if (v !== undefined) row[col.name] = v;
    }
    this.save(table).set(row._uuid, row);
    this.inserted.add(row._uuid);
    return row;
  }

  /** Replaces columns of a row (a new object, so snapshots stay intact). Undefined clears an optional column. */
  update(table: NbTableName, uuid: string, changes: Record<string, unknown>): AnyRow | undefined {
    const m = this.save(table);
    const old = m.get(uuid);
    if (!old) return undefined;
    const row: AnyRow = { ...old };
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined) delete row[k];
      else row[k] = v;
    }
    m.set(uuid, row);
    this.touched.push({ table, old });
    return row;
  }

  delete(table: NbTableName, uuid: string): void {
    const m = this.save(table);
    const row = m.get(uuid);
    if (!row) return;
    m.delete(uuid);
    this.deleted.push({ table, row });
  }

  rollback(): void {
    const t = this.tables();
    for (const [name, m] of this.saved) t[name] = m;
    (this.db as NbDatabase & UuidState).uuidCounter = this.savedCounter;
  }

  /** Applies ovsdb's commit rules; on an error the caller rolls back. */
  commit(): string | undefined {
    this.dropWeakRefs();
    this.collectGarbage();
    return this.checkStrongRefs() ?? this.checkIndexes() ?? this.checkMaxRows();
  }

  private refsIn(col: ColumnSchema, row: AnyRow, which: 'strong' | 'weak', target?: NbTableName): string[] {
    const out: string[] = [];
    const d = datumOf(col, row[col.name]);
    const k = col.type.key;
    if (k.refTable && k.refType === which && (!target || k.refTable === target)) out.push(...(d.keys as string[]));
    const v = col.type.value;
    if (v?.refTable && v.refType === which && (!target || v.refTable === target))
      out.push(...((d.values ?? []) as string[]));
    return out;
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

  private collectGarbage(): void {
    for (;;) {
      let removed = false;
      for (const t of nbTables.values()) {
        if (t.isRoot) continue;
        const rows = this.rows(t.name);
        if (rows.size === 0) continue;
        const referenced = new Set<string>();
        for (const { table, column } of referrersOf(t.name))
          for (const row of this.rows(table).values())
            for (const u of this.refsIn(column, row, 'strong', t.name)) referenced.add(u);
        for (const uuid of [...rows.keys()])
          if (!referenced.has(uuid)) {
            this.delete(t.name, uuid);
            removed = true;
          }
      }
      if (!removed) return;
      this.dropWeakRefs();
    }
  }

  private checkStrongRefs(): string | undefined {
    for (const t of nbTables.values())
      for (const col of t.columns) {
        const kt = col.type.key.refTable;
        const vt = col.type.value?.refTable;
        if (!(kt && col.type.key.refType === 'strong') && !(vt && col.type.value?.refType === 'strong')) continue;
        for (const row of this.rows(t.name).values())
          for (const target of [kt, vt]) {
            if (!target) continue;
            for (const u of this.refsIn(col, row, 'strong', target))
              if (!this.rows(target).has(u))
                return `referential integrity violation: Table ${t.name} column ${col.name} row ${row._uuid} references nonexistent row ${u} in table ${target}.`;
          }
      }
    return undefined;
  }

  private checkIndexes(): string | undefined {
    for (const t of nbTables.values())
      for (const index of t.indexes) {
        const seen = new Map<string, string>();
        for (const row of this.rows(t.name).values()) {
          const key = JSON.stringify(index.map((c) => row[c]));
          const prev = seen.get(key);
          if (prev !== undefined) {
            const vals = index.map((c) => formatAtom('string', row[c] as Atom)).join(', ');
            return `constraint violation: Transaction causes multiple rows in "${t.name}" table to have identical values (${vals}) for index on column${index.length > 1 ? 's' : ''} ${index.map((c) => `"${c}"`).join(', ')}.  First row, with UUID ${prev}, ${this.inserted.has(prev) ? 'was inserted by this transaction' : 'existed in the database before this transaction and was not modified by the transaction'}.  Second row, with UUID ${row._uuid}, ${this.inserted.has(row._uuid) ? 'was inserted by this transaction' : 'existed in the database before this transaction and was not modified by the transaction'}.`;
          }
          seen.set(key, row._uuid);
        }
      }
    return undefined;
  }

  private checkMaxRows(): string | undefined {
    for (const t of nbTables.values())
      if (t.maxRows !== undefined && this.rows(t.name).size > t.maxRows)
        return `constraint violation: Transaction causes "${t.name}" table to contain ${this.rows(t.name).size} rows, greater than the schema-defined limit of ${t.maxRows} row(s).`;
    return undefined;
  }
}
