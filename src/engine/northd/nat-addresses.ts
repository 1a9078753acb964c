// Port_Binding.nat_addresses of a router-type switch port (northd.c ovn_port_update_sbrec and
// get_nat_addresses): the addresses ovn-controller sends gratuitous ARPs for on that switch.
import { formatMac, parseIpv4, parseMac } from '../packet/ovn-addresses.ts';
import { findLrpMemberIp } from './lr-routing.ts';
import { smapGetBool, type NorthdModel, type Op } from './model.ts';
import { ssetOrder } from '../packet/ovs-hash.ts';

const residentOn = (op: Op): string => (op.crPort ? ` is_chassis_resident(${op.crPort.jsonKey})` : '');

/** get_nat_addresses(op, routable_only, include_lb_ips). */
function natAddressesOfRouterPort(model: NorthdModel, op: Op, includeLbIps: boolean, routableOnly = false): string[] {
  const od = op.od;
  const nbr = od.nbr;
  const mac = op.nbrp && parseMac(op.nbrp.mac);
  const hasLbVip = od.lbs.some((lb) => Object.keys(lb.nlb.vips).length > 0);
  if (!nbr || !mac || (nbr.nat.length === 0 && !hasLbVip)) return [];
  const out: string[] = [];
  let central = formatMac(mac);
  let hasCentral = false;
  for (const u of nbr.nat) {
    const nat = model.nb.tables.NAT.get(u);
    if (!nat || parseIpv4(nat.external_ip) === undefined) continue;
    if (routableOnly && (nat.type === 'snat' || !smapGetBool(nat.options, 'add_route', false))) continue;
    const gwLrp = nat.gateway_port ? model.nb.tables.Logical_Router_Port.get(nat.gateway_port) : undefined;
    if (
      od.l3dgwPorts.length > 1 &&
      ((!nat.gateway_port && !findLrpMemberIp(op, nat.external_ip)) || (nat.gateway_port && gwLrp?.name !== op.name))
    )
      continue;
    const natMac = nat.external_mac ? parseMac(nat.external_mac) : undefined;
    if (od.l3dgwPorts.length > 0 && nat.type === 'dnat_and_snat' && nat.logical_port && nat.external_mac) {
      if (natMac) out.push(`${formatMac(natMac)} ${nat.external_ip} is_chassis_resident("${nat.logical_port}")`);
      continue;
    }
    const nets = op.lrpNetworks;
    const isRouterIp = !!nets && [...nets.ipv4, ...nets.ipv6].some((a) => a.addrS === nat.external_ip);
    if (!isRouterIp) {
      central += ` ${nat.external_ip}`;
      hasCentral = true;
    }
  }
  if (includeLbIps) {
    const v4 = new Set<string>();
    const v6 = new Set<string>();
    for (const lb of od.lbs) {
      if (routableOnly && !smapGetBool(lb.nlb.options, 'add_route', false)) continue;
      for (const vip of lb.vips) (vip.ipv6 ? v6 : v4).add(vip.vipStr);
    }
    for (const ip of [...ssetOrder([...v4]), ...ssetOrder([...v6])]) {
      central += ` ${ip}`;
      hasCentral = true;
    }
  }
  if (hasCentral) out.push(central + residentOn(op));
  return out;
}

/**
 * assign_routable_addresses: on a distributed gateway port, the NAT external IPs and load balancer VIPs
 * marked add_route, grouped by MAC; other routers on the same switch route them to this router.
 */
export function routableAddresses(model: NorthdModel, op: Op): { mac: string; ipv4: string[] }[] {
  if (!op.crPort || !op.nbrp) return [];
  return natAddressesOfRouterPort(model, op, true, true).map((entry) => {
    const [mac, ...rest] = entry.split(' ');
    const ipv4: string[] = [];
    for (const t of rest) {
      if (parseIpv4(t) === undefined) break;
      ipv4.push(t);
    }
    return { mac, ipv4 };
  });
}

/** The nat_addresses column for switch port `op` of type router (sorted, as an OVSDB set). */
export function routerLspNatAddresses(model: NorthdModel, op: Op, gwChassis: string | undefined): string[] {
  const lsp = op.nbsp;
  const peer = op.peer;
  if (!lsp) return [];
  const l3dgw = !!peer && peer.od.l3dgwPorts.length > 0;
  const natOption = lsp.options['nat-addresses'];
  let nats: string[] = [];
  if (natOption === 'router') {
    if (peer && (gwChassis || l3dgw))
      nats = natAddressesOfRouterPort(model, peer, lsp.options['exclude-lb-vips-from-garp'] !== 'true');
  } else if (natOption && (gwChassis || l3dgw) && parseMac(natOption)) {
    const dgw = peer && (peer.crPort ? peer : peer.od.l3dgwPorts[0]);
    nats = [natOption + (l3dgw && dgw ? residentOn(dgw) : '')];
  }
  let routerPortGarp = false;
  if (peer?.nbrp && l3dgw) {
    if (peer.crPort) routerPortGarp = true;
    else if (peer.nbrp.options['reside-on-redirect-chassis'] === 'true' && peer.od.l3dgwPorts.length === 1)
      routerPortGarp = true;
  } else if (gwChassis && op.od.ports.some((p) => p.nbsp?.type === 'localnet')) routerPortGarp = true;
  if (routerPortGarp && peer?.lrpNetworks) {
    const dgw = peer.crPort ? peer : peer.od.l3dgwPorts[0];
    const ips = peer.lrpNetworks.ipv4.map((a) => ` ${a.addrS}`).join('');
    nats.push(`${peer.lrpNetworks.eaS}${ips}${dgw ? residentOn(dgw) : ''}`);
  }
  return [...nats].sort();
}
