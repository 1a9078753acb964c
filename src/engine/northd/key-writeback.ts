// Tunnel keys as a running northd keeps them: after each transaction only the datapaths it touched
// (a switch or router row, or one of a router's ports) are keyed again, so a long script stays
// linear. Which ports hold a key follows buildModel (model.ts): every switch port; a router port with
// valid networks, and its chassisredirect companion on a distributed gateway port.
import type { NbDatabase } from '../nb/database.ts';
import { extractLrpNetworks } from './addresses.ts';
import { insertionOrder, type NbChanges } from '../nb/txn.ts';
import type { World } from '../nb/world.ts';
import { buildModel, creationCounter } from './model.ts';
import { advanceKeys, rememberKeys, rememberedKeys } from './tunnel-keys.ts';

/** Per NB: the router owning each router port (a port row changes without its router's row). */
const routerOfPort = new WeakMap<NbDatabase, Map<string, string>>();

/** All keys from scratch, as a northd starting on this NB would allocate them (imported NBs). */
export function rememberAllKeys(world: World): void {
  const model = buildModel(world);
  rememberKeys(
    world.nb,
    model.datapaths,
    model.datapaths.flatMap((od) => od.ports.flatMap((op) => (op.crPort ? [{ dp: od.uuid, ...op.crPort }] : []))),
  );
  const owners = new Map<string, string>();
  for (const lr of world.nb.tables.Logical_Router.values()) for (const p of lr.ports) owners.set(p, lr._uuid);
  routerOfPort.set(world.nb, owners);
}

/** After one transaction: the keys northd would hold. */
export function writeBackKeys(world: World, changes: NbChanges): void {
  const nb = world.nb;
  const owners = routerOfPort.get(nb);
  if (!rememberedKeys(nb) || !owners) {
    rememberAllKeys(world);
    return;
  }
  const ls = changes.get('Logical_Switch');
  const lr = changes.get('Logical_Router');
  const lrp = changes.get('Logical_Router_Port');
  if (!ls && !lr && !lrp) return;
  const gone = [...(ls?.deleted.keys() ?? []), ...(lr?.deleted.keys() ?? [])];
  const live = new Set([
    ...(ls?.inserted ?? []),
    ...(ls?.updated ?? []),
    ...(lr?.inserted ?? []),
    ...(lr?.updated ?? []),
  ]);
  for (const u of [...(lrp?.inserted ?? []), ...(lrp?.updated ?? [])]) {
    const owner = owners.get(u);
    if (owner) live.add(owner);
  }
  for (const u of live) for (const p of nb.tables.Logical_Router.get(u)?.ports ?? []) owners.set(p, u);
  const changedPorts = new Map<string, string[]>();
  for (const u of live) {
    const names = keyedPortNames(nb, u);
    if (names) changedPorts.set(u, names);
  }
  const added = inCreationOrder(nb, [...(ls?.inserted ?? []), ...(lr?.inserted ?? [])]);
  advanceKeys(nb, gone, added, changedPorts);
}

/** The names of a datapath's ports that hold a tunnel key, in creation order. */
function keyedPortNames(nb: NbDatabase, uuid: string): string[] | undefined {
  const names: string[] = [];
  const seen = new Set<string>();
  const ls = nb.tables.Logical_Switch.get(uuid);
  if (ls) {
    for (const pu of byCreation(nb, nb.tables.Logical_Switch_Port, ls.ports)) {
      const lsp = nb.tables.Logical_Switch_Port.get(pu);
      if (!lsp || seen.has(lsp.name)) continue;
      seen.add(lsp.name);
      names.push(lsp.name);
    }
    return names;
  }
  const lr = nb.tables.Logical_Router.get(uuid);
  if (!lr) return undefined;
  for (const pu of byCreation(nb, nb.tables.Logical_Router_Port, lr.ports)) {
    const lrp = nb.tables.Logical_Router_Port.get(pu);
    if (!lrp || seen.has(lrp.name)) continue;
    const nets = extractLrpNetworks(lrp.mac, lrp.networks);
    if (!nets || (nets.ipv4.length === 0 && nets.ipv6.length === 0)) continue;
    seen.add(lrp.name);
    names.push(lrp.name);
    if ((lrp.ha_chassis_group || lrp.gateway_chassis.length > 0) && !lr.options.chassis) names.push(`cr-${lrp.name}`);
  }
  return names;
}

/** Row uuids in their table's order (creation order), from NbTxn's insertion record when it has one. */
function byCreation(nb: NbDatabase, table: ReadonlyMap<string, unknown>, uuids: readonly string[]): string[] {
  const order = new Map(uuids.map((u) => [u, insertionOrder(nb, u)]));
  if ([...order.values()].every((n) => n !== undefined))
    return [...uuids].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  const index = new Map<string, number>();
  let i = 0;
  for (const u of table.keys()) index.set(u, i++);
  return [...uuids].sort((a, b) => (index.get(a) ?? 0) - (index.get(b) ?? 0));
}

/** New switches and routers in creation order, as model.ts orders all datapaths. */
function inCreationOrder(nb: NbDatabase, uuids: string[]): string[] {
  if (uuids.every((u) => creationCounter(u) !== undefined))
    return [...uuids].sort((a, b) => (creationCounter(a) ?? 0) - (creationCounter(b) ?? 0));
  const switches = new Set(nb.tables.Logical_Switch.keys());
  return [...uuids.filter((u) => switches.has(u)), ...uuids.filter((u) => !switches.has(u))];
}
