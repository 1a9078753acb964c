// get_lb_vip_data in ovn-trace: the first Southbound Load_Balancer VIP whose address is the packet's
// pre-NAT destination (ct_nw_dst / ct_ipv6_dst), for chk_lb_hairpin and ct_snat_to_vip.
import { parseLbDst } from '../ct/lb-dst.ts';
import { formatIPv4, formatIPv6 } from '../packet/addresses.ts';
import { getField, type PacketState } from '../packet/state.ts';
import type { SbDatabase } from '../sb/database.ts';
import { mappedIp } from './database.ts';

export interface LbVip {
  /** The VIP address as ss_format_address prints it. */
  text: string;
  port: number;
}

export function lbVipFor(sb: SbDatabase, packet: PacketState): LbVip | undefined {
  const ctNwDst = getField(packet, 'ct_nw_dst');
  const ctIpv6Dst = getField(packet, 'ct_ipv6_dst');
  for (const lb of sb.tables.Load_Balancer.values()) {
    for (const key of Object.keys(lb.vips)) {
      const parsed = parseLbDst(key);
      if (!parsed.ok) continue;
      const { family, ip, port } = parsed.dst;
      // As in ovn-trace, an IPv4 VIP is also compared, IPv6-mapped, with ct_ipv6_dst.
      if ((family === 4 && ip === ctNwDst) || mappedIp(family, ip) === ctIpv6Dst) {
        return { text: family === 4 ? formatIPv4(ip) : formatIPv6(ip), port };
      }
    }
  }
  return undefined;
}
