// northd's IPAM writes each "dynamic" port's addresses into NB dynamic_addresses; the northd model
// computes them (src/engine/northd), this copies them into the NB as the real daemon does.
import type { World } from '../scenario/world.ts';
import { buildModel } from '../northd/model.ts';

const hasDynamic = (addresses: string[]): boolean => addresses.some((a) => /(^|\s)dynamic(\s|$)/.test(a));

export function applyIpamWriteback(world: World): void {
  const ports = world.nb.tables.Logical_Switch_Port;
  let any = false;
  for (const p of ports.values())
    if (hasDynamic(p.addresses) || p.dynamic_addresses !== undefined) {
      any = true;
      break;
    }
  if (!any) return;
  let model: ReturnType<typeof buildModel>;
  try {
    model = buildModel(world);
  } catch {
    return; // a northd model that cannot be built leaves the NB as the script made it
  }
  for (const op of model.ports.values()) {
    const nbsp = op.nbsp;
    if (!nbsp) continue;
    const row = ports.get(nbsp._uuid);
    if (!row || row.dynamic_addresses === op.dynamicAddresses) continue;
    const next = { ...row };
    if (op.dynamicAddresses === undefined) delete next.dynamic_addresses;
    else next.dynamic_addresses = op.dynamicAddresses;
    ports.set(row._uuid, next);
  }
}
