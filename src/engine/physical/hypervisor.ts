// Each chassis of the Southbound database as a running hypervisor, as the OVN testsuite's sim_add and
// ovn_attach build it (and scripts/gen-physical-goldens.sh): its own Open vSwitch with an underlay
// br-phys holding the encap IP, br-int, and what ovn-controller then does to it — Geneve ports to the
// other chassis, patch ports to provider bridges, VIFs from `ovn-sbctl lsp-bind`, and the OpenFlow
// flows, groups and TLV map it installs.
import { parseGroup } from '../openflow/flow/index.ts';
import { addFlow } from '../openflow/switch/flows.ts';
import { allInterfaces, newSwitch, type OvsSwitch } from '../openflow/switch/model.ts';
import { runSwitchVsctl } from '../openflow/switch/vsctl.ts';
import { parseIPv4, formatIPv4 } from '../packet/addresses.ts';
import { runAppctl } from '../script/ovs-appctl.ts';
import type { SbDatabase } from '../sb/database.ts';
import { tunnelPortName } from './chassis.ts';
import { computeChassisFlows, type ChassisFlows } from './index.ts';

/** ovn-controller's Geneve TLV: option class 0x0102, type 0x80, 4 bytes, as tun_metadata0. */
const GENEVE_TLV = { optClass: 0x102, optType: 0x80, len: 4 };

function vsctl(sw: OvsSwitch, ...args: string[]): void {
  runSwitchVsctl(sw, args);
}

function hasInterface(sw: OvsSwitch, bridge: string, name: string): boolean {
  const br = sw.bridges.get(bridge);
  return br !== undefined && allInterfaces(br).some((i) => i.name === name);
}

function encapIp(sb: SbDatabase, chassisUuid: string): string | undefined {
  const ch = sb.tables.Chassis.get(chassisUuid);
  return ch?.encaps.map((id) => sb.tables.Encap.get(id)?.ip).find((ip) => ip !== undefined);
}

function formatMac(mac: bigint): string {
  return [40, 32, 24, 16, 8, 0].map((s) => ((mac >> BigInt(s)) & 0xffn).toString(16).padStart(2, '0')).join(':');
}

/** sim_add + ovn_attach: the bridges every simulated chassis starts with. */
function attach(sw: OvsSwitch, name: string, ip: string): void {
  if (!sw.bridges.has('br-phys')) {
    vsctl(
      sw,
      'add-br',
      'br-phys',
      '--',
      'set',
      'bridge',
      'br-phys',
      'datapath_type=dummy',
      'fail-mode=standalone',
      '--',
      'add-port',
      'br-phys',
      'br-phys-uplink',
    );
    runAppctl(sw, ['netdev-dummy/ip4addr', 'br-phys', `${ip}/24`]);
    runAppctl(sw, ['ovs/route/add', `${ip}/24`, 'br-phys']);
  }
  for (const [k, v] of [
    ['system-id', name],
    ['hostname', name],
    ['ovn-encap-type', 'geneve'],
    ['ovn-encap-ip', ip],
  ])
    if (!sw.openVswitch.externalIds.has(k)) sw.openVswitch.externalIds.set(k, v);
  if (!sw.bridges.has('br-int')) vsctl(sw, 'add-br', 'br-int');
  vsctl(sw, 'set', 'bridge', 'br-int', 'datapath_type=dummy', 'fail-mode=secure', 'other-config:disable-in-band=true');
}

function bridgeMappings(sw: OvsSwitch): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of (sw.openVswitch.externalIds.get('ovn-bridge-mappings') ?? '').split(',')) {
    const [net, br] = pair.split(':');
    if (net && br) out[net] = br;
  }
  return out;
}

/** What ovn-controller adds: tunnels, VIFs bound with lsp-bind, provider patch ports. */
function controllerPorts(sw: OvsSwitch, sb: SbDatabase, chassisUuid: string): void {
  for (const other of sb.tables.Chassis.values()) {
    if (other._uuid === chassisUuid) continue;
    const port = tunnelPortName(other.name);
    const ip = encapIp(sb, other._uuid);
    if (!ip || hasInterface(sw, 'br-int', port)) continue;
    vsctl(
      sw,
      'add-port',
      'br-int',
      port,
      '--',
      'set',
      'Interface',
      port,
      'type=geneve',
      'options:csum=true',
      'options:key=flow',
      `options:remote_ip=${ip}`,
      `external-ids:ovn-chassis-id=${other.name}`,
    );
  }
  for (const pb of sb.tables.Port_Binding.values()) {
    if (pb.chassis !== chassisUuid || (pb.type !== '' && pb.type !== 'virtual')) continue;
    const bound = [...sw.bridges.values()].some((br) =>
      allInterfaces(br).some((i) => i.externalIds.get('iface-id') === pb.logical_port),
    );
    if (bound || hasInterface(sw, 'br-int', pb.logical_port)) continue;
    vsctl(
      sw,
      'add-port',
      'br-int',
      pb.logical_port,
      '--',
      'set',
      'Interface',
      pb.logical_port,
      `external-ids:iface-id=${pb.logical_port}`,
    );
  }
}

/** patch.c: a patch port pair between br-int and the provider bridge of each local localnet port. */
function patchPorts(sw: OvsSwitch, flows: ChassisFlows): void {
  const mappings = bridgeMappings(sw);
  for (const ld of flows.view.localDatapaths.values()) {
    for (const pb of flows.view.sb.tables.Port_Binding.values()) {
      if (pb.type !== 'localnet' || pb.datapath !== ld.dp._uuid) continue;
      const bridge = mappings[pb.options.network_name ?? ''];
      if (!bridge || !sw.bridges.has(bridge)) continue;
      const toInt = `patch-${pb.logical_port}-to-br-int`;
      const toLn = `patch-br-int-to-${pb.logical_port}`;
      if (hasInterface(sw, 'br-int', toLn)) continue;
      vsctl(
        sw,
        'add-port',
        'br-int',
        toLn,
        '--',
        'set',
        'Interface',
        toLn,
        'type=patch',
        `options:peer=${toInt}`,
        '--',
        'add-port',
        bridge,
        toInt,
        '--',
        'set',
        'Interface',
        toInt,
        'type=patch',
        `options:peer=${toLn}`,
      );
    }
  }
}

/** The chassis' flows with OpenFlow port numbers as its switch assigned them. */
function flowsFor(sw: OvsSwitch, sb: SbDatabase, name: string): ChassisFlows | undefined {
  const br = sw.bridges.get('br-int');
  const ifaces = br ? allInterfaces(br) : [];
  const vifs = ifaces
    .filter((i) => i.externalIds.has('iface-id'))
    .map((i) => ({ iface: i.name, ifaceId: i.externalIds.get('iface-id') ?? '' }));
  const ofport = (n: string) => ifaces.find((i) => i.name === n)?.ofport;
  return computeChassisFlows(sb, { name, vifs, bridgeMappings: bridgeMappings(sw), ofport });
}

/**
 * Brings every chassis' Open vSwitch in `hosts` to what ovn-controller would have made of it by now, and
 * installs its flows in br-int (replacing what was there). Returns the flows per chassis.
 */
export function syncHypervisors(hosts: Map<string, OvsSwitch>, sb: SbDatabase): Map<string, ChassisFlows> {
  const out = new Map<string, ChassisFlows>();
  const chassis = [...sb.tables.Chassis.values()];
  for (const ch of chassis) {
    const ip = encapIp(sb, ch._uuid);
    if (!ip) continue;
    let sw = hosts.get(ch.name);
    if (!sw) {
      sw = newSwitch();
      hosts.set(ch.name, sw);
    }
    attach(sw, ch.name, ip);
  }
  for (const ch of chassis) {
    const sw = hosts.get(ch.name);
    if (!sw) continue;
    controllerPorts(sw, sb, ch._uuid);
    // OVN_POPULATE_ARP: every chassis knows the underlay MAC of every other chassis' encap IP
    for (const other of chassis) {
      const ip = parseIPv4(encapIp(sb, other._uuid) ?? '');
      const mac = hosts.get(other.name)?.bridges.get('br-phys')?.mac;
      if (other === ch || ip === undefined || mac === undefined) continue;
      runAppctl(sw, ['tnl/neigh/set', 'br-phys', formatIPv4(ip), formatMac(mac)]);
    }
    const first = flowsFor(sw, sb, ch.name);
    if (!first) continue;
    patchPorts(sw, first);
    const result = flowsFor(sw, sb, ch.name) ?? first;
    const br = sw.bridges.get('br-int');
    if (!br) continue;
    br.tables = new Map();
    for (const f of result.flows) addFlow(br, f);
    br.groups = new Map();
    for (const [id, spec] of result.groups) {
      const g = parseGroup(`group_id=${id},${spec}`);
      if (g.ok) br.groups.set(id, g.group);
    }
    br.tlvMap.set(0, GENEVE_TLV);
    out.set(ch.name, result);
  }
  return out;
}
