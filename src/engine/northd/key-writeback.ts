// Tunnel keys as a running northd keeps them: after each transaction only the datapaths it touched
// (a switch or router row, or one of a router's ports) are keyed again, and of their ports only the
// rows it changed are looked at again, so a long script stays linear. Which ports hold a key follows
// buildModel (model.ts): every switch port; a router port with valid networks, and its
// chassisredirect companion on a distributed gateway port.
import type { NbDatabase } from '../nb/database.ts';
import type { NbLogicalRouterPort } from '../nb/schema.gen.ts';
import { insertionOrder, type NbChanges } from '../nb/txn.ts';
import type { World } from '../nb/world.ts';
import { extractLrpNetworks } from '../packet/ovn-addresses.ts';
import { buildModel, creationCounter } from './model.ts';
import { advanceDatapathKeys, advancePortKeys, rememberKeys, rememberedKeys } from './tunnel-keys.ts';

/** What decides whether a port row holds a key. */
interface PortInfo {
  name: string;
  keyed: boolean;
  /** A distributed gateway port (gateway chassis or HA group): a cr- port beside it, unless the
   * router is bound to one chassis. */
  gateway: boolean;
}

interface KeyState {
  /** The router owning each router port (a port row changes without its router's row). */
  routerOfPort: Map<string, string>;
  ports: Map<string, PortInfo>;
}

const states = new WeakMap<NbDatabase, KeyState>();

function routerPortInfo(lrp: NbLogicalRouterPort): PortInfo {
  const nets = extractLrpNetworks(lrp.mac, lrp.networks);
  return {
    name: lrp.name,
    keyed: nets !== undefined && (nets.ipv4.length > 0 || nets.ipv6.length > 0),
    gateway: lrp.ha_chassis_group !== undefined || lrp.gateway_chassis.length > 0,
  };
}

/** All keys from scratch, as a northd starting on this NB would allocate them (imported NBs). */
export function rememberAllKeys(world: World): void {
  const model = buildModel(world);
  rememberKeys(
    world.nb,
    model.datapaths,
    model.datapaths.flatMap((od) => od.ports.flatMap((op) => (op.crPort ? [{ dp: od.uuid, ...op.crPort }] : []))),
  );
  const routerOfPort = new Map<string, string>();
  for (const lr of world.nb.tables.Logical_Router.values()) for (const p of lr.ports) routerOfPort.set(p, lr._uuid);
  states.set(world.nb, { routerOfPort, ports: new Map() });
}

/** After one transaction: the keys northd would hold. */
export function writeBackKeys(world: World, changes: NbChanges): void {
  const nb = world.nb;
  const state = states.get(nb);
  if (!rememberedKeys(nb) || !state) {
    rememberAllKeys(world);
    return;
  }
  const ls = changes.get('Logical_Switch');
  const lr = changes.get('Logical_Router');
  const lsp = changes.get('Logical_Switch_Port');
  const lrp = changes.get('Logical_Router_Port');
  for (const c of [lsp, lrp])
    for (const u of [...(c?.inserted ?? []), ...(c?.updated ?? []), ...(c?.deleted.keys() ?? [])])
      state.ports.delete(u);
  if (!ls && !lr && !lrp) return;
  const touched = new Set([
    ...(ls?.inserted ?? []),
    ...(ls?.updated ?? []),
    ...(lr?.inserted ?? []),
    ...(lr?.updated ?? []),
  ]);
  for (const u of [...(lrp?.inserted ?? []), ...(lrp?.updated ?? [])]) {
    const owner = state.routerOfPort.get(u);
    if (owner) touched.add(owner);
  }
  for (const u of touched) for (const p of nb.tables.Logical_Router.get(u)?.ports ?? []) state.routerOfPort.set(p, u);
  advanceDatapathKeys(
    nb,
    [...(ls?.deleted.keys() ?? []), ...(lr?.deleted.keys() ?? [])],
    inCreationOrder(nb, [...(ls?.inserted ?? []), ...(lr?.inserted ?? [])]),
  );
  const known = rememberedKeys(nb);
  for (const dp of touched) {
    const ports = keyedPorts(nb, state, dp);
    if (!ports) continue;
    const have = known?.ports.get(dp);
    const present = new Set(ports.map((p) => p.name));
    const added = byCreation(
      nb,
      ports.filter((p) => !have?.has(p.name)),
    ).map((p) => p.name);
    advancePortKeys(nb, dp, present, added);
  }
}

/** A datapath's keyed port names, each with the row it comes from (a cr- port after its port). */
function keyedPorts(
  nb: NbDatabase,
  state: KeyState,
  dp: string,
): { name: string; row: string; cr: boolean }[] | undefined {
  const out: { name: string; row: string; cr: boolean }[] = [];
  const ls = nb.tables.Logical_Switch.get(dp);
  if (ls) {
    for (const u of ls.ports) {
      const row = nb.tables.Logical_Switch_Port.get(u);
      if (row) out.push({ name: row.name, row: u, cr: false });
    }
    return out;
  }
  const lr = nb.tables.Logical_Router.get(dp);
  if (!lr) return undefined;
  for (const u of lr.ports) {
    let info = state.ports.get(u);
    if (!info) {
      const row = nb.tables.Logical_Router_Port.get(u);
      if (!row) continue;
      state.ports.set(u, (info = routerPortInfo(row)));
    }
    if (!info.keyed) continue;
    out.push({ name: info.name, row: u, cr: false });
    if (info.gateway && !lr.options.chassis) out.push({ name: `cr-${info.name}`, row: u, cr: true });
  }
  return out;
}

/** Ports in creation order (their rows' order in the table), a cr- port right after its port. */
function byCreation<P extends { row: string; cr: boolean }>(nb: NbDatabase, ports: P[]): P[] {
  if (ports.length < 2) return ports;
  let order = (u: string): number | undefined => insertionOrder(nb, u);
  if (ports.some((p) => order(p.row) === undefined)) {
    const index = new Map<string, number>();
    let i = 0;
    for (const u of nb.tables.Logical_Switch_Port.keys()) index.set(u, i++);
    for (const u of nb.tables.Logical_Router_Port.keys()) index.set(u, i++);
    order = (u) => index.get(u);
  }
  return [...ports].sort((a, b) => (order(a.row) ?? 0) - (order(b.row) ?? 0) || Number(a.cr) - Number(b.cr));
}

/** New switches and routers in creation order, as model.ts orders all datapaths. */
function inCreationOrder(nb: NbDatabase, uuids: string[]): string[] {
  if (uuids.every((u) => creationCounter(u) !== undefined))
    return [...uuids].sort((a, b) => (creationCounter(a) ?? 0) - (creationCounter(b) ?? 0));
  const switches = new Set(nb.tables.Logical_Switch.keys());
  return [...uuids.filter((u) => switches.has(u)), ...uuids.filter((u) => !switches.has(u))];
}
