// ovn-controller on one chassis: the OpenFlow flows and groups it installs on br-int, from the
// Southbound database and what the chassis' Open vSwitch holds.
import type { Flow } from '../openflow/flow/types.ts';
import type { SbDatabase } from '../sb/database.ts';
import { buildChassisView, type ChassisView, type HypervisorConfig } from './chassis.ts';
import { GroupTable } from './groups.ts';
import { lflowsToFlows } from './lflow.ts';
import { matchKey } from './match.ts';
import { PhysicalFlows } from './physical.ts';
import { portSecFlows } from './port-sec.ts';
import { lbHairpinFlows } from './lb-hairpin.ts';
import { neighborFlows } from './neighbor.ts';

export type { HypervisorConfig, ChassisView, OfPort } from './chassis.ts';
export { tunnelPortName } from './chassis.ts';

export interface ChassisFlows {
  view: ChassisView;
  flows: Flow[];
  /** Select groups: id and their ovs-ofctl description (without group_id). */
  groups: [number, string][];
  /** Logical flows left out because an action's encoding is not modelled yet. */
  unsupported: { lflow: string; actions: string[] }[];
}

/**
 * The desired flow table (ofctrl): flows equal in table, priority and match are installed once;
 * conjunction flows with an equal match get their conjunction actions appended.
 */
function desiredFlows(flows: Flow[]): Flow[] {
  const byKey = new Map<string, Flow>();
  for (const f of flows) {
    const key = `${f.table}/${f.priority}/${matchKey(f.match)}`;
    const old = byKey.get(key);
    if (!old) {
      byKey.set(key, { ...f, actions: [...f.actions] });
      continue;
    }
    const conj = (x: Flow) => x.actions.length > 0 && x.actions.every((a) => a.type === 'conjunction');
    if (!conj(old) || !conj(f)) continue;
    for (const a of f.actions) {
      if (a.type !== 'conjunction') continue;
      const same = old.actions.some((o) => o.type === 'conjunction' && o.id === a.id && o.clause === a.clause);
      if (!same) old.actions.push(a);
    }
  }
  return [...byKey.values()];
}

/** Vifs bound to `chassis` by ovn-sbctl lsp-bind, as interfaces named after their logical port. */
export function hypervisorFromSb(
  sb: SbDatabase,
  chassis: string,
  bridgeMappings: Record<string, string> = {},
): HypervisorConfig {
  const ch = [...sb.tables.Chassis.values()].find((c) => c.name === chassis);
  const vifs: HypervisorConfig['vifs'] = [];
  for (const pb of sb.tables.Port_Binding.values()) {
    if (ch && pb.chassis === ch._uuid && (pb.type === '' || pb.type === 'virtual')) {
      vifs.push({ iface: pb.logical_port, ifaceId: pb.logical_port });
    }
  }
  return { name: chassis, vifs, bridgeMappings };
}

export function computeChassisFlows(sb: SbDatabase, hv: HypervisorConfig): ChassisFlows | undefined {
  const view = buildChassisView(sb, hv);
  if (!view) return undefined;
  const groups = new GroupTable();
  const logical = lflowsToFlows(view, { groups, nextConjId: 1 });
  const physical = new PhysicalFlows(view).run();
  const flows = desiredFlows([
    ...logical.flows,
    ...physical,
    ...portSecFlows(view),
    ...neighborFlows(view),
    ...lbHairpinFlows(view),
  ]);
  // ovn-controller's TLV map: Geneve option class 0x0102 type 0x80, 4 bytes, is tun_metadata0.
  for (const f of flows) f.match.tunMetadataLen = { 0: 4 };
  return { view, flows, groups: groups.entries(), unsupported: logical.unsupported };
}
