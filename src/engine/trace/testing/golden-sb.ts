// Test support: a Southbound database rebuilt from a golden scenario's real-OVN outputs
// (sb-lflows.json for the flows, sb-dump.txt for bindings), so the tracer is checked against real
// ovn-trace output independently of our own northd.
import { emptySbDatabase, type SbDatabase } from '../../sb/database.ts';

type DumpValue = string | DumpValue[] | { [key: string]: DumpValue };
type DumpRow = Record<string, DumpValue>;

class Reader {
  pos = 0;
  constructor(private readonly s: string) {}

  peek(): string {
    return this.s[this.pos] ?? '';
  }

  bare(stops: string): string {
    const start = this.pos;
    while (this.pos < this.s.length && !stops.includes(this.s[this.pos])) this.pos++;
    return this.s.slice(start, this.pos);
  }

  quoted(): string {
    const start = this.pos;
    this.pos++;
    while (this.pos < this.s.length && this.s[this.pos] !== '"') this.pos += this.s[this.pos] === '\\' ? 2 : 1;
    this.pos++;
    return JSON.parse(this.s.slice(start, this.pos)) as string;
  }

  value(stops: string): DumpValue {
    const c = this.peek();
    if (c === '"') return this.quoted();
    if (c === '[') {
      this.pos++;
      const list: DumpValue[] = [];
      while (this.peek() !== ']' && this.pos < this.s.length) {
        list.push(this.value(',]'));
        if (this.peek() === ',') this.pos += 2;
      }
      this.pos++;
      return list;
    }
    if (c === '{') {
      this.pos++;
      const map: Record<string, DumpValue> = {};
      while (this.peek() !== '}' && this.pos < this.s.length) {
        const key = this.peek() === '"' ? this.quoted() : this.bare('=');
        this.pos++;
        map[key] = this.value(',}');
        if (this.peek() === ',') this.pos += 2;
      }
      this.pos++;
      return map;
    }
    return this.bare(stops);
  }
}

function parseRow(line: string): DumpRow {
  const r = new Reader(line.trim());
  const row: DumpRow = {};
  while (r.peek() !== '') {
    const key = r.bare('=');
    r.pos++;
    row[key] = r.value(' ');
    if (r.peek() === ' ') r.pos++;
  }
  return row;
}

/** sb-dump.txt: table name → rows. */
export function parseSbDump(text: string): Map<string, DumpRow[]> {
  const tables = new Map<string, DumpRow[]>();
  let current: DumpRow[] | undefined;
  for (const line of text.split('\n')) {
    const header = /^(\w+) \(\d+\)$/.exec(line);
    if (header) tables.set(header[1], (current = []));
    else if (line.startsWith('  ') && current) current.push(parseRow(line));
  }
  return tables;
}

const str = (v: DumpValue | undefined): string => (typeof v === 'string' ? v : '');
const list = (v: DumpValue | undefined): string[] =>
  Array.isArray(v) ? v.map(str) : typeof v === 'string' && v !== '' ? [v] : [];
const map = (v: DumpValue | undefined): Record<string, string> =>
  v && typeof v === 'object' && !Array.isArray(v)
    ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, str(x)]))
    : {};
/** "Table:name" → name. */
const refName = (v: string): string => v.slice(v.indexOf(':') + 1);

function uuidFor(kind: number, n: number): string {
  const hex = (kind * 0x1000000 + n).toString(16).padStart(8, '0');
  return `${hex}-0000-4000-8000-000000000000`;
}

export interface GoldenLflow {
  datapath: string;
  pipeline: string;
  table: number;
  stage: string;
  priority: number;
  match: string;
  actions: string;
  source: string;
}

/** The Southbound database of a golden scenario. */
export function goldenSb(dumpText: string, lflows: readonly GoldenLflow[]): SbDatabase {
  const sb = emptySbDatabase();
  const dump = parseSbDump(dumpText);
  const dpUuid = new Map<string, string>();
  const pbUuid = new Map<string, string>();
  (dump.get('Datapath_Binding') ?? []).forEach((row, i) => {
    const ids = map(row.external_ids);
    const uuid = uuidFor(1, i);
    dpUuid.set(ids.name, uuid);
    for (const k of ['logical-switch', 'logical-router']) if (ids[k]) ids[k] = uuidFor(2, i);
    sb.tables.Datapath_Binding.set(uuid, {
      _uuid: uuid,
      external_ids: ids,
      load_balancers: [],
      tunnel_key: Number(str(row.tunnel_key)),
    });
  });
  (dump.get('Port_Binding') ?? []).forEach((row, i) => {
    const uuid = uuidFor(3, i);
    const name = str(row.logical_port);
    pbUuid.set(name, uuid);
    sb.tables.Port_Binding.set(uuid, {
      _uuid: uuid,
      additional_chassis: [],
      additional_encap: [],
      datapath: dpUuid.get(refName(str(row.datapath))) ?? '',
      external_ids: map(row.external_ids),
      gateway_chassis: [],
      logical_port: name,
      mac: list(row.mac),
      mirror_rules: [],
      nat_addresses: [],
      options: map(row.options),
      port_security: list(row.port_security),
      requested_additional_chassis: [],
      tunnel_key: Number(str(row.tunnel_key)),
      type: str(row.type),
    });
  });
  (dump.get('Multicast_Group') ?? []).forEach((row, i) => {
    const uuid = uuidFor(4, i);
    sb.tables.Multicast_Group.set(uuid, {
      _uuid: uuid,
      datapath: dpUuid.get(refName(str(row.datapath))) ?? '',
      name: str(row.name),
      ports: list(row.ports).map((p) => pbUuid.get(refName(p)) ?? ''),
      tunnel_key: Number(str(row.tunnel_key)),
    });
  });
  (dump.get('Address_Set') ?? []).forEach((row, i) => {
    const uuid = uuidFor(5, i);
    sb.tables.Address_Set.set(uuid, { _uuid: uuid, name: str(row.name), addresses: list(row.addresses) });
  });
  (dump.get('Port_Group') ?? []).forEach((row, i) => {
    const uuid = uuidFor(6, i);
    sb.tables.Port_Group.set(uuid, { _uuid: uuid, name: str(row.name), ports: list(row.ports) });
  });
  (dump.get('Load_Balancer') ?? []).forEach((row, i) => {
    const uuid = uuidFor(7, i);
    sb.tables.Load_Balancer.set(uuid, {
      _uuid: uuid,
      datapaths: [],
      external_ids: map(row.external_ids),
      name: str(row.name),
      options: map(row.options),
      vips: map(row.vips),
    });
  });
  (dump.get('MAC_Binding') ?? []).forEach((row, i) => {
    const uuid = uuidFor(8, i);
    sb.tables.MAC_Binding.set(uuid, {
      _uuid: uuid,
      datapath: dpUuid.get(refName(str(row.datapath))) ?? '',
      ip: str(row.ip),
      logical_port: str(row.logical_port),
      mac: str(row.mac),
      timestamp: 0,
    });
  });
  lflows.forEach((f, i) => {
    const uuid = uuidFor(9, i);
    sb.tables.Logical_Flow.set(uuid, {
      _uuid: uuid,
      actions: f.actions,
      external_ids: { source: f.source, 'stage-name': f.stage },
      logical_datapath: dpUuid.get(f.datapath),
      match: f.match,
      pipeline: f.pipeline,
      priority: f.priority,
      table_id: f.table,
      tags: {},
    });
  });
  return sb;
}
