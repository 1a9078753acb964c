// northd's IPAM writes each "dynamic" port's addresses into NB dynamic_addresses; the northd model
// computes them (ipam.ts), this copies them into the NB as the real daemon does. Only a NB with such
// ports needs it: the ports that say "dynamic" (or still hold dynamic_addresses) are tracked from the
// transactions' changes, so a scene without IPAM costs nothing per command.
import type { NbDatabase } from '../nb/database.ts';
import type { NbLogicalSwitchPort } from '../nb/schema.gen.ts';
import type { NbChanges } from '../nb/txn.ts';
import type { World } from '../nb/world.ts';
import { buildModel } from './model.ts';

const hasDynamic = (p: NbLogicalSwitchPort): boolean =>
  p.dynamic_addresses !== undefined || p.addresses.some((a) => /(^|\s)dynamic(\s|$)/.test(a));

/** Per NB: the switch ports IPAM has to look at. */
const dynamicPorts = new WeakMap<NbDatabase, Set<string>>();

function trackDynamic(nb: NbDatabase, changes: NbChanges | undefined): Set<string> {
  const ports = nb.tables.Logical_Switch_Port;
  let set = dynamicPorts.get(nb);
  if (!set || !changes) {
    set = new Set([...ports.values()].filter(hasDynamic).map((p) => p._uuid));
    dynamicPorts.set(nb, set);
    return set;
  }
  const c = changes.get('Logical_Switch_Port');
  for (const uuid of c?.deleted.keys() ?? []) set.delete(uuid);
  for (const uuid of [...(c?.inserted ?? []), ...(c?.updated ?? [])]) {
    const p = ports.get(uuid);
    if (p && hasDynamic(p)) set.add(uuid);
    else set.delete(uuid);
  }
  return set;
}

/** Whether the NB has ports IPAM looks after (as known after the last transaction). */
export function hasDynamicPorts(nb: NbDatabase): boolean {
  return trackDynamic(nb, dynamicPorts.has(nb) ? new Map() : undefined).size > 0;
}

/** After a transaction: the dynamic_addresses northd would write (nothing when no port is dynamic). */
export function writeBackIpam(world: World, changes: NbChanges | undefined): void {
  const set = trackDynamic(world.nb, changes);
  if (set.size === 0) return;
  let model: ReturnType<typeof buildModel>;
  try {
    model = buildModel(world);
  } catch {
    return; // a northd model that cannot be built leaves the NB as the script made it
  }
  const ports = world.nb.tables.Logical_Switch_Port;
  for (const op of model.ports.values()) {
    const nbsp = op.nbsp;
    if (!nbsp) continue;
    const row = ports.get(nbsp._uuid);
    if (!row || row.dynamic_addresses === op.dynamicAddresses) continue;
    const next = { ...row };
    if (op.dynamicAddresses === undefined) delete next.dynamic_addresses;
    else next.dynamic_addresses = op.dynamicAddresses;
    ports.set(row._uuid, next);
    if (!hasDynamic(next)) set.delete(row._uuid);
  }
}
