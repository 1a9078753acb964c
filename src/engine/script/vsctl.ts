// ovs-vsctl lines as a host's setup: the Open_vSwitch external_ids that name the host's chassis
// and its encapsulation, and Interface external_ids:iface-id that bind a logical port there.
import type { World } from '../nb/world.ts';
import type { ToolResult } from './sbctl.ts';
import { newSwitch, type OvsSwitch } from '../openflow/switch/model.ts';
import { isSwitchCommand, runSwitchVsctl } from '../openflow/switch/vsctl.ts';

/** The Open vSwitch of one host of the scene, created by its first ovs-* command. */
export function switchOf(world: World, host: string): OvsSwitch {
  world.ovs ??= new Map();
  let sw = world.ovs.get(host);
  if (!sw) {
    sw = newSwitch();
    world.ovs.set(host, sw);
  }
  return sw;
}

/** What ovs-vsctl has said about one host so far. */
export interface HostState {
  systemId?: string;
  encapIp?: string;
  encapType?: string;
  bridgeMappings?: string;
  /** iface-id bindings seen before the host had a chassis name. */
  pending: string[];
}

export type Hosts = Map<string, HostState>;

function parseKeyValues(args: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of args) {
    const m = a.match(/^(?:external[_-]ids|other[_-]config):("?)([^=]+?)\1=(.*)$/);
    // shorthand people write in notes: the OVN keys without their external_ids: column
    const bare = m ? undefined : a.match(/^()(system-id|ovn-[\w-]+|hostname)=(.*)$/);
    const hit = m ?? bare;
    if (hit) out[hit[2]] = hit[3].replace(/^"(.*)"$/, '$1');
  }
  return out;
}

function ensureChassis(world: World, host: string, st: HostState): void {
  if (!st.systemId) return;
  const name = st.systemId;
  let ch = world.physical.chassis.find((c) => c.name === name);
  if (!ch) {
    ch = { name, hostname: host, encaps: [] };
    world.physical.chassis.push(ch);
  }
  if (st.encapIp) {
    const types = (st.encapType ?? 'geneve').split(',').filter(Boolean).sort();
    ch.encaps = types.map((type) => ({ type, ip: st.encapIp as string }));
  }
  for (const port of st.pending.splice(0)) bind(world, port, name);
}

function bind(world: World, port: string, chassis: string): void {
  world.physical.bindings = world.physical.bindings.filter((b) => b.logicalPort !== port);
  world.physical.bindings.push({ logicalPort: port, chassis });
}

/** Commands that change the switch configuration; the read-only ones print what we do not model. */
const CONFIG_COMMANDS = new Set([
  'set',
  'add',
  'remove',
  'clear',
  'add-br',
  'del-br',
  'add-port',
  'del-port',
  'init',
  'create',
  'destroy',
]);

/** Hosts that configured OVN (encapsulation, iface-ids) without naming their chassis: the host name
 * stands in for the system-id (which an install usually sets to it). */
export function resolvePendingBindings(world: World, hosts: Hosts): void {
  for (const [host, st] of hosts) {
    if (st.systemId || (!st.pending.length && !st.encapIp)) continue;
    st.systemId = host;
    ensureChassis(world, host, st);
  }
}

/** Runs the parts of `ovs-vsctl` that matter to OVN; other configuration commands are accepted with
 * no effect, and a line of only read-only commands (show, list, get …) is reported as unsupported. */
export function runVsctl(world: World, hosts: Hosts, host: string, args: string[]): ToolResult | 'unsupported' {
  const st = hosts.get(host) ?? { pending: [] };
  hosts.set(host, st);
  const commands: string[][] = [[]];
  for (const a of args) {
    if (a === '--') commands.push([]);
    else commands[commands.length - 1].push(a);
  }
  const names = commands.map((c) => c.find((a) => !a.startsWith('-'))).filter((n) => n !== undefined);
  let output = '';
  if (names.some((n) => isSwitchCommand(n))) {
    const sw = switchOf(world, host);
    // on an OVN host ovn-controller has created br-int before anyone adds ports to it
    if (!sw.bridges.has('br-int') && args.includes('br-int') && !args.includes('add-br'))
      runSwitchVsctl(sw, ['add-br', 'br-int', '--', 'set', 'Bridge', 'br-int', 'fail-mode=secure']);
    const r = runSwitchVsctl(sw, args);
    // an OVN host in a pasted tutorial has devices and bridges the script never made (libvirt's vnet0,
    // a bridge from an earlier run): there ovs-vsctl's complaints do not stop the scene
    const ovnHost = st.systemId !== undefined || st.encapIp !== undefined || st.pending.length > 0;
    const ovnLine = args.some((a) => /iface-id|ovn-|system-id/.test(a));
    if (r.error && !ovnHost && !ovnLine) return { output: '', error: r.error };
    output = r.output;
  } else if (!names.some((n) => CONFIG_COMMANDS.has(n))) return 'unsupported';
  for (const cmd of commands) {
    let i = 0;
    while (i < cmd.length && cmd[i].startsWith('-')) i++;
    const [name, ...rest] = cmd.slice(i);
    if ((name === 'set' || name === 'add') && rest.length >= 2) {
      // ovs-vsctl takes any unique prefix of a table name ("open" for Open_vSwitch)
      const t = rest[0].toLowerCase();
      const table =
        t && 'open_vswitch'.startsWith(t) ? 'open_vswitch' : t && 'interface'.startsWith(t) ? 'interface' : t;
      const kv = parseKeyValues(rest.slice(2));
      if (table === 'open_vswitch') {
        if (kv['system-id'] !== undefined) st.systemId = kv['system-id'];
        if (kv['ovn-encap-ip'] !== undefined) st.encapIp = kv['ovn-encap-ip'];
        if (kv['ovn-encap-type'] !== undefined) st.encapType = kv['ovn-encap-type'];
        if (kv['ovn-bridge-mappings'] !== undefined) st.bridgeMappings = kv['ovn-bridge-mappings'];
        ensureChassis(world, host, st);
      } else if (table === 'interface' && kv['iface-id'] !== undefined) {
        if (st.systemId) bind(world, kv['iface-id'], st.systemId);
        else st.pending.push(kv['iface-id']);
      }
    } else if (name === 'add-port') {
      const kv = parseKeyValues(rest.filter((a) => a.includes('iface-id')));
      if (kv['iface-id'] !== undefined) {
        if (st.systemId) bind(world, kv['iface-id'], st.systemId);
        else st.pending.push(kv['iface-id']);
      }
    }
  }
  return { output };
}
