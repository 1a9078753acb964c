// One hypervisor as ovn-controller sees it: which Southbound datapaths and ports are local to it
// (controller/binding.c, local_data.c), its OpenFlow ports on br-int (VIFs, Geneve tunnels named
// ovn-<chassis>-<n>, localnet patch ports) and the conntrack zones it hands out.
import type { SbDatabase } from '../sb/database.ts';
import type { SbChassis, SbDatapathBinding, SbPortBinding } from '../sb/schema.gen.ts';

/** What the hypervisor's Open vSwitch holds besides what ovn-controller creates. */
export interface HypervisorConfig {
  /** Chassis name (external_ids:system-id). */
  name: string;
  /** Interfaces on br-int with external_ids:iface-id, in the order they were added. */
  vifs: { iface: string; ifaceId: string }[];
  /** external_ids:ovn-bridge-mappings, network → bridge. */
  bridgeMappings: Record<string, string>;
  /** The OpenFlow port number the chassis' switch gave an interface on br-int (none: numbered here). */
  ofport?: (name: string) => number | undefined;
}

export interface OfPort {
  name: string;
  ofport: number;
  kind: 'vif' | 'tunnel' | 'patch';
  /** tunnel: the remote chassis; vif/patch: the logical port. */
  peer: string;
  remoteIp?: string;
}

export interface LocalDatapath {
  dp: SbDatapathBinding;
  isSwitch: boolean;
  /** Patch ports of this datapath whose peer is also local (peer_ports). */
  peerPorts: { local: SbPortBinding; remote: SbPortBinding }[];
}

export interface ChassisView {
  sb: SbDatabase;
  chassis: SbChassis;
  localDatapaths: Map<number, LocalDatapath>;
  /** "dpkey_portkey" of related lports (related_lport_ids). */
  relatedIds: Set<string>;
  /** Names of related lports (filters port groups). */
  relatedNames: Set<string>;
  /** VIF logical ports bound here → OpenFlow port. */
  ports: OfPort[];
  /** ct zone per key: logical port name, or "<dp uuid>_dnat" / "<dp uuid>_snat". */
  ctZones: Map<string, number>;
  portByName: Map<string, SbPortBinding>;
  chassisByUuid: Map<string, SbChassis>;
  /** Whether this chassis claims the port (Port_Binding.chassis as ovn-controller would set it). */
  claimed: (pb: SbPortBinding) => boolean;
  /** The chassis (uuid) that claims a port, as the real Southbound would show it in Port_Binding.chassis. */
  chassisOf: (pb: SbPortBinding) => string | undefined;
  /** ha_chassis_get_ordered: the HA chassis of a port's group, highest priority first. */
  haOrdered: (pb: SbPortBinding) => string[];
}

export function lportKey(dpKey: number, portKey: number): string {
  return `${dpKey}_${portKey}`;
}

/** The tunnel port name ovn-controller gives the tunnel to `chassis` (encaps.c tunnel_create_name). */
export function tunnelPortName(chassis: string, index = 0): string {
  return `ovn-${chassis.slice(0, 6)}-${index}`;
}

function isSwitchDp(dp: SbDatapathBinding): boolean {
  return 'logical-switch' in dp.external_ids;
}

function haMembers(sb: SbDatabase, pb: SbPortBinding) {
  const group = pb.ha_chassis_group ? sb.tables.HA_Chassis_Group.get(pb.ha_chassis_group) : undefined;
  return (group?.ha_chassis ?? [])
    .map((id) => sb.tables.HA_Chassis.get(id))
    .filter((h): h is NonNullable<typeof h> => h !== undefined);
}

export function haContains(sb: SbDatabase, pb: SbPortBinding, chassisUuid: string): boolean {
  return haMembers(sb, pb).some((h) => h.chassis === chassisUuid);
}

/**
 * ha_chassis_group_is_active: a group of one chassis is active there; a larger group needs BFD to
 * tell which chassis is up, and without tunnels whose BFD is up (as in a simulation whose tunnels
 * carry no packets) no chassis of it is active.
 */
export function haActive(sb: SbDatabase, pb: SbPortBinding, chassisUuid: string): boolean {
  const members = haMembers(sb, pb);
  return members.length === 1 && members[0].chassis === chassisUuid;
}

export function buildChassisView(sb: SbDatabase, hv: HypervisorConfig): ChassisView | undefined {
  const chassis = [...sb.tables.Chassis.values()].find((c) => c.name === hv.name);
  if (!chassis) return undefined;
  const portByName = new Map<string, SbPortBinding>();
  for (const pb of sb.tables.Port_Binding.values()) portByName.set(pb.logical_port, pb);
  const dpByUuid = sb.tables.Datapath_Binding;
  const portsOfDp = new Map<string, SbPortBinding[]>();
  for (const pb of sb.tables.Port_Binding.values()) {
    const list = portsOfDp.get(pb.datapath) ?? [];
    list.push(pb);
    portsOfDp.set(pb.datapath, list);
  }
  const chassisByUuid = new Map([...sb.tables.Chassis.entries()]);

  const localDatapaths = new Map<number, LocalDatapath>();
  const relatedIds = new Set<string>();
  const relatedNames = new Set<string>();
  const dpKey = (pb: SbPortBinding) => dpByUuid.get(pb.datapath)?.tunnel_key ?? 0;
  const related = (pb: SbPortBinding) => {
    relatedIds.add(lportKey(dpKey(pb), pb.tunnel_key));
    relatedNames.add(pb.logical_port);
  };

  const needPeer = (pb: SbPortBinding): boolean => {
    if (pb.type === 'l3gateway' && pb.options['l3gateway-chassis'] === hv.name) return true;
    if (pb.type !== 'patch') return false;
    const crp = pb.options['chassis-redirect-port'];
    if (!crp) return true;
    const cr = portByName.get(crp);
    if (!cr) return false;
    if (cr.options['always-redirect'] !== 'true') return true;
    return haContains(sb, cr, chassis._uuid);
  };
  const addPeerPort = (ld: LocalDatapath, local: SbPortBinding, remote: SbPortBinding) => {
    if (!ld.peerPorts.some((p) => p.local === local)) ld.peerPorts.push({ local, remote });
  };
  const addLocal = (dp: SbDatapathBinding, depth: number): LocalDatapath => {
    const existing = localDatapaths.get(dp.tunnel_key);
    if (existing) return existing;
    const ld: LocalDatapath = { dp, isSwitch: isSwitchDp(dp), peerPorts: [] };
    localDatapaths.set(dp.tunnel_key, ld);
    if (depth >= 100) return ld;
    for (const pb of portsOfDp.get(dp._uuid) ?? []) {
      if (pb.type !== 'patch' && pb.type !== 'l3gateway') continue;
      const peer = pb.options.peer ? portByName.get(pb.options.peer) : undefined;
      const peerDp = peer ? dpByUuid.get(peer.datapath) : undefined;
      if (!peer || !peerDp || !needPeer(pb)) continue;
      const peerLd = addLocal(peerDp, depth + 1);
      addPeerPort(peerLd, peer, pb);
      addPeerPort(ld, pb, peer);
    }
    return ld;
  };

  const boundHere = new Set(hv.vifs.map((v) => v.ifaceId));
  const claimed = (pb: SbPortBinding): boolean => {
    switch (pb.type) {
      case '':
      case 'virtual':
        return boundHere.has(pb.logical_port);
      case 'l2gateway':
        return pb.options['l2gateway-chassis'] === hv.name;
      case 'l3gateway':
        return pb.options['l3gateway-chassis'] === hv.name;
      case 'chassisredirect':
      case 'external':
        return haActive(sb, pb, chassis._uuid);
      default:
        return false;
    }
  };
  const localLports: string[] = [];
  for (const pb of sb.tables.Port_Binding.values()) {
    const dp = dpByUuid.get(pb.datapath);
    if (!dp) continue;
    switch (pb.type) {
      case 'patch':
      case 'vtep':
      case 'localport':
        related(pb);
        break;
      case 'localnet':
        // consider_localnet_lport: every localnet port gets a ct zone.
        localLports.push(pb.logical_port);
        related(pb);
        break;
      case '':
      case 'virtual':
      case 'l2gateway':
      case 'l3gateway':
        if (claimed(pb)) {
          localLports.push(pb.logical_port);
          addLocal(dp, 0);
          related(pb);
        }
        break;
      case 'chassisredirect':
      case 'external':
        // consider_ha_lport: a member of the group makes the datapath local; the active one claims it.
        if (haContains(sb, pb, chassis._uuid)) {
          addLocal(dp, 0);
          related(pb);
        }
        if (claimed(pb)) localLports.push(pb.logical_port);
        break;
      default:
        break;
    }
  }

  // ovn-controller creates tunnels as the other chassis appear, VIFs come with lsp-bind: tunnels first
  // is the usual order of a script (chassis-add lines precede the bindings).
  const ports: OfPort[] = [];
  let next = 1;
  const number = (name: string) => (hv.ofport ? hv.ofport(name) : next++);
  const addPort = (p: Omit<OfPort, 'ofport'>) => {
    const ofport = number(p.name);
    if (ofport !== undefined) ports.push({ ...p, ofport });
  };
  for (const other of sb.tables.Chassis.values()) {
    if (other._uuid === chassis._uuid) continue;
    const encap = other.encaps.map((id) => sb.tables.Encap.get(id)).find((e) => e);
    addPort({ name: tunnelPortName(other.name), kind: 'tunnel', peer: other.name, remoteIp: encap?.ip });
  }
  for (const vif of hv.vifs) addPort({ name: vif.iface, kind: 'vif', peer: vif.ifaceId });
  for (const pb of sb.tables.Port_Binding.values()) {
    if (pb.type !== 'localnet') continue;
    const dp = dpByUuid.get(pb.datapath);
    if (!dp || !localDatapaths.has(dp.tunnel_key)) continue;
    if (!hv.bridgeMappings[pb.options.network_name ?? '']) continue;
    addPort({ name: `patch-br-int-to-${pb.logical_port}`, kind: 'patch', peer: pb.logical_port });
  }

  // Zones: one per local VIF, and a DNAT and an SNAT zone per local datapath (ct-zone.c).
  const ctZones = new Map<string, number>();
  let zone = 1;
  for (const ld of [...localDatapaths.values()].sort((a, b) => a.dp.tunnel_key - b.dp.tunnel_key)) {
    const snat = Number(ld.dp.external_ids['snat-ct-zone'] ?? NaN);
    ctZones.set(`${ld.dp._uuid}_dnat`, zone++);
    ctZones.set(`${ld.dp._uuid}_snat`, Number.isInteger(snat) ? snat : zone++);
  }
  for (const lport of localLports) ctZones.set(lport, zone++);

  const byName = new Map([...sb.tables.Chassis.values()].map((c) => [c.name, c._uuid]));
  const haOrdered = (pb: SbPortBinding) =>
    haMembers(sb, pb)
      .filter((h) => h.chassis)
      .sort((a, b) => b.priority - a.priority)
      .map((h) => h.chassis ?? '');
  const chassisOf = (pb: SbPortBinding): string | undefined => {
    if (pb.chassis) return pb.chassis;
    if (pb.type === 'l3gateway') return byName.get(pb.options['l3gateway-chassis'] ?? '');
    if (pb.type === 'l2gateway') return byName.get(pb.options['l2gateway-chassis'] ?? '');
    if (pb.type === 'chassisredirect' || pb.type === 'external') {
      const members = haMembers(sb, pb);
      return members.length === 1 ? members[0].chassis : undefined;
    }
    return undefined;
  };
  return {
    sb,
    chassis,
    localDatapaths,
    relatedIds,
    relatedNames,
    ports,
    ctZones,
    portByName,
    chassisByUuid,
    claimed,
    chassisOf,
    haOrdered,
  };
}
