// Southbound rows that northd writes (datapaths, port bindings, multicast groups, address sets, port groups,
// load balancers, DNS), one stable line each. Shared by the golden generator (rows of the real SB) and the
// conformance test (rows of our northd), so both sides print alike; references print as the row's name.

/** A row in the engine's shape: scalars plain, sets arrays, maps records, references uuid strings. */
export type SbRowLike = { _uuid: string } & Record<string, unknown>;
export type SbTablesLike = Record<string, Iterable<object> | undefined>;

interface TableSpec {
  table: string;
  /** the columns northd owns (not those ovn-controller or ovn-sbctl write) */
  columns: string[];
  name: (row: SbRowLike) => string;
  /** sort key, given the display names of all rows */
  order: (row: SbRowLike, names: Map<string, string>) => string;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const key = (n: unknown): string => String(typeof n === 'number' ? n : 0).padStart(6, '0');
const extName = (row: SbRowLike): string => str((row.external_ids as Record<string, unknown> | undefined)?.name);

const specs: TableSpec[] = [
  {
    table: 'Datapath_Binding',
    columns: ['tunnel_key', 'external_ids', 'load_balancers'],
    name: extName,
    order: (r) => key(r.tunnel_key),
  },
  {
    table: 'Port_Binding',
    columns: [
      'datapath',
      'tunnel_key',
      'type',
      'mac',
      'port_security',
      'options',
      'parent_port',
      'tag',
      'nat_addresses',
      'virtual_parent',
      'chassis',
      'ha_chassis_group',
      'gateway_chassis',
    ],
    name: (r) => str(r.logical_port),
    order: (r, names) => `${names.get(str(r.datapath))}/${key(r.tunnel_key)}`,
  },
  {
    table: 'Multicast_Group',
    columns: ['datapath', 'tunnel_key', 'ports'],
    name: (r) => str(r.name),
    order: (r, names) => `${names.get(str(r.datapath))}/${key(r.tunnel_key)}`,
  },
  { table: 'Address_Set', columns: ['addresses'], name: (r) => str(r.name), order: (r) => str(r.name) },
  { table: 'Port_Group', columns: ['ports'], name: (r) => str(r.name), order: (r) => str(r.name) },
  {
    table: 'Load_Balancer',
    columns: ['datapaths', 'datapath_group', 'protocol', 'vips', 'options'],
    name: (r) => str(r.name),
    order: (r) => str(r.name),
  },
  {
    table: 'DNS',
    columns: ['datapaths', 'records'],
    name: () => '',
    order: (r) => JSON.stringify(r.records),
  },
  {
    table: 'MAC_Binding',
    columns: ['datapath', 'mac'],
    name: (r) => `${str(r.logical_port)} ${str(r.ip)}`,
    order: (r) => `${str(r.logical_port)} ${str(r.ip)}`,
  },
];

const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function value(v: unknown, names: Map<string, string>, foreign?: Set<string>): string {
  if (v === undefined || v === null) return '[]';
  if (Array.isArray(v)) {
    // a one-element set prints as its element, so optional scalars and sets read alike on both sides
    if (v.length === 1) return value(v[0], names, foreign);
    return `[${v
      .map((x) => value(x, names, foreign))
      .sort()
      .join(', ')}]`;
  }
  if (typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}=${value(x, names, foreign)}`).join(', ')}}`;
  }
  if (typeof v === 'string') {
    const name = names.get(v);
    if (name !== undefined) return JSON.stringify(name);
    return uuidShape.test(v) || foreign?.has(v) ? '<uuid>' : JSON.stringify(v);
  }
  return String(v);
}

// Rows of either side are plain objects with a _uuid; read them as column records.
const rowsOf = (db: SbTablesLike, table: string): SbRowLike[] => [...(db[table] ?? [])] as SbRowLike[];

/**
 * One line per row of the tables above, in a run-independent order. `foreign` holds the uuids of rows in other
 * databases (the NB rows named in external_ids), printed as <uuid> whatever their shape.
 */
export function formatSbBindings(db: SbTablesLike, foreign?: Set<string>): string {
  const names = new Map<string, string>();
  const rows = new Map<string, SbRowLike[]>();
  for (const spec of specs) {
    const list = rowsOf(db, spec.table);
    rows.set(spec.table, list);
    for (const r of list) if (spec.name(r)) names.set(r._uuid, spec.name(r));
  }
  for (const r of [...rowsOf(db, 'Chassis'), ...rowsOf(db, 'HA_Chassis_Group')]) names.set(r._uuid, str(r.name));
  // a datapath group prints as the sorted names of its datapaths
  for (const r of rowsOf(db, 'Logical_DP_Group')) {
    const dps = (Array.isArray(r.datapaths) ? r.datapaths : [r.datapaths]).map((d) => names.get(str(d)) ?? '?');
    names.set(r._uuid, dps.sort().join(' '));
  }
  const lines: string[] = [];
  for (const spec of specs) {
    const list = (rows.get(spec.table) ?? [])
      // northd picks this address set's MAC at random unless NB_Global options:svc_monitor_mac is set
      .filter((r) => !(spec.table === 'Address_Set' && r.name === 'svc_monitor_mac'))
      .map((r) => ({
        order: spec.order(r, names),
        text: `${spec.table} ${JSON.stringify(spec.name(r))}: ${spec.columns.map((c) => `${c}=${value(r[c], names, foreign)}`).join(' ')}`,
      }))
      .sort((a, b) =>
        a.order < b.order ? -1 : a.order > b.order ? 1 : a.text < b.text ? -1 : a.text > b.text ? 1 : 0,
      );
    lines.push(...list.map((l) => l.text));
  }
  return `${lines.join('\n')}\n`;
}
