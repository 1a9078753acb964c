// One Open vSwitch instance (ovsdb + ovs-vswitchd) as ovs-vswitchd 3.1 holds it: bridges, their ports and
// OpenFlow port numbers, the datapaths ("backers") with their own port numbers, and the underlay state
// that native tunnels use (addresses, routes, neighbours set with ovs-appctl).
import type { Flow, Group } from '../flow/types.ts';

export type InterfaceType = 'internal' | 'dummy' | 'system' | 'patch' | 'vxlan' | 'geneve' | 'gre' | 'stt' | 'erspan';

export interface Interface {
  name: string;
  /** "" in the database means a system device; bridges' own port is "internal". */
  type: string;
  options: Map<string, string>;
  otherConfig: Map<string, string>;
  externalIds: Map<string, string>;
  ofportRequest?: number;
  /** OpenFlow port number (OFPP.LOCAL for the bridge's own port); undefined: not (yet) in the switch. */
  ofport?: number;
  /** Datapath port number; undefined for patch ports (they live in ofproto only). */
  dpPort?: number;
  mac: bigint;
}

export interface Port {
  name: string;
  /** VLAN access tag and trunks (NORMAL's VLAN handling). */
  tag?: number;
  trunks: number[];
  interfaces: Interface[];
  otherConfig: Map<string, string>;
  externalIds: Map<string, string>;
}

/** One OpenFlow flow installed in a bridge, with the order it was added in (for ties and dumps). */
export interface InstalledFlow {
  flow: Flow;
  seq: number;
}

export interface Bridge {
  name: string;
  datapathType: string;
  failMode?: 'secure' | 'standalone';
  protocols?: string[];
  otherConfig: Map<string, string>;
  externalIds: Map<string, string>;
  /** Ports in the order they were added (NORMAL floods in this order). */
  ports: Map<string, Port>;
  /** OpenFlow port number → interface. */
  byOfport: Map<number, Interface>;
  /** ofproto's round-robin cursor for automatically assigned port numbers (alloc_port_no). */
  allocPortNo: number;
  /** OpenFlow port numbers released by deleted ports: OVS does not hand them out again soon. */
  recentlyUsed: Set<number>;
  /** Flows per table (0–254). */
  tables: Map<number, InstalledFlow[]>;
  groups: Map<number, Group>;
  /** tun_metadata TLV map set with add-tlv-map: index → option class/type/length. */
  tlvMap: Map<number, { optClass: number; optType: number; len: number }>;
  /** The MAC of the bridge's own port (other-config:hwaddr, else drawn at random by OVS). */
  mac: bigint;
  /** MAC learning table of NORMAL: (vlan, mac) → port name. */
  fdb: Map<string, { port: string; vlan: number; mac: bigint }>;
  flowSeq: number;
}

/** A datapath (dpif backer): "dummy@ovs-dummy", "netdev@ovs-netdev" or "system@ovs-system". */
export interface Backer {
  type: string;
  /** Datapath port number → datapath port name ("br0", "p1", "vxlan_sys_4789"). */
  ports: Map<number, string>;
  byName: Map<string, number>;
  /** dpif/set-dp-features: tnl_push_pop false turns native tunnels off. */
  tnlPushPop: boolean;
}

export interface Route {
  prefix: bigint;
  plen: number;
  dev: string;
  gw: bigint;
}

export interface OvsSwitch {
  bridges: Map<string, Bridge>;
  backers: Map<string, Backer>;
  openVswitch: { externalIds: Map<string, string>; otherConfig: Map<string, string> };
  /** netdev-dummy/ip4addr: device → address/prefix length. */
  addresses: Map<string, { addr: bigint; plen: number }[]>;
  routes: Route[];
  /** tnl/neigh/set: bridge name → IP → MAC. */
  neighbours: Map<string, Map<bigint, bigint>>;
  /** netdev-dummy gives each device it creates aa:55:aa:55:00:NN from one counter. */
  dummyMacCounter: number;
  /** Recirculation ids handed out by traces (ofproto/trace allocates a new one each time). */
  nextRecircId: number;
  /** Interfaces added since the last reconfiguration, in the order they were added. */
  pending: { bridge: Bridge; iface: Interface }[];
  /** Interfaces whose ofport_request another port holds: retried at each reconfiguration. */
  waiting: { bridge: Bridge; iface: Interface }[];
}

/** The first dummy MAC of a fresh ovs-vswitchd --enable-dummy (the counter already moved 14 times). */
const FIRST_DUMMY_MAC = 0xaa55aa55000en;

export function newSwitch(): OvsSwitch {
  return {
    bridges: new Map(),
    backers: new Map(),
    openVswitch: { externalIds: new Map(), otherConfig: new Map() },
    addresses: new Map(),
    routes: [],
    neighbours: new Map(),
    dummyMacCounter: 0,
    nextRecircId: 1,
    pending: [],
    waiting: [],
  };
}

export function nextDummyMac(sw: OvsSwitch): bigint {
  return FIRST_DUMMY_MAC + BigInt(sw.dummyMacCounter++);
}

/** dpif type of a bridge's datapath_type ("" and "system" are the kernel datapath). */
export function backerType(datapathType: string): string {
  return datapathType === '' ? 'system' : datapathType;
}

export function backerName(type: string): string {
  return `${type}@ovs-${type}`;
}

export const TUNNEL_TYPES = new Set(['vxlan', 'geneve', 'gre', 'stt', 'erspan', 'lisp', 'gtpu']);

/** The UDP port a tunnel type uses by default (options:dst_port overrides it). */
export const TUNNEL_DEFAULT_DST_PORT: Record<string, number> = {
  vxlan: 4789,
  geneve: 6081,
  stt: 7471,
  lisp: 4341,
  gtpu: 2152,
};

/** The datapath port a tunnel interface shares with every tunnel of its type and UDP port
 * (netdev_vport_get_dpif_port: "vxlan_sys_4789", "genev_sys_6081", "gre_sys"). */
export function tunnelDpifName(iface: Interface): string {
  const base: Record<string, string> = {
    vxlan: 'vxlan_sys',
    geneve: 'genev_sys',
    gre: 'gre_sys',
    stt: 'stt_sys',
    lisp: 'lisp_sys',
    erspan: 'erspan_sys',
    gtpu: 'gtpu_sys',
  };
  const dflt = TUNNEL_DEFAULT_DST_PORT[iface.type];
  if (dflt === undefined) return base[iface.type];
  const port = Number(iface.options.get('dst_port') ?? dflt);
  return `${base[iface.type]}_${port}`;
}

export function tunnelDstPort(iface: Interface): number | undefined {
  const dflt = TUNNEL_DEFAULT_DST_PORT[iface.type];
  if (dflt === undefined) return undefined;
  return Number(iface.options.get('dst_port') ?? dflt);
}

export function allInterfaces(br: Bridge): Interface[] {
  const out: Interface[] = [];
  for (const p of br.ports.values()) out.push(...p.interfaces);
  return out;
}

export function findInterface(
  sw: OvsSwitch,
  name: string,
): { bridge: Bridge; port: Port; iface: Interface } | undefined {
  // an interface is nearly always alone in the port of the same name: look there first
  for (const bridge of sw.bridges.values()) {
    const port = bridge.ports.get(name);
    const iface = port?.interfaces.find((i) => i.name === name);
    if (port && iface) return { bridge, port, iface };
  }
  for (const bridge of sw.bridges.values())
    for (const port of bridge.ports.values())
      for (const iface of port.interfaces) if (iface.name === name) return { bridge, port, iface };
  return undefined;
}

export function portOfInterface(br: Bridge, iface: Interface): Port | undefined {
  for (const p of br.ports.values()) if (p.interfaces.includes(iface)) return p;
  return undefined;
}
