// Reads a real Northbound database as `ovsdb-client backup` (or the ovsdb-server db file) writes it:
// "OVSDB JSON <len> <sha1>" records, the schema first, then transactions applied in order.
import { emptyNbDatabase, type NbDatabase } from './database.ts';
import { NbTableNames, type NbTableName } from './schema.gen.ts';
import { defaultValue, tableSchema, type ColumnSchema } from './schema.ts';
import { sortDatum, valueOf, type Atom, type Datum } from './datum.ts';

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

export function importOvsdbFile(text: string): ImportResult {
  const nb = emptyNbDatabase();
  const tables = nb.tables as unknown as Record<string, Map<string, Record<string, unknown>>>;
  const lines = text.split('\n');
  let record = 0;
  for (let i = 0; i < lines.length; i++) {
    const header = lines[i];
    if (header.trim() === '') continue;
    if (!/^OVSDB (JSON|CLUSTER) /.test(header))
      return { ok: false, line: i + 1, error: 'expected an "OVSDB JSON" record header' };
    const body = lines[++i] ?? '';
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      return { ok: false, line: i + 1, error: 'record is not valid JSON' };
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json))
      return { ok: false, line: i + 1, error: 'record is not a JSON object' };
    if (record++ === 0) {
      const name = (json as { name?: string }).name;
      if (name !== 'OVN_Northbound')
        return { ok: false, line: i + 1, error: `database is ${String(name)}, not OVN_Northbound` };
      continue;
    }
    for (const [tname, rows] of Object.entries(json as Record<string, unknown>)) {
      if (tname.startsWith('_') || !NbTableNames.includes(tname as NbTableName)) continue;
      const ts = tableSchema(tname as NbTableName);
      const m = tables[tname];
      if (typeof rows !== 'object' || rows === null) continue;
      for (const [uuid, change] of Object.entries(rows as Record<string, unknown>)) {
        if (change === null) {
          m.delete(uuid);
          continue;
        }
        if (typeof change !== 'object') continue;
        let row = m.get(uuid);
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
          const v = columnValue(col, j);
          if (v === undefined) delete row[cname];
          else row[cname] = v;
        }
      }
    }
  }
  if (record === 0) return { ok: false, line: 1, error: 'no OVSDB records' };
  return { ok: true, nb };
}
