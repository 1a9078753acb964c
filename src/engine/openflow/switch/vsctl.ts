// ovs-vsctl's bridge and port commands on one switch, with `--` chaining: one transaction, all or nothing,
// then one reconfiguration pass (as ovs-vswitchd applies a committed transaction).
import { OFPP } from '../flow/types.ts';
import { allInterfaces, findInterface, type Bridge, type Interface, type OvsSwitch, type Port } from './model.ts';
import { reconfigure, removeInterface } from './reconfigure.ts';
import { addDefaultNormalFlow } from './flows.ts';

export interface VsctlResult {
  output: string;
  error?: string;
}

type Table = 'Bridge' | 'Port' | 'Interface' | 'Open_vSwitch';
const TABLES: Table[] = ['Bridge', 'Port', 'Interface', 'Open_vSwitch'];

/** ovs-vsctl takes any unique prefix of a table name, in any case. */
function tableByName(name: string): Table | undefined {
  const n = name.toLowerCase();
  const exact = TABLES.find((t) => t.toLowerCase() === n);
  if (exact) return exact;
  const hits = TABLES.filter((t) => t.toLowerCase().startsWith(n));
  return hits.length === 1 ? hits[0] : undefined;
}

function newInterface(name: string, type: string): Interface {
  return { name, type, options: new Map(), otherConfig: new Map(), externalIds: new Map(), mac: 0n };
}

function newPort(name: string, iface: Interface): Port {
  return { name, trunks: [], interfaces: [iface], otherConfig: new Map(), externalIds: new Map() };
}

/** A bridge's MAC when other-config:hwaddr does not set it: OVS draws one at random; ours is fixed. */
function defaultBridgeMac(name: string): bigint {
  let h = 0x811c9dc5;
  for (const c of name) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193) >>> 0;
  return 0x020000000000n | BigInt(h);
}

function parseMac(s: string): bigint | undefined {
  const m = s.match(
    /^([0-9a-f]{1,2}):([0-9a-f]{1,2}):([0-9a-f]{1,2}):([0-9a-f]{1,2}):([0-9a-f]{1,2}):([0-9a-f]{1,2})$/i,
  );
  if (!m) return undefined;
  return m.slice(1).reduce((acc, x) => (acc << 8n) | BigInt(Number.parseInt(x, 16)), 0n);
}

const unquote = (s: string): string => s.replace(/^"(.*)"$/s, '$1');

/** COLUMN[:KEY]=VALUE as ovs-vsctl reads it. */
function parseSetting(arg: string): { column: string; key?: string; value: string } | undefined {
  const m = arg.match(/^([A-Za-z_-]+)(?::("[^"]*"|[^=]+))?=(.*)$/s);
  if (!m) return undefined;
  return { column: m[1].replace(/-/g, '_'), key: m[2] === undefined ? undefined : unquote(m[2]), value: unquote(m[3]) };
}

interface Ctx {
  sw: OvsSwitch;
  out: string[];
  /** Undo steps of this transaction, run backwards when a later command fails. */
  undo: (() => void)[];
  /** Interfaces deleted by this transaction: released from ofproto and the datapath at commit. */
  released: { bridge: Bridge; iface: Interface }[];
}

class VsctlError extends Error {}

const fail = (message: string): never => {
  throw new VsctlError(message);
};

function findBridge(sw: OvsSwitch, name: string): Bridge {
  return sw.bridges.get(name) ?? fail(`no bridge named ${name}`);
}

function findPort(sw: OvsSwitch, name: string): { bridge: Bridge; port: Port } | undefined {
  for (const bridge of sw.bridges.values()) {
    const port = bridge.ports.get(name);
    if (port) return { bridge, port };
  }
  return undefined;
}

function addBridge(ctx: Ctx, name: string, mayExist: boolean): void {
  if (ctx.sw.bridges.has(name)) {
    if (mayExist) return;
    fail(`cannot create a bridge named ${name} because a bridge named ${name} already exists`);
  }
  if (findPort(ctx.sw, name) || findInterface(ctx.sw, name))
    fail(`cannot create a bridge named ${name} because a port named ${name} already exists`);
  const iface = newInterface(name, 'internal');
  const br: Bridge = {
    name,
    datapathType: '',
    otherConfig: new Map(),
    externalIds: new Map(),
    ports: new Map([[name, newPort(name, iface)]]),
    byOfport: new Map(),
    allocPortNo: 0,
    recentlyUsed: new Set(),
    tables: new Map(),
    groups: new Map(),
    tlvMap: new Map(),
    mac: defaultBridgeMac(name),
    fdb: new Map(),
    flowSeq: 0,
  };
  ctx.sw.bridges.set(name, br);
  ctx.sw.pending.push({ bridge: br, iface });
  ctx.undo.push(() => ctx.sw.bridges.delete(name));
}

function deleteBridge(ctx: Ctx, name: string, ifExists: boolean): void {
  const br = ctx.sw.bridges.get(name);
  if (!br) {
    if (ifExists) return;
    fail(`no bridge named ${name}`);
    return;
  }
  for (const iface of allInterfaces(br)) ctx.released.push({ bridge: br, iface });
  ctx.sw.bridges.delete(name);
  ctx.undo.push(() => ctx.sw.bridges.set(name, br));
}

function addPort(ctx: Ctx, brName: string, portName: string, settings: string[], mayExist: boolean): void {
  const br = findBridge(ctx.sw, brName);
  const existing = findPort(ctx.sw, portName);
  if (existing) {
    if (mayExist && existing.bridge === br) return;
    if (mayExist)
      fail(
        `"--may-exist add-port ${brName} ${portName}" but ${portName} is actually attached to bridge ${existing.bridge.name}`,
      );
    fail(
      `cannot create a port named ${portName} because a port named ${portName} already exists on bridge ${existing.bridge.name}`,
    );
  }
  const iface = newInterface(portName, '');
  const port = newPort(portName, iface);
  for (const s of settings) setColumn(ctx, 'Port', port, s);
  br.ports.set(portName, port);
  ctx.sw.pending.push({ bridge: br, iface });
  ctx.undo.push(() => br.ports.delete(portName));
}

function deletePort(ctx: Ctx, args: string[], ifExists: boolean): void {
  const [a, b] = args;
  const portName = b ?? a;
  const hit = findPort(ctx.sw, portName);
  if (!hit || (b !== undefined && hit.bridge.name !== a)) {
    if (ifExists) return;
    if (b !== undefined && !ctx.sw.bridges.has(a)) fail(`no bridge named ${a}`);
    if (hit && b !== undefined)
      fail(`bridge ${a} does not have a port ${portName} (although its parent bridge ${hit.bridge.name} does)`);
    fail(`no port named ${portName}`);
    return;
  }
  for (const iface of hit.port.interfaces) ctx.released.push({ bridge: hit.bridge, iface });
  hit.bridge.ports.delete(portName);
  ctx.undo.push(() => hit.bridge.ports.set(portName, hit.port));
}

type Row = Bridge | Port | Interface | OvsSwitch['openVswitch'];

function findRow(ctx: Ctx, table: Table, record: string): Row {
  const sw = ctx.sw;
  if (table === 'Open_vSwitch') return sw.openVswitch;
  if (table === 'Bridge') return sw.bridges.get(record) ?? fail(`no row "${record}" in table Bridge`);
  if (table === 'Port') return findPort(sw, record)?.port ?? fail(`no row "${record}" in table Port`);
  return findInterface(sw, record)?.iface ?? fail(`no row "${record}" in table Interface`);
}

function mapColumn(row: Row, column: string): Map<string, string> | undefined {
  if (column === 'external_ids') return row.externalIds;
  if (column === 'other_config') return row.otherConfig;
  if ('options' in row && column === 'options') return row.options;
  return undefined;
}

function parseIntStrict(v: string, column: string): number {
  if (!/^-?\d+$/.test(v)) fail(`"${v}" is not a valid integer`);
  const n = Number(v);
  if (column === 'tag' && (n < 0 || n > 4095))
    fail(`constraint violation: ${n} is not in the valid range 0 to 4095 (inclusive)`);
  return n;
}

function setColumn(ctx: Ctx, table: Table, row: Row, setting: string): void {
  const s = parseSetting(setting) ?? fail(`${setting}: argument does not end in "=" followed by a value.`);
  const map = mapColumn(row, s.column);
  if (map) {
    if (s.key !== undefined) {
      map.set(s.key, s.value);
    } else {
      map.clear();
      const body = s.value.replace(/^\{(.*)\}$/s, '$1');
      for (const kv of body.split(',').filter((x) => x.trim())) {
        const eq = kv.indexOf('=');
        if (eq > 0) map.set(unquote(kv.slice(0, eq).trim()), unquote(kv.slice(eq + 1).trim()));
      }
    }
    if (table === 'Bridge' && s.column === 'other_config' && s.key === 'hwaddr') {
      const mac = parseMac(s.value);
      if (mac !== undefined) (row as Bridge).mac = mac;
    }
    return;
  }
  if (s.key !== undefined) fail(`cannot specify key to set for non-map column ${s.column}`);
  if (table === 'Bridge') {
    const br = row as Bridge;
    if (s.column === 'datapath_type') br.datapathType = s.value;
    else if (s.column === 'fail_mode') {
      if (s.value !== 'secure' && s.value !== 'standalone' && s.value !== '')
        fail(`constraint violation: ${s.value} is not one of the allowed values ([secure, standalone])`);
      br.failMode = s.value === 'secure' || s.value === 'standalone' ? s.value : undefined;
    } else if (s.column === 'protocols')
      br.protocols = s.value
        .replace(/^\[(.*)\]$/, '$1')
        .split(',')
        .filter(Boolean);
    else if (
      ![
        'stp_enable',
        'mcast_snooping_enable',
        'rstp_enable',
        'name',
        'flow_tables',
        'mirrors',
        'netflow',
        'sflow',
        'ipfix',
      ].includes(s.column)
    )
      fail(`Bridge does not contain a column whose name matches "${s.column}"`);
  } else if (table === 'Port') {
    const port = row as Port;
    if (s.column === 'tag') port.tag = s.value === '[]' ? undefined : parseIntStrict(s.value, 'tag');
    else if (s.column === 'trunks')
      port.trunks = s.value
        .replace(/^\[(.*)\]$/, '$1')
        .split(',')
        .filter(Boolean)
        .map((x) => parseIntStrict(x.trim(), 'trunks'));
    else if (!['vlan_mode', 'bond_mode', 'lacp', 'qos', 'name', 'interfaces'].includes(s.column))
      fail(`Port does not contain a column whose name matches "${s.column}"`);
  } else if (table === 'Interface') {
    const iface = row as Interface;
    if (s.column === 'type') {
      iface.type = s.value;
    } else if (s.column === 'ofport_request') iface.ofportRequest = parseIntStrict(s.value, 'ofport_request');
    else if (
      ![
        'mtu_request',
        'name',
        'admin_state',
        'mac',
        'bfd',
        'cfm_mpid',
        'ingress_policing_rate',
        'ingress_policing_burst',
      ].includes(s.column)
    )
      fail(`Interface does not contain a column whose name matches "${s.column}"`);
  } else if (
    // notes often write the OVN keys without their external_ids: column; the OVN side reads them
    !/^(system_id|hostname|ovn_)/.test(s.column) &&
    !['ovs_version', 'db_version', 'system_type', 'system_version', 'datapath_types'].includes(s.column)
  ) {
    fail(`Open_vSwitch does not contain a column whose name matches "${s.column}"`);
  }
}

function removeFromMap(ctx: Ctx, table: Table, record: string, column: string, keys: string[]): void {
  const row = findRow(ctx, table, record);
  const map = mapColumn(row, column.replace(/-/g, '_'));
  if (!map) return;
  for (const k of keys) map.delete(unquote(k.replace(/=.*$/, '')));
}

function runOne(ctx: Ctx, argv: string[]): void {
  const opts = new Set<string>();
  let i = 0;
  while (i < argv.length && argv[i].startsWith('--')) opts.add(argv[i++].replace(/=.*$/, ''));
  const [cmd, ...args] = argv.slice(i);
  const mayExist = opts.has('--may-exist');
  const ifExists = opts.has('--if-exists');
  switch (cmd) {
    case undefined:
    case 'init':
      return;
    case 'add-br':
      if (args.length !== 1 && args.length !== 3) fail(`'add-br' command requires at least 1 arguments`);
      addBridge(ctx, args[0], mayExist);
      return;
    case 'del-br':
      if (args.length !== 1) fail(`'del-br' command requires at least 1 arguments`);
      deleteBridge(ctx, args[0], ifExists);
      return;
    case 'add-port':
      if (args.length < 2) fail(`'add-port' command requires at least 2 arguments`);
      addPort(ctx, args[0], args[1], args.slice(2), mayExist);
      return;
    case 'del-port':
      if (args.length < 1) fail(`'del-port' command requires at least 1 arguments`);
      deletePort(ctx, args, ifExists);
      return;
    case 'set': {
      if (args.length < 3) fail(`'set' command requires at least 3 arguments`);
      const table = tableByName(args[0]) ?? fail(`unknown table "${args[0]}"`);
      let row: Row;
      try {
        row = findRow(ctx, table, args[1]);
      } catch (e) {
        if (ifExists) return;
        throw e;
      }
      for (const s of args.slice(2)) setColumn(ctx, table, row, s);
      return;
    }
    case 'add': {
      if (args.length < 4) fail(`'add' command requires at least 4 arguments`);
      const table = tableByName(args[0]) ?? fail(`unknown table "${args[0]}"`);
      const row = findRow(ctx, table, args[1]);
      const column = args[2].replace(/-/g, '_');
      for (const kv of args.slice(3)) setColumn(ctx, table, row, `${column}:${kv}`);
      return;
    }
    case 'remove': {
      if (args.length < 4) fail(`'remove' command requires at least 4 arguments`);
      const table = tableByName(args[0]) ?? fail(`unknown table "${args[0]}"`);
      removeFromMap(ctx, table, args[1], args[2], args.slice(3));
      return;
    }
    case 'list-br':
      ctx.out.push(...[...ctx.sw.bridges.keys()].sort().map((b) => `${b}\n`));
      return;
    case 'br-exists':
      if (!ctx.sw.bridges.has(args[0])) fail(`no bridge named ${args[0]}`);
      return;
    case 'list-ports': {
      const br = findBridge(ctx.sw, args[0]);
      ctx.out.push(
        ...[...br.ports.keys()]
          .filter((p) => p !== br.name)
          .sort()
          .map((p) => `${p}\n`),
      );
      return;
    }
    case 'list-ifaces': {
      const br = findBridge(ctx.sw, args[0]);
      ctx.out.push(
        ...allInterfaces(br)
          .map((x) => x.name)
          .filter((p) => p !== br.name)
          .sort()
          .map((p) => `${p}\n`),
      );
      return;
    }
    case 'port-to-br':
    case 'iface-to-br': {
      const hit = cmd === 'port-to-br' ? findPort(ctx.sw, args[0]) : findInterface(ctx.sw, args[0]);
      if (!hit) fail(`no ${cmd === 'port-to-br' ? 'port' : 'interface'} named ${args[0]}`);
      else ctx.out.push(`${hit.bridge.name}\n`);
      return;
    }
    case 'get': {
      const table = tableByName(args[0]) ?? fail(`unknown table "${args[0]}"`);
      const row = findRow(ctx, table, args[1]);
      for (const col of args.slice(2)) {
        const [column, key] = col.replace(/-/g, '_').split(':');
        if (column === 'ofport' && 'ofport' in row)
          ctx.out.push(`${row.ofport === OFPP.LOCAL ? 65534 : (row.ofport ?? -1)}\n`);
        else {
          const map = mapColumn(row, column);
          if (map && key !== undefined) {
            const v = map.get(unquote(key));
            if (v === undefined) fail(`no key "${unquote(key)}" in ${table} record "${args[1]}" column ${column}`);
            else ctx.out.push(`${/^[\w.-]+$/.test(v) && !/^\d/.test(v) ? v : JSON.stringify(v)}\n`);
          }
        }
      }
      return;
    }
    default:
      fail(`unknown command '${cmd}'; use --help for help`);
  }
}

/** The commands of one ovs-vsctl line that touch the switch model; undefined if none do. */
export function isSwitchCommand(name: string): boolean {
  return [
    'init',
    'add-br',
    'del-br',
    'add-port',
    'del-port',
    'set',
    'add',
    'remove',
    'list-br',
    'br-exists',
    'list-ports',
    'list-ifaces',
    'port-to-br',
    'iface-to-br',
    'get',
  ].includes(name);
}

/** Runs one ovs-vsctl invocation (global options first, commands separated by `--`). */
export function runSwitchVsctl(sw: OvsSwitch, args: string[]): VsctlResult {
  const commands: string[][] = [[]];
  let i = 0;
  // global options before the first command
  // global options before the first command (a command's own options, such as --may-exist, stay)
  const COMMAND_OPTIONS = /^--(may-exist|if-exists|fake-iface|with-iface|all|id=|columns=)/;
  while (i < args.length && args[i].startsWith('-') && args[i] !== '--' && !COMMAND_OPTIONS.test(args[i])) {
    if (args[i] === '-t' || args[i] === '--timeout' || args[i] === '--db') i++;
    i++;
  }
  for (; i < args.length; i++) {
    if (args[i] === '--') commands.push([]);
    else commands[commands.length - 1].push(args[i]);
  }
  const ctx: Ctx = { sw, out: [], undo: [], released: [] };
  const pending = sw.pending.length;
  try {
    for (const c of commands) runOne(ctx, c);
  } catch (e) {
    if (!(e instanceof VsctlError)) throw e;
    for (const u of ctx.undo.reverse()) u();
    sw.pending.length = pending;
    return { output: '', error: `ovs-vsctl: ${e.message}` };
  }
  for (const { bridge, iface } of ctx.released) removeInterface(sw, bridge, iface);
  // a new bridge without fail-mode secure forwards as a learning switch until flows are changed
  for (const { bridge, iface } of sw.pending.slice(pending))
    if (iface.name === bridge.name && bridge.failMode !== 'secure' && sw.bridges.get(bridge.name) === bridge)
      addDefaultNormalFlow(bridge);
  reconfigure(sw);
  return { output: ctx.out.join('') };
}
