// The Southbound rows northd writes besides logical flows: Chassis/Encap (from the physical facts,
// with a real 23.03 ovn-controller's feature flags), Datapath_Binding, Port_Binding,
// Multicast_Group, Address_Set, Port_Group and Load_Balancer.
import type { NbDatabase } from '../nb/database.ts';
import type { SbDatabase } from '../sb/database.ts';
import type { SbPortBinding } from '../sb/schema.gen.ts';
import { deterministicUuid } from '../sb/uuid.ts';
import { reachableVips, routerLbAddressSet } from './lr-lb.ts';
import { routerLspNatAddresses } from './nat-addresses.ts';
import { addDnsRows, addHaChassisGroups, addLoadBalancers } from './sb-service-rows.ts';
import {
  lspIsEnabled,
  lspIsExternal,
  lspIsRouter,
  lrportIsEnabled,
  smapGetBool,
  type NorthdModel,
  type Od,
  type Op,
} from './model.ts';

/** What a real ovn-controller 23.03 advertises in Chassis other_config. */
export const CONTROLLER_FEATURES: Readonly<Record<string, string>> = {
  'ct-no-masked-label': 'true',
  'mac-binding-timestamp': 'true',
  'ovn-ct-lb-related': 'true',
  'port-up-notif': 'true',
};

export const MC_FLOOD_KEY = 32768;
export const MC_UNKNOWN_KEY = 32769;
export const MC_MROUTER_FLOOD_KEY = 32770;
export const MC_STATIC_KEY = 32771;
export const MC_FLOOD_L2_KEY = 32772;

/** The SB uuid of a datapath's Datapath_Binding. */
export const datapathUuid = (od: Od): string => deterministicUuid(`Datapath_Binding/${od.uuid}`);
export const portBindingUuid = (name: string): string => deterministicUuid(`Port_Binding/${name}`);

function addChassis(model: NorthdModel, sb: SbDatabase): Map<string, string> {
  const byName = new Map<string, string>();
  for (const ch of model.world.physical.chassis) {
    const uuid = deterministicUuid(`Chassis/${ch.name}`);
    const encaps: string[] = [];
    for (const e of ch.encaps) {
      const eu = deterministicUuid(`Encap/${ch.name}/${e.type}/${e.ip}`);
      sb.tables.Encap.set(eu, { _uuid: eu, chassis_name: ch.name, ip: e.ip, options: { csum: 'true' }, type: e.type });
      encaps.push(eu);
    }
    sb.tables.Chassis.set(uuid, {
      _uuid: uuid,
      encaps: encaps.sort(),
      external_ids: {},
      hostname: ch.hostname,
      name: ch.name,
      nb_cfg: 0,
      other_config: { ...CONTROLLER_FEATURES },
      transport_zones: [],
      vtep_logical_switches: [],
    });
    byName.set(ch.name, uuid);
  }
  return byName;
}

function basePortBinding(op: Op, dpUuid: string): SbPortBinding {
  return {
    _uuid: portBindingUuid(op.name),
    additional_chassis: [],
    additional_encap: [],
    datapath: dpUuid,
    external_ids: {},
    gateway_chassis: [],
    logical_port: op.name,
    mac: [],
    mirror_rules: [],
    nat_addresses: [],
    options: {},
    port_security: [],
    requested_additional_chassis: [],
    tunnel_key: op.tunnelKey,
    type: '',
    up: false,
  };
}

function switchPortBinding(op: Op, dpUuid: string, chassis: string | undefined): SbPortBinding {
  const lsp = op.nbsp;
  const pb = basePortBinding(op, dpUuid);
  if (!lsp) return pb;
  pb.mac = [...lsp.addresses];
  pb.port_security = [...lsp.port_security];
  if (lspIsRouter(lsp)) {
    const peer = lsp.options['router-port'];
    const gwChassis = op.peer?.od.nbr?.options.chassis;
    pb.type = gwChassis ? 'l3gateway' : 'patch';
    pb.options = peer ? { peer } : {};
    if (gwChassis) pb.options['l3gateway-chassis'] = gwChassis;
  } else {
    pb.type = lsp.type;
    pb.options = { ...lsp.options };
    if (op.qdiscQueueId !== undefined) pb.options.qdisc_queue_id = op.qdiscQueueId;
    if (smapGetBool(op.od.nbs?.other_config ?? {}, 'vlan-passthru', false)) pb.options['vlan-passthru'] = 'true';
    if (lsp.parent_name !== undefined) pb.parent_port = lsp.parent_name;
    if (lsp.tag !== undefined) pb.tag = lsp.tag;
    else if (lsp.tag_request !== undefined && lsp.tag_request !== 0) pb.tag = lsp.tag_request;
  }
  if (chassis) {
    pb.chassis = chassis;
    pb.up = true;
  }
  return pb;
}

function routerPortBinding(nb: NbDatabase, op: Op, dpUuid: string): SbPortBinding {
  const lrp = op.nbrp;
  const pb = basePortBinding(op, dpUuid);
  if (!lrp) return pb;
  const isCr = op.name !== lrp.name;
  pb.mac = [[lrp.mac, ...lrp.networks].join(' ')];
  if (isCr) {
    pb.type = 'chassisredirect';
    pb.options = { 'distributed-port': lrp.name };
    // always-redirect unless the router has distributed NAT, the port's switch has vtep ports, or it is bridged
    const nats = (op.od.nbr?.nat ?? []).map((u) => nb.tables.NAT.get(u));
    const distributedNat = nats.some((n) => n?.type === 'dnat_and_snat' && n.logical_port && n.external_mac);
    const peer = op.od.ports.find((p) => p.name === lrp.name)?.peer;
    const redirectType = lrp.options['redirect-type'];
    if (redirectType) pb.options['redirect-type'] = redirectType;
    if (!distributedNat && !peer?.od.hasVtepLports && redirectType !== 'bridged')
      pb.options['always-redirect'] = 'true';
    return pb;
  }
  const gwChassis = op.od.nbr?.options.chassis;
  const peer = op.peer?.name ?? lrp.peer;
  pb.type = gwChassis ? 'l3gateway' : 'patch';
  pb.options = {};
  if (peer) pb.options.peer = peer;
  if (gwChassis) pb.options['l3gateway-chassis'] = gwChassis;
  if (op.crPort) pb.options['chassis-redirect-port'] = op.crPort.name;
  return pb;
}

function addMulticastGroup(sb: SbDatabase, od: Od, dpUuid: string, name: string, key: number, ports: Op[]): void {
  if (ports.length === 0) return;
  const uuid = deterministicUuid(`Multicast_Group/${od.uuid}/${name}`);
  sb.tables.Multicast_Group.set(uuid, {
    _uuid: uuid,
    datapath: dpUuid,
    name,
    ports: ports.map((p) => portBindingUuid(p.name)).sort(),
    tunnel_key: key,
  });
}

function addSwitchMulticastGroups(sb: SbDatabase, od: Od, dpUuid: string): void {
  const enabled = od.ports.filter((op) => op.nbsp && lspIsEnabled(op.nbsp));
  addMulticastGroup(sb, od, dpUuid, '_MC_flood', MC_FLOOD_KEY, enabled);
  addMulticastGroup(
    sb,
    od,
    dpUuid,
    '_MC_unknown',
    MC_UNKNOWN_KEY,
    enabled.filter((op) => op.nbsp && !lspIsExternal(op.nbsp) && op.nbsp.addresses.includes('unknown')),
  );
  addMulticastGroup(
    sb,
    od,
    dpUuid,
    '_MC_mrouter_flood',
    MC_MROUTER_FLOOD_KEY,
    enabled.filter(
      (op) =>
        (od.mcast.floodRelay && !!op.peer && smapGetBool(op.peer.od.nbr?.options ?? {}, 'mcast_relay', false)) ||
        (!!op.nbsp && smapGetBool(op.nbsp.options, 'mcast_flood_reports', false)),
    ),
  );
  addMulticastGroup(
    sb,
    od,
    dpUuid,
    '_MC_static',
    MC_STATIC_KEY,
    enabled.filter((op) => op.nbsp && smapGetBool(op.nbsp.options, 'mcast_flood', false)),
  );
  addMulticastGroup(
    sb,
    od,
    dpUuid,
    '_MC_flood_l2',
    MC_FLOOD_L2_KEY,
    enabled.filter((op) => op.nbsp && !lspIsRouter(op.nbsp)),
  );
}

function addRouterMulticastGroups(sb: SbDatabase, od: Od, dpUuid: string): void {
  const statics = od.ports.filter(
    (op) =>
      op.nbrp &&
      op.name === op.nbrp.name &&
      lrportIsEnabled(op.nbrp) &&
      smapGetBool(op.nbrp.options, 'mcast_flood', false),
  );
  addMulticastGroup(sb, od, dpUuid, '_MC_static', MC_STATIC_KEY, statics);
}

function addAddressSets(model: NorthdModel, sb: SbDatabase): void {
  const add = (name: string, addresses: string[]): void => {
    const uuid = deterministicUuid(`Address_Set/${name}`);
    sb.tables.Address_Set.set(uuid, { _uuid: uuid, name, addresses: [...addresses].sort() });
  };
  add('svc_monitor_mac', [model.options.svcMonitorMac]);
  for (const as of model.nb.tables.Address_Set.values()) add(as.name, as.addresses);
  for (const pg of model.nb.tables.Port_Group.values()) {
    const v4: string[] = [];
    const v6: string[] = [];
    for (const pu of pg.ports) {
      const lsp = model.nb.tables.Logical_Switch_Port.get(pu);
      const op = lsp ? model.ports.get(lsp.name) : undefined;
      for (const a of op?.lspAddrs ?? []) {
        for (const ip of a.ipv4) if (!v4.includes(ip.addrS)) v4.push(ip.addrS);
        for (const ip of a.ipv6) if (!v6.includes(ip.addrS)) v6.push(ip.addrS);
      }
    }
    add(`${pg.name}_ip4`, v4);
    add(`${pg.name}_ip6`, v6);
  }
  for (const od of model.datapaths) {
    if (!od.nbr) continue;
    const { v4, v6 } = reachableVips(od);
    if (v4.length > 0) add(routerLbAddressSet(od, false), v4);
    if (v6.length > 0) add(routerLbAddressSet(od, true), v6);
  }
}

function addPortGroups(model: NorthdModel, sb: SbDatabase): void {
  for (const od of model.datapaths) {
    for (const { pg, ports } of od.portGroups) {
      const name = `${od.tunnelKey}_${pg.name}`;
      const uuid = deterministicUuid(`Port_Group/${name}`);
      sb.tables.Port_Group.set(uuid, { _uuid: uuid, name, ports: ports.map((p) => p.name).sort() });
    }
  }
}

/** SB MAC_Binding rows the scenario states (what ovn-controller would have learned; ovn-trace reads them). */
function addMacBindings(model: NorthdModel, sb: SbDatabase): void {
  for (const mb of model.world.physical.macBindings) {
    const op = model.ports.get(mb.logicalPort);
    if (!op) continue;
    const uuid = deterministicUuid(`MAC_Binding/${mb.logicalPort}/${mb.ip}`);
    sb.tables.MAC_Binding.set(uuid, {
      _uuid: uuid,
      datapath: datapathUuid(op.od),
      ip: mb.ip,
      logical_port: mb.logicalPort,
      mac: mb.mac,
      timestamp: 0,
    });
  }
}

/** Port name -> SB Chassis uuid of the chassis it is bound to. */
export type Bindings = ReadonlyMap<string, string>;

/** ovn_datapath_update_external_ids: the NB row, its name, a neutron name2, a switch's interconn-ts, a router's NAT zone. */
function datapathExternalIds(od: Od): Record<string, string> {
  const ids: Record<string, string> = od.nbs
    ? { 'logical-switch': od.uuid, name: od.name }
    : { 'logical-router': od.uuid, name: od.name };
  const name2 = od.nbs ? od.nbs.external_ids['neutron:network_name'] : od.nbr?.external_ids['neutron:router_name'];
  if (name2) ids.name2 = name2;
  const ts = od.nbs?.other_config['interconn-ts'];
  if (ts !== undefined) ids['interconn-ts'] = ts;
  // A router's snat-ct-zone and always_learn_from_arp_request=false (ovn-controller reads them here).
  const snatZone = Number.parseInt(od.nbr?.options['snat-ct-zone'] ?? '', 10);
  if (snatZone >= 0) ids['snat-ct-zone'] = String(snatZone);
  if (od.nbr?.options.always_learn_from_arp_request === 'false') ids.always_learn_from_arp_request = 'false';
  return ids;
}

/** Datapath_Binding, Port_Bindings and Multicast_Groups of one datapath. */
export function addDatapathRows(sb: SbDatabase, od: Od, boundTo: Bindings, nb: NbDatabase): void {
  const dpUuid = datapathUuid(od);
  sb.tables.Datapath_Binding.set(dpUuid, {
    _uuid: dpUuid,
    external_ids: datapathExternalIds(od),
    load_balancers: [],
    tunnel_key: od.tunnelKey,
  });
  for (const op of od.ports) {
    const pb = op.nbsp ? switchPortBinding(op, dpUuid, boundTo.get(op.name)) : routerPortBinding(nb, op, dpUuid);
    sb.tables.Port_Binding.set(pb._uuid, pb);
    if (op.crPort) {
      const cr = routerPortBinding(nb, op.crPort, dpUuid);
      sb.tables.Port_Binding.set(cr._uuid, cr);
    }
  }
  if (od.nbs) addSwitchMulticastGroups(sb, od, dpUuid);
  else addRouterMulticastGroups(sb, od, dpUuid);
}

/** Removes what addDatapathRows wrote for one datapath (its logical flows stay). */
export function removePortRows(sb: SbDatabase, od: Od): void {
  sb.tables.Datapath_Binding.delete(datapathUuid(od));
  for (const op of od.ports) {
    sb.tables.Port_Binding.delete(portBindingUuid(op.name));
    if (op.crPort) sb.tables.Port_Binding.delete(portBindingUuid(op.crPort.name));
  }
  for (const name of ['_MC_flood', '_MC_unknown', '_MC_mrouter_flood', '_MC_static', '_MC_flood_l2']) {
    sb.tables.Multicast_Group.delete(deterministicUuid(`Multicast_Group/${od.uuid}/${name}`));
  }
}

/** The Address_Set, Port_Group, Load_Balancer, DNS and HA chassis rows and NAT addresses, rewritten from the model. */
export function refreshGroupRows(model: NorthdModel, sb: SbDatabase): void {
  sb.tables.Address_Set.clear();
  sb.tables.Port_Group.clear();
  for (const lb of sb.tables.Load_Balancer.values())
    if (lb.datapath_group) sb.tables.Logical_DP_Group.delete(lb.datapath_group);
  sb.tables.Load_Balancer.clear();
  addAddressSets(model, sb);
  addPortGroups(model, sb);
  addLoadBalancers(model, sb);
  sb.tables.DNS.clear();
  addDnsRows(model, sb);
  sb.tables.HA_Chassis_Group.clear();
  sb.tables.HA_Chassis.clear();
  const chassisByName = new Map([...sb.tables.Chassis.values()].map((c) => [c.name, c._uuid]));
  addHaChassisGroups(model, sb, chassisByName);
  for (const op of model.ports.values()) {
    const pb = op.nbsp && lspIsRouter(op.nbsp) ? sb.tables.Port_Binding.get(portBindingUuid(op.name)) : undefined;
    if (pb) pb.nat_addresses = routerLspNatAddresses(model, op, op.peer?.od.nbr?.options.chassis);
  }
}

/** Everything but Logical_Flow, into sb; returns the port bindings to chassis. */
export function addSbRows(model: NorthdModel, sb: SbDatabase): Bindings {
  const chassisByName = addChassis(model, sb);
  const boundTo = new Map<string, string>();
  for (const b of model.world.physical.bindings) {
    const ch = chassisByName.get(b.chassis);
    if (ch) boundTo.set(b.logicalPort, ch);
  }
  for (const od of model.datapaths) addDatapathRows(sb, od, boundTo, model.nb);
  refreshGroupRows(model, sb);
  addMacBindings(model, sb);
  return boundTo;
}
