// What ovn-trace reads from the Southbound database (read_db in utilities/ovn-trace.c): datapaths with
// friendly names, ports with peers and port security, multicast groups, MAC bindings, FDB entries and
// logical flows sorted for lookup (ingress before egress, table up, priority down).
import { extractLspAddresses } from '../packet/ovn-addresses.ts';
import type { SbDatabase } from '../sb/database.ts';
import type { SbLogicalFlow } from '../sb/schema.gen.ts';
import type { Pipeline } from './types.ts';

/** One port-security entry (struct lport_addresses), as bigints to compare with packet fields. */
export interface PortSecAddresses {
  ea: bigint;
  ipv4: bigint[];
  ipv6: bigint[];
}

export interface TracePort {
  uuid: string;
  name: string;
  /** external_ids:name, when set. */
  name2?: string;
  friendlyName: string;
  type: string;
  tunnelKey: number;
  dp: TraceDatapath;
  peer?: TracePort;
  /** chassisredirect ports: the distributed port they stand for. */
  distributedPort?: TracePort;
  psAddrs: PortSecAddresses[];
}

export interface TraceMcgroup {
  name: string;
  tunnelKey: number;
  /** Sorted by port name, as ovn-trace sorts them. */
  ports: TracePort[];
}

export interface TraceFlow {
  row: SbLogicalFlow;
  pipeline: Pipeline;
  table: number;
  priority: number;
  stage?: string;
  source?: string;
}

export interface TraceDatapath {
  sbUuid: string;
  nbUuid: string;
  name: string;
  name2?: string;
  friendlyName: string;
  tunnelKey: number;
  kind: 'switch' | 'router';
  mcgroups: TraceMcgroup[];
  /** Ports by tunnel key. */
  portsByKey: Map<number, TracePort>;
  /** Flows per "pipeline:table", highest priority first. */
  tables: Map<string, TraceFlow[]>;
  /** MAC bindings: key `${portKey}/${ip}` (ip as IPv6-mapped bigint) → MAC. */
  macBindings: Map<string, bigint>;
  /** FDB: MAC → port key. */
  fdbs: Map<bigint, number>;
  hasLocalL3gateway: boolean;
}

export interface TraceDb {
  sb: SbDatabase;
  /** Off with --no-friendly-names: datapaths by NB uuid, ports by logical_port, texts untouched. */
  friendlyNames: boolean;
  datapaths: TraceDatapath[];
  ports: Map<string, TracePort>;
  addressSets: Map<string, string[]>;
  portGroups: Map<string, string[]>;
}

const UUID_TAIL = /[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** shorten_uuid: a name ending in a UUID keeps only the UUID's first 6 characters. */
export function shortenUuid(s: string): string {
  return UUID_TAIL.test(s) ? s.slice(0, s.length - 36 + 6) : s;
}

export function tableKey(pipeline: Pipeline, table: number): string {
  return `${pipeline}:${table}`;
}

/** An IP as ovn-trace keys MAC bindings: IPv4 mapped into IPv6 (::ffff:a.b.c.d). */
export function mappedIp(family: 4 | 6, value: bigint): bigint {
  return family === 4 ? (0xffffn << 32n) | value : value;
}

function macToBigint(bytes: readonly number[]): bigint {
  return bytes.reduce((acc, b) => (acc << 8n) | BigInt(b), 0n);
}

function ipv6ToBigint(words: Uint16Array): bigint {
  return Array.from(words).reduce((acc, w) => (acc << 16n) | BigInt(w), 0n);
}

function portSecurity(entries: readonly string[]): PortSecAddresses[] {
  const result: PortSecAddresses[] = [];
  for (const entry of entries) {
    const a = extractLspAddresses(entry);
    if (!a) continue;
    result.push({
      ea: macToBigint(a.ea),
      ipv4: a.ipv4.map((ip) => BigInt(ip.addr >>> 0)),
      ipv6: a.ipv6.map((ip) => ipv6ToBigint(ip.addr)),
    });
  }
  return result;
}

function parseIpForBinding(text: string): bigint | undefined {
  const v4 = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (v4) {
    const bytes = v4.slice(1).map(Number);
    if (bytes.some((b) => b > 255)) return undefined;
    return mappedIp(
      4,
      bytes.reduce((acc, b) => (acc << 8n) | BigInt(b), 0n),
    );
  }
  const a = extractLspAddresses(`00:00:00:00:00:00 ${text}`);
  return a?.ipv6[0] ? ipv6ToBigint(a.ipv6[0].addr) : undefined;
}

function parseMacText(text: string): bigint | undefined {
  const a = extractLspAddresses(text);
  return a ? macToBigint(a.ea) : undefined;
}

function readDatapaths(sb: SbDatabase, friendly: boolean): Map<string, TraceDatapath> {
  const byUuid = new Map<string, TraceDatapath>();
  for (const row of sb.tables.Datapath_Binding.values()) {
    const ids = row.external_ids;
    const nbUuid = ids['logical-switch'] ?? ids['logical-router'] ?? row._uuid;
    const name = ids.name ?? nbUuid;
    const name2 = ids.name2;
    byUuid.set(row._uuid, {
      sbUuid: row._uuid,
      nbUuid,
      name,
      name2,
      friendlyName: friendly ? shortenUuid(name2 ?? name) : nbUuid,
      tunnelKey: row.tunnel_key,
      kind: ids['logical-router'] !== undefined ? 'router' : 'switch',
      mcgroups: [],
      portsByKey: new Map(),
      tables: new Map(),
      macBindings: new Map(),
      fdbs: new Map(),
      hasLocalL3gateway: false,
    });
  }
  return byUuid;
}

function readPorts(sb: SbDatabase, datapaths: Map<string, TraceDatapath>, friendly: boolean): Map<string, TracePort> {
  const ports = new Map<string, TracePort>();
  for (const pb of sb.tables.Port_Binding.values()) {
    const dp = datapaths.get(pb.datapath);
    if (!dp || ports.has(pb.logical_port)) continue;
    const name2 = pb.external_ids.name;
    const port: TracePort = {
      uuid: pb._uuid,
      name: pb.logical_port,
      name2,
      friendlyName: friendly ? shortenUuid(name2 ?? pb.logical_port) : pb.logical_port,
      type: pb.type,
      tunnelKey: pb.tunnel_key,
      dp,
      psAddrs: portSecurity(pb.port_security),
    };
    ports.set(pb.logical_port, port);
    if (!dp.portsByKey.has(port.tunnelKey)) dp.portsByKey.set(port.tunnelKey, port);
    if (pb.type === 'l3gateway') dp.hasLocalL3gateway = true;
    if (pb.type === 'patch' || pb.type === 'l3gateway') {
      // Peers link up when the second of the pair is read, as in ovn-trace.
      const peer = pb.options.peer !== undefined ? ports.get(pb.options.peer) : undefined;
      if (peer) {
        port.peer = peer;
        peer.peer = port;
      }
    }
  }
  for (const pb of sb.tables.Port_Binding.values()) {
    if (pb.type !== 'chassisredirect') continue;
    const port = ports.get(pb.logical_port);
    const distributed = pb.options['distributed-port'];
    const target = distributed !== undefined ? ports.get(distributed) : undefined;
    if (port && target && target.dp === port.dp) port.distributedPort = target;
  }
  return ports;
}

function readMcgroups(sb: SbDatabase, datapaths: Map<string, TraceDatapath>, ports: Map<string, TracePort>): void {
  for (const mg of sb.tables.Multicast_Group.values()) {
    const dp = datapaths.get(mg.datapath);
    if (!dp) continue;
    const members: TracePort[] = [];
    for (const ref of mg.ports) {
      const pb = sb.tables.Port_Binding.get(ref);
      const port = pb ? ports.get(pb.logical_port) : undefined;
      if (!pb || !port || pb.datapath !== port.dp.sbUuid) continue;
      members.push(port);
    }
    // Sorted by name "to make output more predictable", as ovn-trace does.
    members.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    dp.mcgroups.push({ name: mg.name, tunnelKey: mg.tunnel_key, ports: members });
  }
}

function readFlows(sb: SbDatabase, datapaths: Map<string, TraceDatapath>): void {
  const add = (row: SbLogicalFlow, dpUuid: string): void => {
    const dp = datapaths.get(dpUuid);
    if (!dp) return;
    const pipeline: Pipeline = row.pipeline === 'ingress' ? 'ingress' : 'egress';
    const key = tableKey(pipeline, row.table_id);
    let list = dp.tables.get(key);
    if (!list) dp.tables.set(key, (list = []));
    list.push({
      row,
      pipeline,
      table: row.table_id,
      priority: row.priority,
      stage: row.external_ids['stage-name'],
      source: row.external_ids.source,
    });
  };
  for (const row of sb.tables.Logical_Flow.values()) {
    if (row.logical_datapath !== undefined) add(row, row.logical_datapath);
    const group = row.logical_dp_group !== undefined ? sb.tables.Logical_DP_Group.get(row.logical_dp_group) : undefined;
    for (const dp of group?.datapaths ?? []) add(row, dp);
  }
  for (const dp of datapaths.values()) {
    for (const list of dp.tables.values()) list.sort((a, b) => b.priority - a.priority);
  }
}

function readMacBindings(sb: SbDatabase, ports: Map<string, TracePort>): void {
  for (const mb of sb.tables.MAC_Binding.values()) {
    const port = ports.get(mb.logical_port);
    if (!port || port.dp.sbUuid !== mb.datapath) continue;
    const ip = parseIpForBinding(mb.ip);
    const mac = parseMacText(mb.mac);
    if (ip === undefined || mac === undefined) continue;
    const key = `${port.tunnelKey}/${ip}`;
    // The first row wins, like a lookup in ovn-trace's hash map.
    if (!port.dp.macBindings.has(key)) port.dp.macBindings.set(key, mac);
  }
}

function readFdbs(sb: SbDatabase, datapaths: Map<string, TraceDatapath>): void {
  for (const fdb of sb.tables.FDB.values()) {
    const mac = parseMacText(fdb.mac);
    const dp = [...datapaths.values()].find((d) => d.tunnelKey === fdb.dp_key);
    if (mac === undefined || !dp || dp.fdbs.has(mac)) continue;
    dp.fdbs.set(mac, fdb.port_key);
  }
}

/** read_db: everything the tracer needs, indexed. */
export function buildTraceDb(sb: SbDatabase, friendlyNames = true): TraceDb {
  const byUuid = readDatapaths(sb, friendlyNames);
  const ports = readPorts(sb, byUuid, friendlyNames);
  readMcgroups(sb, byUuid, ports);
  readFlows(sb, byUuid);
  readMacBindings(sb, ports);
  readFdbs(sb, byUuid);
  const addressSets = new Map<string, string[]>();
  for (const as of sb.tables.Address_Set.values()) addressSets.set(as.name, as.addresses);
  const portGroups = new Map<string, string[]>();
  for (const pg of sb.tables.Port_Group.values()) portGroups.set(pg.name, pg.ports);
  return { sb, friendlyNames, datapaths: [...byUuid.values()], ports, addressSets, portGroups };
}

/** The flows of one table of one pipeline, best first. */
export function flowsOf(dp: TraceDatapath, pipeline: Pipeline, table: number): readonly TraceFlow[] {
  return dp.tables.get(tableKey(pipeline, table)) ?? [];
}

/** ovntrace_stage_name: the stage name of the first flow in that table. */
export function stageNameOf(dp: TraceDatapath, pipeline: Pipeline, table: number): string | undefined {
  return flowsOf(dp, pipeline, table)[0]?.stage;
}

/** uuid_is_partial_match: `text` (≥ 4 characters) is a prefix of the uuid. */
function uuidPrefix(uuid: string, text: string): boolean {
  return text.length >= 4 && /^[0-9a-fA-F-]+$/.test(text) && uuid.toLowerCase().startsWith(text.toLowerCase());
}

/** ovntrace_datapath_find_by_name: name or name2, else a unique uuid prefix. */
export function findDatapath(db: TraceDb, name: string): TraceDatapath | undefined {
  const exact = db.datapaths.find((dp) => dp.name === name || dp.name2 === name);
  if (exact) return exact;
  const matches = db.datapaths.filter((dp) => uuidPrefix(dp.sbUuid, name) || uuidPrefix(dp.nbUuid, name));
  return matches.length === 1 ? matches[0] : undefined;
}

/** ovntrace_port_find_by_key. */
export function portByKey(_db: TraceDb, dp: TraceDatapath, key: number): TracePort | undefined {
  return dp.portsByKey.get(key);
}

/** ovntrace_port_key_to_name: friendly name, "" for key 0, "(unnamed)" otherwise. */
export function portKeyToName(db: TraceDb, dp: TraceDatapath, key: number): string {
  const port = portByKey(db, dp, key);
  return port ? port.friendlyName : key === 0 ? '' : '(unnamed)';
}

/** ovntrace_port_lookup_by_name: exact name, else name2 (external_ids:name), else uuid prefix. */
export function portByName(db: TraceDb, name: string): TracePort | undefined {
  const exact = db.ports.get(name);
  if (exact) return exact;
  const byName2 = [...db.ports.values()].filter((p) => p.name2 === name);
  if (byName2.length > 1) return undefined;
  if (byName2.length === 1) return byName2[0];
  const byUuid = [...db.ports.values()].filter((p) => uuidPrefix(p.uuid, name) || uuidPrefix(p.name, name));
  return byUuid.length === 1 ? byUuid[0] : undefined;
}

/**
 * ovntrace_lookup_port: the tunnel key a port or multicast group name stands for in `dp`; "" and
 * "none" are 0; undefined when unknown or in another datapath (port groups name such ports).
 */
export function lookupPortKey(db: TraceDb, dp: TraceDatapath, name: string): number | undefined {
  if (name === '' || name === 'none') return 0;
  const port = portByName(db, name);
  if (port) return port.dp === dp ? port.tunnelKey : undefined;
  return dp.mcgroups.find((mg) => mg.name === name)?.tunnelKey;
}
