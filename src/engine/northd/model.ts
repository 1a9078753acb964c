// northd's working model of the Northbound database (its ovn_datapath / ovn_port structures):
// datapaths, ports with parsed addresses, peers, port groups, load balancers and global options.
import type { NbDatabase } from '../nb/database.ts';
import { creationCounter, insertionOrder } from '../nb/txn.ts';

export { creationCounter };
import type {
  NbACL,
  NbLoadBalancer,
  NbLogicalRouter,
  NbLogicalRouterPort,
  NbLogicalSwitch,
  NbLogicalSwitchPort,
  NbPortGroup,
} from '../nb/schema.gen.ts';
import type { World } from '../nb/world.ts';
import {
  extractLrpNetworks,
  extractLspAddresses,
  isDynamicLspAddress,
  type LportAddresses,
} from '../packet/ovn-addresses.ts';
import { buildIpam } from './ipam.ts';
import { datapathKeys, portKeys } from './tunnel-keys.ts';
import { parseLoadBalancer, type NorthdLb } from './lb.ts';
import { assignQdiscQueues, portHasQosParams } from './ls-qdisc.ts';

export interface ChassisFeatures {
  ctNoMaskedLabel: boolean;
  ctLbRelated: boolean;
}

export interface NorthdOptions {
  useCtInvMatch: boolean;
  defaultAclDrop: boolean;
  checkLspIsUp: boolean;
  controllerEvent: boolean;
  /**
   * NB_Global options:svc_monitor_mac. Real northd picks a random locally administered MAC when unset; our
   * fixed stand-in is one that IPAM (mac_prefix 0a:00:00) and tutorials do not hand out, so no VM's
   * packets hit the service-monitor flows they would not hit in real OVN.
   */
  svcMonitorMac: string;
  /** NB_Global options:install_ls_lb_from_router: a router's load balancers apply on its switches too. */
  installLsLbFromRouter: boolean;
}

export interface McastSwitchInfo {
  enabled: boolean;
  floodUnregistered: boolean;
  floodRelay: boolean;
  floodStatic: boolean;
}

export interface Od {
  /** NB uuid of the Logical_Switch / Logical_Router; also the key of its flows. */
  uuid: string;
  name: string;
  nbs?: NbLogicalSwitch;
  nbr?: NbLogicalRouter;
  ports: Op[];
  routerPorts: Op[];
  localnetPorts: Op[];
  l3dgwPorts: Op[];
  hasUnknown: boolean;
  hasAcls: boolean;
  hasStatefulAcl: boolean;
  hasLbVip: boolean;
  hasVtepLports: boolean;
  /** Port groups (NB) having a port on this switch, with those ports. */
  portGroups: { pg: NbPortGroup; ports: Op[] }[];
  lbs: NorthdLb[];
  mcast: McastSwitchInfo;
  tunnelKey: number;
}

export interface Op {
  name: string;
  /** The port name as a JSON string, as flows quote it. */
  jsonKey: string;
  od: Od;
  nbsp?: NbLogicalSwitchPort;
  nbrp?: NbLogicalRouterPort;
  lspAddrs: LportAddresses[];
  psAddrs: LportAddresses[];
  hasUnknown: boolean;
  peer?: Op;
  lrpNetworks?: LportAddresses;
  /** Addresses IPAM assigned for a "dynamic" entry (NB dynamic_addresses). */
  dynamicAddresses?: string;
  /** For a distributed gateway port: its chassisredirect companion. */
  crPort?: Op;
  tunnelKey: number;
  /** Switch port: SB options:qdisc_queue_id (its own, or allocated for QoS options; ls-qdisc.ts). */
  qdiscQueueId?: string;
}

export interface NorthdModel {
  nb: NbDatabase;
  world: World;
  features: ChassisFeatures;
  options: NorthdOptions;
  datapaths: Od[];
  ports: Map<string, Op>;
  lbs: NorthdLb[];
  lbByUuid: Map<string, NorthdLb>;
  /** Creation order of Logical_Switch_Port rows (their index in the NB table map). */
  lspOrder: Map<string, number>;
}

export const lspIsEnabled = (lsp: NbLogicalSwitchPort): boolean => lsp.enabled !== false;
/**
 * lsp_is_up: NB `up`, which northd itself sets once the port is bound to a chassis (real
 * ovn-controllers report it up), so a port bound in the physical facts counts as up.
 */
export const lspIsUp = (model: NorthdModel, lsp: NbLogicalSwitchPort): boolean =>
  lsp.up === true || model.world.physical.bindings.some((b) => b.logicalPort === lsp.name);
export const lspIsExternal = (lsp: NbLogicalSwitchPort): boolean => lsp.type === 'external';
export const lspIsRouter = (lsp: NbLogicalSwitchPort): boolean => lsp.type === 'router';
export const lspIsLocalnet = (lsp: NbLogicalSwitchPort): boolean => lsp.type === 'localnet';
export const lspIsVtep = (lsp: NbLogicalSwitchPort): boolean => lsp.type === 'vtep';
export const lspIsRemote = (lsp: NbLogicalSwitchPort): boolean => lsp.type === 'remote';
export const lrportIsEnabled = (lrp: NbLogicalRouterPort): boolean => lrp.enabled !== false;

export function smapGetBool(map: Record<string, string>, key: string, def: boolean): boolean {
  const v = map[key];
  if (v === undefined) return def;
  return def ? v.toLowerCase() !== 'false' : v.toLowerCase() === 'true';
}

export function jsonKey(name: string): string {
  return JSON.stringify(name);
}

function hasAnyAclAction(acls: readonly NbACL[], action: string): boolean {
  return acls.some((a) => a.action === action);
}

function aclsOf(nb: NbDatabase, uuids: readonly string[]): NbACL[] {
  const out: NbACL[] = [];
  for (const u of uuids) {
    const acl = nb.tables.ACL.get(u);
    if (acl) out.push(acl);
  }
  return out;
}

export function switchAcls(model: NorthdModel, od: Od): NbACL[] {
  return aclsOf(model.nb, od.nbs?.acls ?? []);
}

export function portGroupAcls(model: NorthdModel, pg: NbPortGroup): NbACL[] {
  return aclsOf(model.nb, pg.acls);
}

function newOd(uuid: string, name: string, tunnelKey: number): Od {
  return {
    uuid,
    name,
    ports: [],
    routerPorts: [],
    localnetPorts: [],
    l3dgwPorts: [],
    hasUnknown: false,
    hasAcls: false,
    hasStatefulAcl: false,
    hasLbVip: false,
    hasVtepLports: false,
    portGroups: [],
    lbs: [],
    mcast: { enabled: false, floodUnregistered: false, floodRelay: false, floodStatic: false },
    tunnelKey,
  };
}

function lspAddresses(lsp: NbLogicalSwitchPort): { addrs: LportAddresses[]; unknown: boolean } {
  const addrs: LportAddresses[] = [];
  let unknown = false;
  for (const a of lsp.addresses) {
    if (a === 'unknown') unknown = true;
    else if (a === 'router' || isDynamicLspAddress(a)) continue;
    else {
      const parsed = extractLspAddresses(a);
      if (parsed) addrs.push(parsed);
    }
  }
  return { addrs, unknown };
}

function lbsOfSwitchOrRouter(nb: NbDatabase, direct: readonly string[], groups: readonly string[]): NbLoadBalancer[] {
  const seen = new Set<string>();
  const out: NbLoadBalancer[] = [];
  const add = (u: string): void => {
    const lb = nb.tables.Load_Balancer.get(u);
    if (lb && !seen.has(u)) {
      seen.add(u);
      out.push(lb);
    }
  };
  direct.forEach(add);
  for (const g of groups) nb.tables.Load_Balancer_Group.get(g)?.load_balancer.forEach(add);
  return out;
}

export function buildModel(world: World): NorthdModel {
  const nb = world.nb;
  const nbGlobal = nb.tables.NB_Global.values().next().value;
  const gopts = nbGlobal?.options ?? {};
  const model: NorthdModel = {
    nb,
    world,
    // Every chassis behaves as a real 23.03 ovn-controller, which advertises these features.
    features: { ctNoMaskedLabel: true, ctLbRelated: true },
    options: {
      useCtInvMatch: smapGetBool(gopts, 'use_ct_inv_match', true),
      defaultAclDrop: smapGetBool(gopts, 'default_acl_drop', false),
      checkLspIsUp: !smapGetBool(gopts, 'ignore_lsp_down', true),
      controllerEvent: smapGetBool(gopts, 'controller_event', false),
      svcMonitorMac: gopts.svc_monitor_mac ?? 'fe:ed:fa:ce:00:01',
      installLsLbFromRouter: smapGetBool(gopts, 'install_ls_lb_from_router', false),
    },
    datapaths: [],
    ports: new Map(),
    lbs: [],
    lbByUuid: new Map(),
    lspOrder: new Map(),
  };
  const lbByUuid = new Map<string, NorthdLb>();
  for (const lb of nb.tables.Load_Balancer.values()) {
    const hcVips = new Set<string>();
    for (const u of lb.health_check) {
      const hc = nb.tables.Load_Balancer_Health_Check.get(u);
      if (hc) hcVips.add(hc.vip);
    }
    const parsed = parseLoadBalancer(lb, hcVips);
    lbByUuid.set(lb._uuid, parsed);
    model.lbs.push(parsed);
  }

  const lspOrder = creationIndex(nb.tables.Logical_Switch_Port);
  const lrpOrder = creationIndex(nb.tables.Logical_Router_Port);
  model.lspOrder = lspOrder;
  model.lbByUuid = lbByUuid;
  const dpKeys = datapathKeys(nb, datapathsInCreationOrder(nb));
  for (const ls of nb.tables.Logical_Switch.values()) {
    model.datapaths.push(buildSwitchOd(model, ls, dpKeys.get(ls._uuid) ?? 0));
  }
  for (const lr of nb.tables.Logical_Router.values()) {
    const od = newOd(lr._uuid, lr.name, dpKeys.get(lr._uuid) ?? 0);
    od.nbr = lr;
    let portKey = 0;
    for (const pu of byCreation(lr.ports, lrpOrder)) {
      const lrp = nb.tables.Logical_Router_Port.get(pu);
      if (!lrp || model.ports.has(lrp.name)) continue;
      const nets = extractLrpNetworks(lrp.mac, lrp.networks);
      if (!nets || (nets.ipv4.length === 0 && nets.ipv6.length === 0)) continue;
      const op: Op = {
        name: lrp.name,
        jsonKey: jsonKey(lrp.name),
        od,
        nbrp: lrp,
        lspAddrs: [],
        psAddrs: [],
        hasUnknown: false,
        lrpNetworks: nets,
        tunnelKey: ++portKey,
      };
      od.ports.push(op);
      model.ports.set(op.name, op);
      if ((lrp.ha_chassis_group || lrp.gateway_chassis.length > 0) && !lr.options.chassis) {
        const crName = `cr-${lrp.name}`;
        const cr: Op = { ...op, name: crName, jsonKey: jsonKey(crName), tunnelKey: ++portKey };
        op.crPort = cr;
        od.l3dgwPorts.push(op);
        model.ports.set(crName, cr);
      }
    }
    assignPortKeys(model, od);
    od.lbs = lbsOfSwitchOrRouter(nb, lr.load_balancer, lr.load_balancer_group)
      .map((lb) => lbByUuid.get(lb._uuid))
      .filter((lb): lb is NorthdLb => lb !== undefined);
    od.hasLbVip = od.lbs.some((lb) => Object.keys(lb.nlb.vips).length > 0);
    model.datapaths.push(od);
  }
  connectPeers(model, [...model.ports.values()]);
  addLbsFromRouters(model);
  buildIpam(model, (op) => lspOrder.get(op.nbsp?._uuid ?? '') ?? 0);
  attachPortGroups(model, undefined);
  for (const od of model.datapaths) if (od.nbs) setAclFlags(model, od);
  assignQdiscQueues(model);
  return model;
}

/** One switch datapath and its ports (added to model.ports), before peers and port groups. */
export function buildSwitchOd(model: NorthdModel, ls: NbLogicalSwitch, tunnelKey: number): Od {
  const nb = model.nb;
  const od = newOd(ls._uuid, ls.name, tunnelKey);
  od.nbs = ls;
  const oc = ls.other_config;
  od.mcast.enabled = smapGetBool(oc, 'mcast_snoop', false);
  od.mcast.floodUnregistered = smapGetBool(oc, 'mcast_flood_unregistered', false);
  let portKey = 0;
  for (const pu of byCreation(ls.ports, model.lspOrder)) {
    const lsp = nb.tables.Logical_Switch_Port.get(pu);
    if (!lsp || model.ports.has(lsp.name)) continue;
    const { addrs, unknown } = lspAddresses(lsp);
    const psAddrs = lsp.port_security
      .map((p) => extractLspAddresses(p))
      .filter((a): a is LportAddresses => a !== undefined);
    const op: Op = {
      name: lsp.name,
      jsonKey: jsonKey(lsp.name),
      od,
      nbsp: lsp,
      lspAddrs: addrs,
      psAddrs,
      hasUnknown: unknown,
      tunnelKey: ++portKey,
    };
    if (lspIsLocalnet(lsp)) od.localnetPorts.push(op);
    if (lspIsVtep(lsp)) od.hasVtepLports = true;
    od.ports.push(op);
    model.ports.set(op.name, op);
  }
  assignPortKeys(model, od);
  od.lbs = lbsOfSwitchOrRouter(nb, ls.load_balancer, ls.load_balancer_group)
    .map((lb) => model.lbByUuid.get(lb._uuid))
    .filter((lb): lb is NorthdLb => lb !== undefined);
  od.hasLbVip = od.lbs.some((lb) => Object.keys(lb.nlb.vips).length > 0);
  return od;
}

/**
 * Replaces one switch's datapath in the model after NB changes confined to that switch (its ports,
 * ACLs, QoS, options). Returns false when the change needs a full rebuild (IPAM, unknown switch).
 */
export function rebuildSwitchOd(model: NorthdModel, lsUuid: string): boolean {
  const ls = model.nb.tables.Logical_Switch.get(lsUuid);
  const index = model.datapaths.findIndex((od) => od.uuid === lsUuid);
  if (!ls || index < 0) return false;
  const old = model.datapaths[index];
  const oc = ls.other_config;
  if (oc.subnet || oc.ipv6_prefix || oc.mac_only || model.options.installLsLbFromRouter) return false;
  placeNewPorts(model, ls.ports);
  for (const op of old.ports) model.ports.delete(op.name);
  const od = buildSwitchOd(model, ls, old.tunnelKey);
  if (od.ports.some((op) => op.nbsp?.addresses.some((a) => isDynamicLspAddress(a)))) return false;
  // queue ids are allocated per chassis across switches
  if (od.ports.some((op) => op.nbsp && (op.nbsp.options.qdisc_queue_id || portHasQosParams(op.nbsp.options))))
    return false;
  model.datapaths[index] = od;
  connectPeers(model, od.ports);
  attachPortGroups(model, od);
  setAclFlags(model, od);
  return true;
}

/** Gives ports created since the model was built their place in model.lspOrder (after every
 * earlier row, as the NB table appends them), without indexing the whole table again. */
function placeNewPorts(model: NorthdModel, ports: readonly string[]): void {
  const fresh = ports.filter((u) => !model.lspOrder.has(u));
  if (!fresh.length) return;
  const seq = new Map(fresh.map((u) => [u, insertionOrder(model.nb, u)]));
  if ([...seq.values()].some((n) => n === undefined)) {
    model.lspOrder = creationIndex(model.nb.tables.Logical_Switch_Port);
    return;
  }
  let next = model.lspOrder.size;
  for (const n of model.lspOrder.values()) next = Math.max(next, n + 1);
  for (const u of fresh.sort((a, b) => (seq.get(a) ?? 0) - (seq.get(b) ?? 0))) model.lspOrder.set(u, next++);
}

/** Port tunnel keys of a datapath, allocated in creation order (chassisredirect ports after theirs). */
function assignPortKeys(model: NorthdModel, od: Od): void {
  const all = od.ports.flatMap((op) => (op.crPort ? [op, op.crPort] : [op]));
  const keys = portKeys(
    model.nb,
    od.uuid,
    all.map((op) => op.name),
  );
  for (const op of all) op.tunnelKey = keys.get(op.name) ?? op.tunnelKey;
}

/**
 * Switches and routers in creation order (tunnel keys follow it). The script layer's uuids carry a
 * creation counter in their first 32 bits; for other uuids (an imported database) switches come first.
 */
function datapathsInCreationOrder(nb: NbDatabase): string[] {
  const all = [...nb.tables.Logical_Switch.keys(), ...nb.tables.Logical_Router.keys()];
  const counter = creationCounter;
  if (all.every((u) => counter(u) !== undefined)) all.sort((a, b) => (counter(a) ?? 0) - (counter(b) ?? 0));
  return all;
}

function creationIndex(table: ReadonlyMap<string, unknown>): Map<string, number> {
  const out = new Map<string, number>();
  let i = 0;
  for (const uuid of table.keys()) out.set(uuid, i++);
  return out;
}

/** NB set columns are sorted by uuid; northd's keys follow creation order, which the table maps keep. */
function byCreation(uuids: readonly string[], order: ReadonlyMap<string, number>): string[] {
  return [...uuids].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
}

function connectPeers(model: NorthdModel, ports: Iterable<Op>): void {
  for (const op of ports) {
    if (op.nbsp && lspIsRouter(op.nbsp)) {
      const peerName = op.nbsp.options['router-port'];
      const peer = peerName ? model.ports.get(peerName) : undefined;
      if (!peer || !peer.nbrp || peer.name !== peerName) continue;
      op.od.routerPorts.push(op);
      peer.peer = op;
      op.peer = peer;
      if (smapGetBool(peer.od.nbr?.options ?? {}, 'mcast_relay', false)) op.od.mcast.floodRelay = true;
      if (op.nbsp.addresses.includes('router')) {
        const nets = extractLrpNetworks(peer.nbrp.mac, peer.nbrp.networks);
        if (nets) op.lspAddrs.push(nets);
      }
    }
  }
  for (const op of ports) {
    if (op.nbrp?.peer && !op.peer && !op.name.startsWith('cr-')) {
      const peer = model.ports.get(op.nbrp.peer);
      if (peer?.nbrp) op.peer = peer;
    }
  }
}

/**
 * build_lswitch_lbs_from_lrouter: with install_ls_lb_from_router, each router's load balancers also apply
 * on the switches its ports connect to (their per-VIP flows and SB rows; has_lb_vip stays the switch's own).
 */
function addLbsFromRouters(model: NorthdModel): void {
  if (!model.options.installLsLbFromRouter) return;
  for (const ls of model.datapaths) {
    if (!ls.nbs) continue;
    for (const rp of ls.routerPorts) {
      for (const lb of rp.peer?.od.lbs ?? []) if (!ls.lbs.includes(lb)) ls.lbs.push(lb);
    }
  }
}

/** Fills od.portGroups, of every switch or only of `only`. */
function attachPortGroups(model: NorthdModel, only: Od | undefined): void {
  for (const pg of model.nb.tables.Port_Group.values()) {
    const byOd = new Map<Od, Op[]>();
    for (const pu of pg.ports) {
      const lsp = model.nb.tables.Logical_Switch_Port.get(pu);
      const op = lsp ? model.ports.get(lsp.name) : undefined;
      if (!op || !op.od.nbs || (only && op.od !== only)) continue;
      const list = byOd.get(op.od) ?? [];
      list.push(op);
      byOd.set(op.od, list);
    }
    for (const [od, ports] of byOd) od.portGroups.push({ pg, ports });
  }
}

function setAclFlags(model: NorthdModel, od: Od): void {
  const own = switchAcls(model, od);
  od.hasAcls = own.length > 0;
  od.hasStatefulAcl = hasAnyAclAction(own, 'allow-related');
  for (const { pg } of od.portGroups) {
    if (pg.acls.length > 0) {
      od.hasAcls = true;
      if (hasAnyAclAction(portGroupAcls(model, pg), 'allow-related')) od.hasStatefulAcl = true;
    }
  }
}
