// Turns raw `ovsdb-client dump --format=json` output of real NB/SB databases into run-independent golden
// files: sb-lflows.json (every Logical_Flow per datapath, with its northd.c source) and sb-dump.txt.
import { readFileSync, writeFileSync } from 'node:fs';
import { formatSbBindings, type SbRowLike, type SbTablesLike } from './sb-bindings.ts';
import { formatLflowRows } from './lflow-rows.ts';

type Atom = string | number | boolean | ['uuid' | 'named-uuid', string];
type Datum = Atom | ['set', Atom[]] | ['map', [Atom, Atom][]];
interface RawTable {
  caption: string;
  headings: string[];
  data: Datum[][];
}
type Row = Record<string, Datum>;
type Db = Map<string, Row[]>;

function loadDump(path: string): Db {
  const db: Db = new Map();
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const table = JSON.parse(line) as RawTable;
    const name = table.caption.replace(/ table$/, '');
    db.set(
      name,
      table.data.map((values) => Object.fromEntries(table.headings.map((h, i) => [h, values[i]]))),
    );
  }
  return db;
}

const isUuid = (d: Datum): d is ['uuid', string] => Array.isArray(d) && d[0] === 'uuid';
const uuidOf = (row: Row): string => (row._uuid as ['uuid', string])[1];

function set(d: Datum | undefined): Atom[] {
  if (d === undefined) return [];
  if (Array.isArray(d) && d[0] === 'set') return d[1] as Atom[];
  return [d as Atom];
}
function map(d: Datum | undefined): Record<string, Atom> {
  if (Array.isArray(d) && d[0] === 'map') {
    return Object.fromEntries((d[1] as [Atom, Atom][]).map(([k, v]) => [String(k), v]));
  }
  return {};
}
const str = (d: Datum | undefined): string => String(set(d)[0] ?? '');
const num = (d: Datum | undefined): number => Number(set(d)[0] ?? 0);

// A stable name for every row that has one, so references print the same on every run.
function rowNames(db: Db): Map<string, string> {
  const names = new Map<string, string>();
  for (const [table, rows] of db) {
    for (const row of rows) {
      const ext = map(row.external_ids);
      const name = str(row.name) || str(row.logical_port) || String(ext.name ?? '');
      if (name) names.set(uuidOf(row), `${table}:${name}`);
    }
  }
  return names;
}

const uuidText = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function atomText(a: Atom, names: Map<string, string>): string {
  if (Array.isArray(a)) return names.get(a[1]) ?? `<${a[0]}>`;
  if (typeof a === 'string' && uuidText.test(a)) return names.get(a) ?? '<uuid>';
  if (typeof a === 'string') return /^[A-Za-z0-9_.:/@-]+$/.test(a) ? a : JSON.stringify(a);
  return String(a);
}
function datumText(d: Datum, names: Map<string, string>): string {
  if (Array.isArray(d) && d[0] === 'set') {
    return `[${(d[1] as Atom[])
      .map((a) => atomText(a, names))
      .sort()
      .join(', ')}]`;
  }
  if (Array.isArray(d) && d[0] === 'map') {
    const pairs = (d[1] as [Atom, Atom][]).map(([k, v]) => `${atomText(k, names)}=${atomText(v, names)}`);
    return `{${pairs.join(', ')}}`;
  }
  return atomText(d as Atom, names);
}

// stage-hint is the first 8 hex digits of the NB row's uuid: resolve it to the row's table and name.
function hintNames(nb: Db): Map<string, string> {
  const hints = new Map<string, string>();
  for (const [table, rows] of nb) {
    for (const row of rows) {
      const name = str(row.name) || str(row.match) || '?';
      hints.set(uuidOf(row).slice(0, 8), `${table}:${name}`);
    }
  }
  return hints;
}

/** The Logical_Flow rows as real northd wrote them (one row for a flow shared through a Logical_DP_Group). */
function lflowRows(sb: Db): string {
  const dpName = new Map<string, string>();
  for (const dp of sb.get('Datapath_Binding') ?? []) dpName.set(uuidOf(dp), String(map(dp.external_ids).name ?? ''));
  const groups = new Map<string, string[]>();
  for (const g of sb.get('Logical_DP_Group') ?? [])
    groups.set(
      uuidOf(g),
      set(g.datapaths).map((a) => (a as ['uuid', string])[1]),
    );
  const rows = (sb.get('Logical_Flow') ?? []).map((row) => ({
    pipeline: str(row.pipeline),
    table: num(row.table_id),
    priority: num(row.priority),
    match: str(row.match),
    actions: str(row.actions),
    datapaths: (isUuid(row.logical_datapath)
      ? [row.logical_datapath[1]]
      : (groups.get((set(row.logical_dp_group)[0] as ['uuid', string])[1]) ?? [])
    ).map((u) => dpName.get(u) ?? '?'),
  }));
  const used = new Set(
    (sb.get('Logical_Flow') ?? []).flatMap((row) =>
      isUuid(row.logical_datapath) ? [] : set(row.logical_dp_group).map((a) => (a as ['uuid', string])[1]),
    ),
  );
  return formatLflowRows(rows, used.size);
}

function lflows(sb: Db, nb: Db): string {
  const dpName = new Map<string, string>();
  for (const dp of sb.get('Datapath_Binding') ?? []) dpName.set(uuidOf(dp), String(map(dp.external_ids).name ?? ''));
  const groups = new Map<string, string[]>();
  for (const g of sb.get('Logical_DP_Group') ?? []) {
    groups.set(
      uuidOf(g),
      set(g.datapaths).map((a) => (a as ['uuid', string])[1]),
    );
  }
  const hints = hintNames(nb);
  const out: Record<string, string | number>[] = [];
  for (const row of sb.get('Logical_Flow') ?? []) {
    const ext = map(row.external_ids);
    const dps = isUuid(row.logical_datapath)
      ? [row.logical_datapath[1]]
      : (groups.get((set(row.logical_dp_group)[0] as ['uuid', string])[1]) ?? []);
    for (const dp of dps) {
      const flow: Record<string, string | number> = {
        datapath: dpName.get(dp) ?? '?',
        pipeline: str(row.pipeline),
        table: num(row.table_id),
        stage: String(ext['stage-name'] ?? ''),
        priority: num(row.priority),
        match: str(row.match),
        actions: str(row.actions),
        source: String(ext.source ?? ''),
      };
      if (ext['stage-hint'] !== undefined) {
        const hint = String(ext['stage-hint']);
        flow.stageHint = hints.get(hint) ?? hint;
      }
      const meter = str(row.controller_meter);
      if (meter) flow.controllerMeter = meter;
      const tags = map(row.tags);
      if (Object.keys(tags).length) flow.tags = JSON.stringify(tags);
      out.push(flow);
    }
  }
  // lflow-list order: datapath name, pipeline (ingress first), table, priority descending, match, actions
  const pl = (p: string | number): number => (p === 'ingress' ? 0 : 1);
  out.sort(
    (a, b) =>
      cmp(a.datapath, b.datapath) ||
      pl(a.pipeline) - pl(b.pipeline) ||
      Number(a.table) - Number(b.table) ||
      Number(b.priority) - Number(a.priority) ||
      cmp(a.match, b.match) ||
      cmp(a.actions, b.actions),
  );
  return `[\n${out.map((f) => JSON.stringify(f)).join(',\n')}\n]\n`;
}

const cmp = (a: string | number | undefined, b: string | number | undefined): number => {
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
};

const dumpTables: [string, (r: Row, names: Map<string, string>) => string][] = [
  ['Chassis', (r) => str(r.name)],
  ['Datapath_Binding', (r) => String(num(r.tunnel_key)).padStart(6, '0')],
  ['Port_Binding', (r, n) => `${n.get(str(r.datapath))}/${String(num(r.tunnel_key)).padStart(6, '0')}`],
  ['Multicast_Group', (r, n) => `${n.get(str(r.datapath))}/${String(num(r.tunnel_key)).padStart(6, '0')}`],
  ['Address_Set', (r) => str(r.name)],
  ['Port_Group', (r) => str(r.name)],
  ['Load_Balancer', (r) => str(r.name)],
  ['DNS', (r) => JSON.stringify(map(r.records))],
  ['MAC_Binding', (r) => `${str(r.logical_port)} ${str(r.ip)}`],
  ['Meter', (r) => str(r.name)],
  ['IGMP_Group', (r) => str(r.address)],
  ['HA_Chassis_Group', (r) => str(r.name)],
];
const skipColumns = new Set(['_uuid', '_version', 'encaps', 'timestamp', 'nb_cfg', 'nb_cfg_timestamp']);

function sbDump(sb: Db, nb: Db): string {
  const names = new Map([...rowNames(nb), ...rowNames(sb)]);
  const refKey = (d: Datum | undefined): string => (d && isUuid(d) ? d[1] : '');
  const lines: string[] = [];
  for (const [table, key] of dumpTables) {
    const rows = (sb.get(table) ?? []).map((row) => {
      // northd picks this MAC at random unless NB_Global options:svc_monitor_mac is set
      const r: Row = str(row.name) === 'svc_monitor_mac' ? { ...row, addresses: '<random>' } : row;
      const fixed: Row = { ...r, datapath: refKey(r.datapath) };
      const k = key(fixed, names);
      const cols = Object.keys(r)
        .filter((c) => !skipColumns.has(c))
        .sort()
        .map((c) => `${c}=${datumText(r[c], names)}`);
      return { k, text: cols.join(' ') };
    });
    rows.sort((a, b) => cmp(a.k, b.k) || cmp(a.text, b.text));
    lines.push(`${table} (${rows.length})`, ...rows.map((r) => `  ${r.text}`), '');
  }
  return lines.join('\n');
}

// OVSDB JSON rows into the engine's row shape (see sb-bindings.ts).
function plain(d: Datum): unknown {
  if (!Array.isArray(d)) return d;
  if (d[0] === 'uuid' || d[0] === 'named-uuid') return d[1];
  if (d[0] === 'set') return (d[1] as Atom[]).map((a) => plain(a));
  if (d[0] === 'map') return Object.fromEntries((d[1] as [Atom, Atom][]).map(([k, v]) => [String(plain(k)), plain(v)]));
  return d;
}
function engineShape(db: Db): SbTablesLike {
  const out: SbTablesLike = {};
  for (const [table, rows] of db) {
    out[table] = rows.map((r) => Object.fromEntries(Object.entries(r).map(([c, d]) => [c, plain(d)])) as SbRowLike);
  }
  return out;
}

const [sbPath, nbPath, outDir] = process.argv.slice(2);
if (!sbPath || !nbPath || !outDir) {
  process.stderr.write('usage: sb-extract.ts SB_DUMP.json NB_DUMP.json OUTDIR\n');
  process.exit(2);
}
const sb = loadDump(sbPath);
const nb = loadDump(nbPath);
writeFileSync(`${outDir}/sb-lflows.json`, lflows(sb, nb));
writeFileSync(`${outDir}/sb-lflow-rows.txt`, lflowRows(sb));
writeFileSync(`${outDir}/sb-dump.txt`, sbDump(sb, nb));
writeFileSync(`${outDir}/sb-bindings.txt`, formatSbBindings(engineShape(sb)));
