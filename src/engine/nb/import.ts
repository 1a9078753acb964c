// Reads a real Northbound database as `ovsdb-client backup` (or the ovsdb-server db file) writes it:
// "OVSDB JSON <len> <sha1>" records, the schema first, then transactions applied in order.
import { emptyNbDatabase, type NbDatabase } from './database.ts';
import { NbTableNames, type NbTableName } from './schema.gen.ts';
import { defaultValue, tableSchema, type ColumnSchema } from './schema.ts';
import { datumOf, sortDatum, valueOf, type Atom, type Datum } from './datum.ts';

export type ImportResult = { ok: true; nb: NbDatabase } | { ok: false; line: number; error: string };

export const looksLikeOvsdbFile = (text: string): boolean => /^OVSDB (JSON|CLUSTER) /.test(text);

function atomOf(j: unknown): Atom | undefined {
  if (typeof j === 'string' || typeof j === 'number' || typeof j === 'boolean') return j;
  if (Array.isArray(j) && (j[0] === 'uuid' || j[0] === 'named-uuid') && typeof j[1] === 'string') return j[1];
  return undefined;
}

/** An OVSDB JSON value (atom, ["set", …], ["map", …]) as a column's row value. */
function columnValue(col: ColumnSchema, j: unknown): unknown {
  const pairsOf = (x: unknown): unknown[][] =>
    Array.isArray(x) ? x.filter((p) => Array.isArray(p) && p.length === 2) : [];
  const listOf = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);
  let d: Datum;
  if (Array.isArray(j) && j[0] === 'map') {
    const pairs = pairsOf(j[1]).filter((p) => atomOf(p[0]) !== undefined && atomOf(p[1]) !== undefined);
    d = { keys: pairs.map((p) => atomOf(p[0]) as Atom), values: pairs.map((p) => atomOf(p[1]) as Atom) };
  } else if (Array.isArray(j) && j[0] === 'set')
    d = {
      keys: listOf(j[1])
        .map(atomOf)
        .filter((a): a is Atom => a !== undefined),
    };
  else {
    const a = atomOf(j);
    d = { keys: a === undefined ? [] : [a] };
  }
  if (col.kind === 'scalar' && d.keys.length === 0) return undefined;
  return valueOf(col, sortDatum(d) ?? d);
}

type Tables = Record<string, Map<string, Record<string, unknown>>>;

/** Applies a diff value (_is_diff transactions): sets toggle members, maps add, drop or replace pairs. */
function applyDiff(col: ColumnSchema, old: unknown, diff: unknown): unknown {
  const d = datumOf(col, columnValue(col, diff));
  if (col.kind === 'map') {
    const m = { ...((old ?? {}) as Record<string, Atom>) };
    d.keys.forEach((k, i) => {
      const key = String(k);
      const v = (d.values as Atom[])[i];
      if (key in m && m[key] === v) delete m[key];
      else m[key] = v;
    });
    return m;
  }
  if (col.kind === 'set') {
    const set = new Set((old ?? []) as Atom[]);
    for (const k of d.keys) {
      if (set.has(k)) set.delete(k);
      else set.add(k);
    }
    return valueOf(col, { keys: [...set] });
  }
  if (col.kind === 'optional') return d.keys.length && d.keys[0] !== old ? d.keys[0] : undefined;
  return d.keys[0];
}

/** One OVSDB transaction record: {"Table": {"uuid": {column: value} | null}}. */
function applyTxn(tables: Tables, txn: Record<string, unknown>, isDiff: boolean): void {
  for (const [tname, rows] of Object.entries(txn)) {
    if (tname.startsWith('_') || !NbTableNames.includes(tname as NbTableName)) continue;
    if (typeof rows !== 'object' || rows === null) continue;
    const ts = tableSchema(tname as NbTableName);
    const m = tables[tname];
    for (const [uuid, change] of Object.entries(rows as Record<string, unknown>)) {
      if (change === null) {
        m.delete(uuid);
        continue;
      }
      if (typeof change !== 'object') continue;
      let row = m.get(uuid);
      const inserted = !row;
      if (!row) {
        row = { _uuid: uuid };
        for (const c of ts.columns) {
          const v = defaultValue(c);
          if (v !== undefined) row[c.name] = v;
        }
        m.set(uuid, row);
      }
      for (const [cname, j] of Object.entries(change as Record<string, unknown>)) {
        const col = ts.byName.get(cname);
        if (!col) continue;
        const v = isDiff && !inserted ? applyDiff(col, row[cname], j) : columnValue(col, j);
        if (v === undefined) delete row[cname];
        else row[cname] = v;
      }
    }
  }
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Reads a standalone database file (what `ovsdb-client backup` writes, or ovsdb-server's own file,
 * diffs included) or a clustered one (its snapshot and log entries). */
export function importOvsdbFile(text: string): ImportResult {
  const nb = emptyNbDatabase();
  const tables = nb.tables as unknown as Tables;
  const lines = text.split('\n');
  let record = 0;
  for (let i = 0; i < lines.length; i++) {
    const header = lines[i];
    if (header.trim() === '') continue;
    const kind = header.match(/^OVSDB (JSON|CLUSTER) /)?.[1];
    if (!kind) return { ok: false, line: i + 1, error: 'expected an "OVSDB JSON" record header' };
    const body = lines[++i] ?? '';
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      return { ok: false, line: i + 1, error: 'record is not valid JSON' };
    }
    if (!isObject(json)) return { ok: false, line: i + 1, error: 'record is not a JSON object' };
    const checkName = (schema: unknown): ImportResult | undefined => {
      const name = isObject(schema) ? schema.name : undefined;
      return name === 'OVN_Northbound'
        ? undefined
        : { ok: false, line: i + 1, error: `database is ${String(name)}, not OVN_Northbound` };
    };
    if (kind === 'CLUSTER') {
      // raft records: a snapshot in prev_data, log entries in data ([schema or null, transaction])
      for (const key of ['prev_data', 'data']) {
        const entry = json[key];
        if (!Array.isArray(entry)) continue;
        if (entry[0] !== null && entry[0] !== undefined) {
          const bad = checkName(entry[0]);
          if (bad) return bad;
        }
        if (isObject(entry[1])) applyTxn(tables, entry[1], key === 'data' && entry[1]._is_diff === true);
        record++;
      }
      continue;
    }
    if (record++ === 0) {
      const bad = checkName(json);
      if (bad) return bad;
      continue;
    }
    applyTxn(tables, json, json._is_diff === true);
  }
  if (record === 0) return { ok: false, line: 1, error: 'no OVSDB records' };
  return { ok: true, nb };
}
