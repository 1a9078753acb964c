// The generic database commands of ovn-nbctl (lib/db-ctl-base.c): list, find, get, set, add,
// remove, clear, create, destroy, with table/column abbreviation and record-name resolution.
import type { NbTableName } from '../../nb/schema.gen.ts';
import { NbTableNames } from '../../nb/schema.gen.ts';
import { tableSchema, type ColumnSchema, type ColumnType, type TableSchema } from '../../nb/schema.ts';
import {
  atomCompare,
  datumOf,
  datumToJson,
  formatAtom,
  formatBare,
  formatDatum,
  isUuid,
  parseAtom,
  parseDatum,
  parseToken,
  sortDatum,
  valueOf,
  type Atom,
  type Datum,
} from '../../nb/datum.ts';
import type { AnyRow } from '../../nb/txn.ts';
import { fatal, hasOpt, print, type CmdContext } from './context.ts';
import type { CommandSpec } from './spec.ts';
import { prettyJson } from './json-pretty.ts';

const lowerUnderscore = (c: string): string => (c === '-' ? '_' : c.toLowerCase());

/** score_partial_match: exact > case/underscore-insensitive > prefix length. */
function scorePartial(name: string, s: string): number {
  if (name === s) return Number.MAX_SAFE_INTEGER;
  let score = 0;
  for (; ; score++) {
    const a = name[score] ?? '';
    const b = s[score] ?? '';
    if (lowerUnderscore(a) !== lowerUnderscore(b)) break;
    if (a === '') return Number.MAX_SAFE_INTEGER - 1;
  }
  return score === s.length ? score : 0;
}

function bestMatch<T>(items: T[], nameOf: (t: T) => string, s: string): T[] {
  let best: T[] = [];
  let bestScore = 0;
  for (const it of items) {
    const sc = scorePartial(nameOf(it), s);
    if (sc && sc >= bestScore) {
      if (sc > bestScore) best = [];
      best.push(it);
      bestScore = sc;
    }
  }
  return best;
}

export function getTable(name: string): TableSchema {
  const m = bestMatch([...NbTableNames], (t) => t, name);
  if (!m.length) fatal(`unknown table "${name}"`);
  if (m.length > 1) fatal(`"${name}" matches multiple table names: ${[...m].sort().join(', ')}`);
  return tableSchema(m[0]);
}

export function getColumn(t: TableSchema, name: string): ColumnSchema {
  const m = bestMatch(t.columns, (c) => c.name, name);
  if (!m.length) fatal(`${t.name} does not contain a column whose name matches "${name}"`);
  if (m.length > 1)
    fatal(
      `${t.name} contains more than one column whose name matches "${name}": ${m
        .map((c) => c.name)
        .sort()
        .join(', ')}`,
    );
  return m[0];
}

interface RowId {
  table: NbTableName;
  nameCol: string;
  key?: string;
  uuidCol?: string;
}

/** ovn-nbctl's ctl_table_class row_ids: which column names a record of each table. */
const ROW_IDS: Partial<Record<NbTableName, RowId[]>> = {
  DHCP_Options: [
    { table: 'Logical_Switch_Port', nameCol: 'name', uuidCol: 'dhcpv4_options' },
    { table: 'Logical_Switch_Port', nameCol: 'external_ids', key: 'neutron:port_name', uuidCol: 'dhcpv4_options' },
    { table: 'Logical_Switch_Port', nameCol: 'name', uuidCol: 'dhcpv6_options' },
    { table: 'Logical_Switch_Port', nameCol: 'external_ids', key: 'neutron:port_name', uuidCol: 'dhcpv6_options' },
  ],
  Logical_Switch: [
    { table: 'Logical_Switch', nameCol: 'name' },
    { table: 'Logical_Switch', nameCol: 'external_ids', key: 'neutron:network_name' },
  ],
  Logical_Switch_Port: [
    { table: 'Logical_Switch_Port', nameCol: 'name' },
    { table: 'Logical_Switch_Port', nameCol: 'external_ids', key: 'neutron:port_name' },
  ],
  Logical_Router: [
    { table: 'Logical_Router', nameCol: 'name' },
    { table: 'Logical_Router', nameCol: 'external_ids', key: 'neutron:router_name' },
  ],
  Logical_Router_Port: [{ table: 'Logical_Router_Port', nameCol: 'name' }],
  Address_Set: [{ table: 'Address_Set', nameCol: 'name' }],
  Port_Group: [{ table: 'Port_Group', nameCol: 'name' }],
  ACL: [{ table: 'ACL', nameCol: 'name' }],
  HA_Chassis: [{ table: 'HA_Chassis', nameCol: 'chassis_name' }],
  HA_Chassis_Group: [{ table: 'HA_Chassis_Group', nameCol: 'name' }],
  Load_Balancer: [{ table: 'Load_Balancer', nameCol: 'name' }],
  Load_Balancer_Group: [{ table: 'Load_Balancer_Group', nameCol: 'name' }],
  Load_Balancer_Health_Check: [{ table: 'Load_Balancer_Health_Check', nameCol: 'vip' }],
  Forwarding_Group: [{ table: 'Forwarding_Group', nameCol: 'name' }],
  Meter: [{ table: 'Meter', nameCol: 'name' }],
  NAT: [{ table: 'NAT', nameCol: 'external_ip' }],
  Chassis_Template_Var: [{ table: 'Chassis_Template_Var', nameCol: 'chassis' }],
  Connection: [{ table: 'Connection', nameCol: 'target' }],
};

function rowById(ctx: CmdContext, table: NbTableName, id: RowId, record: string): AnyRow | undefined {
  let referrer: AnyRow | undefined;
  for (const row of ctx.txn.rows(id.table).values()) {
    const v = row[id.nameCol];
    const name = id.key ? (v as Record<string, string>)[id.key] : Array.isArray(v) ? undefined : v;
    if (name === undefined || String(name) !== record) continue;
    if (referrer) fatal(`multiple rows in ${id.table} match "${record}"`);
    referrer = row;
  }
  if (!referrer) return undefined;
  if (!id.uuidCol) return referrer;
  const u = referrer[id.uuidCol];
  return typeof u === 'string' ? ctx.txn.get(table, u) : undefined;
}

/** ctl_get_row: uuid, ".", the table's row ids, then a unique uuid prefix of 4+ hex digits. */
export function getRow(ctx: CmdContext, table: NbTableName, record: string, mustExist: boolean): AnyRow | undefined {
  let row = isUuid(record) ? ctx.txn.get(table, record.toLowerCase()) : undefined;
  if (!row && record === '.') {
    const rows = [...ctx.txn.rows(table).values()];
    if (rows.length === 1) row = rows[0];
  }
  if (!row)
    for (const id of ROW_IDS[table] ?? []) {
      row = rowById(ctx, table, id, record);
      if (row) break;
    }
  if (!row && /^[0-9a-fA-F-]{4,}$/.test(record) && record.replace(/-/g, '').length >= 4) {
    const prefix = record.toLowerCase();
    for (const r of ctx.txn.rows(table).values())
      if (r._uuid.startsWith(prefix)) {
        if (row)
          fatal(
            `${table} contains 2 or more rows whose UUIDs begin with ${record}: at least ${row._uuid} and ${r._uuid}`,
          );
        row = r;
      }
  }
  if (!row && mustExist) fatal(`no row "${record}" in table ${table}`);
  return row;
}

interface ColumnKeyValue {
  column: ColumnSchema;
  key?: string;
  op?: string;
  value?: string;
}

/** parse_column_key_value: COLUMN[:KEY][OP VALUE]. */
function parseColumnKeyValue(t: TableSchema, arg: string, ops: string[] | undefined): ColumnKeyValue {
  const ct = parseToken(arg, 0);
  if (!ct.ok) return fatal(ct.error);
  if (ct.value.token === '') fatal(`${arg}: missing column name`);
  const column = getColumn(t, ct.value.token);
  let p = ct.value.end;
  let key: string | undefined;
  if (arg[p] === ':') {
    const kt = parseToken(arg, p + 1);
    if (!kt.ok) return fatal(kt.error);
    key = kt.value.token;
    p = kt.value.end;
  }
  if (!ops) {
    if (p < arg.length) fatal(`${arg}: trailing garbage "${arg.slice(p)}" in argument`);
    return { column, key };
  }
  let best = '';
  for (const op of ops) if (op.length > best.length && arg.startsWith(op, p) && arg.length > p + op.length) best = op;
  if (!best) {
    const quoted = ops.map((o) => `"${o}"`);
    const list =
      quoted.length === 1
        ? quoted[0]
        : quoted.length === 2
          ? quoted.join(' or ')
          : `${quoted.slice(0, -1).join(', ')}, or ${quoted[quoted.length - 1]}`;
    fatal(`${arg}: argument does not end in ${list} followed by a value.`);
  }
  return { column, key, op: best, value: arg.slice(p + best.length) };
}

const must = <T>(r: { ok: true; value: T } | { ok: false; error: string }): T => (r.ok ? r.value : fatal(r.error));

/** set_column: COLUMN=VALUE or COLUMN:KEY=VALUE (the new pair wins over an existing key). */
export function setColumn(ctx: CmdContext, t: TableSchema, row: AnyRow, arg: string): void {
  const ckv = parseColumnKeyValue(t, arg, ['=']);
  const col = ckv.column;
  let d: Datum;
  if (ckv.key !== undefined) {
    if (!col.type.value) fatal(`cannot specify key to set for non-map column ${col.name}`);
    const k = must(parseAtom(col.type.key, ckv.key, ctx.symtab));
    const v = must(parseAtom(col.type.value as ColumnType['key'], ckv.value as string, ctx.symtab));
    const old = datumOf(col, (ctx.txn.get(t.name, row._uuid) ?? row)[col.name]);
    d = union({ keys: [k], values: [v] }, old);
  } else d = must(parseDatum(col.type, ckv.value as string, ctx.symtab));
  writeColumn(ctx, t, row, col, valueOf(col, d));
}

/** Writes a column. ovsdb-idl cannot resolve a reference to a row that does not exist yet (a
 * forward --id), so such members of a set stay invisible until the commit adds them. */
function writeColumn(ctx: CmdContext, t: TableSchema, row: AnyRow, col: ColumnSchema, value: unknown): void {
  const target = col.type.key.refTable;
  if (col.kind === 'set' && target && Array.isArray(value)) {
    const later = (value as string[]).filter((u) => !ctx.txn.get(target, u));
    if (later.length) {
      ctx.txn.update(t.name, row._uuid, { [col.name]: (value as string[]).filter((u) => !later.includes(u)) });
      for (const u of later) ctx.txn.deferSetOp(t.name, row._uuid, col.name, 'add', u);
      return;
    }
  }
  ctx.txn.update(t.name, row._uuid, { [col.name]: value });
}

/** ovsdb_datum_union: keys of `b` not already in `a` are added. */
function union(a: Datum, b: Datum): Datum {
  const keys = [...a.keys];
  const values = a.values ? [...a.values] : undefined;
  b.keys.forEach((k, i) => {
    if (keys.some((x) => atomCompare(x, k) === 0)) return;
    keys.push(k);
    if (values && b.values) values.push(b.values[i]);
  });
  return sortDatum({ keys, values }) as Datum;
}

function cmdSet(ctx: CmdContext): void {
  const t = getTable(ctx.argv[1]);
  const row = getRow(ctx, t.name, ctx.argv[2], !hasOpt(ctx, '--if-exists'));
  if (!row) return;
  for (const arg of ctx.argv.slice(3)) setColumn(ctx, t, row, arg);
}

function cmdAdd(ctx: CmdContext): void {
  const t = getTable(ctx.argv[1]);
  const col = getColumn(t, ctx.argv[3]);
  const row = getRow(ctx, t.name, ctx.argv[2], !hasOpt(ctx, '--if-exists'));
  if (!row) return;
  let d = datumOf(col, row[col.name]);
  for (const arg of ctx.argv.slice(4)) {
    const add = must(parseDatum({ ...col.type, min: 1, max: Infinity }, arg, ctx.symtab));
    d = union(d, add);
  }
  if (d.keys.length > col.type.max)
    fatal(
      `"add" operation would put ${d.keys.length} ${col.type.value ? 'pairs' : 'values'} in column ${col.name} of table ${t.name} but the maximum number is ${col.type.max}`,
    );
  writeColumn(ctx, t, row, col, valueOf(col, d));
}

function cmdRemove(ctx: CmdContext): void {
  const t = getTable(ctx.argv[1]);
  const col = getColumn(t, ctx.argv[3]);
  const row = getRow(ctx, t.name, ctx.argv[2], !hasOpt(ctx, '--if-exists'));
  if (!row) return;
  const d = datumOf(col, row[col.name]);
  const keep = d.keys.map(() => true);
  for (const arg of ctx.argv.slice(4)) {
    const relaxed = { ...col.type, min: 1, max: Infinity };
    let rm = parseDatum(relaxed, arg, ctx.symtab);
    let keysOnly = false;
    if (!rm.ok && col.type.value) {
      rm = parseDatum({ key: col.type.key, min: 1, max: Infinity }, arg, ctx.symtab);
      keysOnly = true;
    }
    const r = must(rm);
    d.keys.forEach((k, i) => {
      const j = r.keys.findIndex((x) => atomCompare(x, k) === 0);
      if (j < 0) return;
      if (!col.type.value || keysOnly || atomCompare((r.values as Atom[])[j], (d.values as Atom[])[i]) === 0)
        keep[i] = false;
    });
  }
  const nd: Datum = { keys: d.keys.filter((_, i) => keep[i]), values: d.values?.filter((_, i) => keep[i]) };
  if (nd.keys.length < col.type.min)
    fatal(
      `"remove" operation would put ${nd.keys.length} ${col.type.value ? 'pairs' : 'values'} in column ${col.name} of table ${t.name} but the minimum number is ${col.type.min}`,
    );
  ctx.txn.update(t.name, row._uuid, { [col.name]: valueOf(col, nd) });
}

function cmdClear(ctx: CmdContext): void {
  const t = getTable(ctx.argv[1]);
  const row = getRow(ctx, t.name, ctx.argv[2], !hasOpt(ctx, '--if-exists'));
  if (!row) return;
  for (const name of ctx.argv.slice(3)) {
    const col = getColumn(t, name);
    if (col.type.min > 0)
      fatal(
        `"clear" operation cannot be applied to column ${col.name} of table ${t.name}, which is not allowed to be empty`,
      );
    ctx.txn.update(t.name, row._uuid, {
      [col.name]: valueOf(col, { keys: [], values: col.type.value ? [] : undefined }),
    });
  }
}

function cmdCreate(ctx: CmdContext): void {
  const t = getTable(ctx.argv[1]);
  const id = ctx.options.get('--id');
  let uuid: string | undefined;
  if (id) {
    if (isUuid(id)) uuid = id.toLowerCase();
    else {
      if (!id.startsWith('@')) fatal(`row id "${id}" does not begin with "@"`);
      if (ctx.defined.has(id)) fatal(`row id "${id}" may only be specified on one --id option`);
      uuid = ctx.symtab.get(id);
    }
  }
  const row = ctx.txn.insert(t.name, {}, uuid);
  if (id && !isUuid(id)) {
    ctx.symtab.set(id, row._uuid);
    ctx.defined.add(id);
  }
  for (const arg of ctx.argv.slice(2)) setColumn(ctx, t, row, arg);
  print(ctx, `${row._uuid}\n`);
}

function cmdDestroy(ctx: CmdContext): void {
  const t = getTable(ctx.argv[1]);
  const mustExist = !hasOpt(ctx, '--if-exists');
  const all = hasOpt(ctx, '--all');
  if (all && ctx.argv.length > 2) fatal('--all and records argument should not be specified together');
  if (all && !mustExist) fatal('--all and --if-exists should not be specified together');
  if (all) {
    for (const u of [...ctx.txn.rows(t.name).keys()]) ctx.txn.delete(t.name, u);
    return;
  }
  for (const rec of ctx.argv.slice(2)) {
    const row = getRow(ctx, t.name, rec, mustExist);
    if (row) ctx.txn.delete(t.name, row._uuid);
  }
}

function cmdGet(ctx: CmdContext): void {
  const id = ctx.options.get('--id');
  const mustExist = !hasOpt(ctx, '--if-exists');
  if (id && !mustExist) fatal('--if-exists and --id may not be specified together');
  const t = getTable(ctx.argv[1]);
  const row = getRow(ctx, t.name, ctx.argv[2], mustExist);
  if (!row) return;
  if (id) {
    if (!id.startsWith('@')) fatal(`row id "${id}" does not begin with "@"`);
    if (ctx.symtab.has(id)) fatal(`row id "${id}" specified on "get" command was used before it was defined`);
    ctx.symtab.set(id, row._uuid);
    ctx.defined.add(id);
  }
  for (const arg of ctx.argv.slice(3)) {
    if (arg.toLowerCase() === '_uuid' || arg.toLowerCase() === '-uuid') {
      print(ctx, `${row._uuid}\n`);
      continue;
    }
    const { column: col, key } = parseColumnKeyValue(t, arg, undefined);
    const d = datumOf(col, row[col.name]);
    if (key !== undefined) {
      if (!col.type.value) fatal(`cannot specify key to get for non-map column ${col.name}`);
      const k = must(parseAtom(col.type.key, key, ctx.symtab));
      const i = d.keys.findIndex((x) => atomCompare(x, k) === 0);
      if (i < 0) {
        if (mustExist) fatal(`no key "${key}" in ${t.name} record "${ctx.argv[2]}" column ${col.name}`);
      } else print(ctx, formatAtom((col.type.value as ColumnType['key']).type, (d.values as Atom[])[i]));
    } else print(ctx, formatDatum(col.type, d));
    print(ctx, '\n');
  }
}

/** parse_column_names: --columns=a,b or _uuid then every column. */
function columnsOf(ctx: CmdContext, t: TableSchema): (ColumnSchema | undefined)[] {
  const spec = ctx.options.get('--columns');
  if (spec === undefined) return [undefined, ...t.columns];
  const names = spec.split(/[, ]+/).filter(Boolean);
  if (!names.length) fatal('must specify at least one column name');
  return names.map((n) => (n.toLowerCase() === '_uuid' ? undefined : getColumn(t, n)));
}

const UUID_TYPE: ColumnType = { key: { type: 'uuid' }, min: 1, max: 1 };

const csvCell = (c: string): string => (/[\n",]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);

/** Prints rows as ovs's table_print does: list (the ctl default), table or csv. */
export function printTable(ctx: CmdContext, cols: (ColumnSchema | undefined)[], rows: AnyRow[]): void {
  const style = ctx.inv.style;
  ctx.table = true;
  let s = '';
  if (ctx.inv.firstTable) ctx.inv.firstTable = false;
  else s += '\n';
  const cell = (c: ColumnSchema | undefined, row: AnyRow): string => {
    const type = c ? c.type : UUID_TYPE;
    const d: Datum = c ? datumOf(c, row[c.name]) : { keys: [row._uuid] };
    if (style.cell === 'json') return JSON.stringify(datumToJson(type, d));
    return style.cell === 'bare' ? formatBare(type, d) : formatDatum(type, d);
  };
  const heads = cols.map((c) => (c ? c.name : '_uuid'));
  const body = rows.map((r) => cols.map((c) => cell(c, r)));
  if (style.format === 'table') {
    const widths = heads.map((h, i) => Math.max(style.headings ? h.length : 0, ...body.map((b) => b[i].length)));
    const line = (cells: string[]): string =>
      cells
        .map((x, i) => x.padEnd(widths[i]))
        .join(' ')
        .trimEnd() + '\n';
    if (style.headings) {
      s += line(heads);
      s += line(widths.map((w) => '-'.repeat(w)));
    }
    for (const b of body) s += line(b);
  } else if (style.format === 'json') {
    // cells keep their JSON form unless a --data format turned them into text
    const data = rows.map((r, y) =>
      cols.map((c, x) =>
        style.cell !== 'string' ? body[y][x] : c ? datumToJson(c.type, datumOf(c, r[c.name])) : ['uuid', r._uuid],
      ),
    );
    s += (style.pretty ? prettyJson({ data, headings: heads }) : JSON.stringify({ data, headings: heads })) + '\n';
  } else if (style.format === 'csv') {
    if (style.headings) s += heads.map(csvCell).join(',') + '\n';
    for (const b of body) s += b.map(csvCell).join(',') + '\n';
  } else
    body.forEach((b, y) => {
      if (y > 0) s += '\n';
      b.forEach((text, x) => (s += (style.headings ? `${heads[x].padEnd(20)}: ` : '') + text + '\n'));
    });
  print(ctx, s);
}

function cmdList(ctx: CmdContext): void {
  const t = getTable(ctx.argv[1]);
  const cols = columnsOf(ctx, t);
  const mustExist = !hasOpt(ctx, '--if-exists');
  const rows =
    ctx.argv.length > 2
      ? ctx.argv.slice(2).flatMap((rec) => getRow(ctx, t.name, rec, mustExist) ?? [])
      : [...ctx.txn.rows(t.name).values()];
  printTable(ctx, cols, rows);
}

const RELOPS = ['=', '!=', '<', '>', '<=', '>=', '{=}', '{!=}', '{<}', '{>}', '{<=}', '{>=}', '{in}', '{not-in}'];

function compareDatum(a: Datum, b: Datum): number {
  if (a.keys.length !== b.keys.length) return a.keys.length - b.keys.length;
  for (let i = 0; i < a.keys.length; i++) {
    const c = atomCompare(a.keys[i], b.keys[i]);
    if (c) return c;
  }
  if (a.values && b.values)
    for (let i = 0; i < a.values.length; i++) {
      const c = atomCompare(a.values[i], b.values[i]);
      if (c) return c;
    }
  return 0;
}

const includesAll = (a: Datum, b: Datum): boolean =>
  a.keys.every((k, i) => {
    const j = b.keys.findIndex((x) => atomCompare(x, k) === 0);
    return j >= 0 && (!a.values || atomCompare(a.values[i], (b.values as Atom[])[j]) === 0);
  });
const excludesAll = (a: Datum, b: Datum): boolean =>
  a.keys.every((k, i) => {
    const j = b.keys.findIndex((x) => atomCompare(x, k) === 0);
    return j < 0 || (!!a.values && atomCompare(a.values[i], (b.values as Atom[])[j]) !== 0);
  });

function relop(a: Datum, b: Datum, op: string): boolean {
  switch (op) {
    case '=':
    case '{=}':
      return compareDatum(a, b) === 0;
    case '!=':
    case '{!=}':
      return compareDatum(a, b) !== 0;
    case '<':
      return compareDatum(a, b) < 0;
    case '>':
      return compareDatum(a, b) > 0;
    case '<=':
      return compareDatum(a, b) <= 0;
    case '>=':
      return compareDatum(a, b) >= 0;
    case '{<}':
      return b.keys.length > a.keys.length && includesAll(a, b);
    case '{>}':
      return a.keys.length > b.keys.length && includesAll(b, a);
    case '{<=}':
    case '{in}':
      return includesAll(a, b);
    case '{>=}':
      return includesAll(b, a);
    default:
      return excludesAll(a, b);
  }
}

function checkCondition(ctx: CmdContext, t: TableSchema, row: AnyRow, arg: string): boolean {
  const { column: col, key, op, value } = parseColumnKeyValue(t, arg, RELOPS);
  const have = datumOf(col, row[col.name]);
  if (key !== undefined) {
    if (!col.type.value) fatal(`cannot specify key to check for non-map column ${col.name}`);
    const k = must(parseAtom(col.type.key, key, ctx.symtab));
    const b = must(
      parseDatum(
        { key: col.type.value as ColumnType['key'], min: col.type.min, max: Infinity },
        value as string,
        ctx.symtab,
      ),
    );
    const i = have.keys.findIndex((x) => atomCompare(x, k) === 0);
    if (i < 0 && !(op as string).startsWith('{')) return false;
    const a: Datum = { keys: i >= 0 ? [(have.values as Atom[])[i]] : [] };
    return relop(a, b, op as string);
  }
  const want = must(parseDatum(col.type, value as string, ctx.symtab));
  return relop(have, want, op as string);
}

function cmdFind(ctx: CmdContext): void {
  const t = getTable(ctx.argv[1]);
  const cols = columnsOf(ctx, t);
  const rows = [...ctx.txn.rows(t.name).values()].filter((row) =>
    ctx.argv.slice(2).every((a) => checkCondition(ctx, t, row, a)),
  );
  printTable(ctx, cols, rows);
}

/** wait-until: a scenario has no other writer to wait for, so only the table and columns are checked. */
function cmdWaitUntil(ctx: CmdContext): void {
  const t = getTable(ctx.argv[1]);
  for (const arg of ctx.argv.slice(3)) parseColumnKeyValue(t, arg, RELOPS);
}

export const dbCommands: CommandSpec[] = [
  { name: 'comment', min: 0, max: Infinity, options: '', run: () => undefined },
  { name: 'wait-until', min: 2, max: Infinity, options: '', run: cmdWaitUntil },
  { name: 'list', min: 1, max: Infinity, options: '--if-exists,--columns=', run: cmdList },
  { name: 'find', min: 1, max: Infinity, options: '--columns=', run: cmdFind },
  { name: 'get', min: 2, max: Infinity, options: '--if-exists,--id=', run: cmdGet },
  { name: 'set', min: 3, max: Infinity, options: '--if-exists', run: cmdSet },
  { name: 'add', min: 4, max: Infinity, options: '--if-exists', run: cmdAdd },
  { name: 'remove', min: 4, max: Infinity, options: '--if-exists', run: cmdRemove },
  { name: 'clear', min: 3, max: Infinity, options: '--if-exists', run: cmdClear },
  { name: 'create', min: 2, max: Infinity, options: '--id=', run: cmdCreate },
  { name: 'destroy', min: 1, max: Infinity, options: '--if-exists,--all', run: cmdDestroy },
];
