// Southbound rows northd syncs for services of the Northbound: Load_Balancer (sync_lbs), DNS
// (sync_dns_entries) and the HA chassis groups of external and chassisredirect ports.
import type { SbDatabase } from '../sb/database.ts';
import { deterministicUuid } from '../sb/uuid.ts';
import type { NorthdModel } from './model.ts';
import { datapathUuid, portBindingUuid } from './sb-rows.ts';

/**
 * sync_lbs: one Load_Balancer row per NB load balancer applied to a switch, with its switches in a
 * Logical_DP_Group (ovn-trace reads these VIPs for chk_lb_hairpin and ct_snat_to_vip).
 */
export function addLoadBalancers(model: NorthdModel, sb: SbDatabase): void {
  const switchesOf = new Map<string, string[]>();
  for (const od of model.datapaths) {
    if (!od.nbs) continue;
    for (const lb of od.lbs) {
      const list = switchesOf.get(lb.nlb._uuid) ?? [];
      list.push(datapathUuid(od));
      switchesOf.set(lb.nlb._uuid, list);
    }
  }
  for (const [nbUuid, datapaths] of switchesOf) {
    const nlb = model.nb.tables.Load_Balancer.get(nbUuid);
    if (!nlb) continue;
    const group = deterministicUuid(`Logical_DP_Group/Load_Balancer/${nbUuid}`);
    sb.tables.Logical_DP_Group.set(group, { _uuid: group, datapaths: [...datapaths].sort() });
    const uuid = deterministicUuid(`Load_Balancer/${nbUuid}`);
    sb.tables.Load_Balancer.set(uuid, {
      _uuid: uuid,
      datapath_group: group,
      datapaths: [],
      external_ids: { lb_id: nbUuid },
      name: nlb.name,
      options: { ...nlb.options, hairpin_orig_tuple: 'true' },
      protocol: nlb.protocol,
      vips: { ...nlb.vips },
    });
  }
}

/** An SB HA_Chassis_Group (by name) holding the given chassis and priorities, as northd syncs it. */
function haChassisGroup(
  sb: SbDatabase,
  chassisByName: ReadonlyMap<string, string>,
  name: string,
  members: readonly { chassis: string; priority: number }[],
): string {
  const uuid = deterministicUuid(`HA_Chassis_Group/${name}`);
  const haChassis = members.map((m) => {
    const u = deterministicUuid(`HA_Chassis/${name}/${m.chassis}`);
    sb.tables.HA_Chassis.set(u, {
      _uuid: u,
      chassis: chassisByName.get(m.chassis),
      external_ids: { 'chassis-name': m.chassis },
      priority: m.priority,
    });
    return u;
  });
  sb.tables.HA_Chassis_Group.set(uuid, {
    _uuid: uuid,
    external_ids: {},
    ha_chassis: haChassis.sort(),
    name,
    ref_chassis: [],
  });
  return uuid;
}

/**
 * Port_Binding.ha_chassis_group: an external port's NB group, a chassisredirect port's NB group or
 * (legacy) its gateway chassis, copied into an SB group named after the router port.
 */
export function addHaChassisGroups(
  model: NorthdModel,
  sb: SbDatabase,
  chassisByName: ReadonlyMap<string, string>,
): void {
  const nb = model.nb;
  const fromNbGroup = (groupUuid: string): string | undefined => {
    const group = nb.tables.HA_Chassis_Group.get(groupUuid);
    if (!group) return undefined;
    const members = group.ha_chassis.flatMap((u) => {
      const hc = nb.tables.HA_Chassis.get(u);
      return hc ? [{ chassis: hc.chassis_name, priority: hc.priority }] : [];
    });
    return haChassisGroup(sb, chassisByName, group.name, members);
  };
  for (const op of model.ports.values()) {
    // only external switch ports and router ports can have one: no Port_Binding lookup for the rest
    if (!op.nbrp && !(op.nbsp?.type === 'external' && op.nbsp.ha_chassis_group)) continue;
    const pb = sb.tables.Port_Binding.get(portBindingUuid(op.name));
    if (!pb) continue;
    if (op.nbsp?.type === 'external' && op.nbsp.ha_chassis_group) {
      pb.ha_chassis_group = fromNbGroup(op.nbsp.ha_chassis_group);
    } else if (op.nbrp && pb.type === 'chassisredirect') {
      const lrp = op.nbrp;
      if (lrp.ha_chassis_group) pb.ha_chassis_group = fromNbGroup(lrp.ha_chassis_group);
      else if (lrp.gateway_chassis.length > 0) {
        const members = lrp.gateway_chassis.flatMap((u) => {
          const gc = nb.tables.Gateway_Chassis.get(u);
          return gc?.chassis_name ? [{ chassis: gc.chassis_name, priority: gc.priority }] : [];
        });
        pb.ha_chassis_group = haChassisGroup(sb, chassisByName, lrp.name, members);
      }
    }
  }
}

/** sync_dns_entries: one SB DNS row per NB DNS row used by a switch; record values in lower case. */
export function addDnsRows(model: NorthdModel, sb: SbDatabase): void {
  const datapathsOf = new Map<string, string[]>();
  for (const od of model.datapaths) {
    for (const u of od.nbs?.dns_records ?? []) datapathsOf.set(u, [...(datapathsOf.get(u) ?? []), datapathUuid(od)]);
  }
  for (const [nbUuid, datapaths] of datapathsOf) {
    const dns = model.nb.tables.DNS.get(nbUuid);
    if (!dns) continue;
    const records = Object.fromEntries(Object.entries(dns.records).map(([k, v]) => [k, v.toLowerCase()]));
    const uuid = deterministicUuid(`DNS/${nbUuid}`);
    sb.tables.DNS.set(uuid, {
      _uuid: uuid,
      datapaths: [...datapaths].sort(),
      external_ids: { dns_id: nbUuid },
      records,
    });
  }
}
