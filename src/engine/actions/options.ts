// The option tables the option-taking actions know (lib/ovn-l7.h, northd's supported_dhcp_opts and
// supported_dhcpv6_opts in northd/ovn-northd.c, nd_ra_opts_init, controller_event_opts_init; v23.03.1).

export interface OptionSpec {
  name: string;
  code: number;
  /** ipv4, ipv6, str, domains, host_id, bool, uint8, uint16, uint32, mac, static_routes. */
  type: string;
}

const spec = (name: string, code: number, type: string): OptionSpec => ({ name, code, type });

/** DHCPv4 options northd writes into the SB DHCP_Options table (what ovn-trace and ovn-controller load). */
export const DHCPV4_OPTIONS: readonly OptionSpec[] = [
  spec('offerip', 0, 'ipv4'),
  spec('netmask', 1, 'ipv4'),
  spec('router', 3, 'ipv4'),
  spec('dns_server', 6, 'ipv4'),
  spec('log_server', 7, 'ipv4'),
  spec('lpr_server', 9, 'ipv4'),
  spec('swap_server', 16, 'ipv4'),
  spec('policy_filter', 21, 'ipv4'),
  spec('router_solicitation', 32, 'ipv4'),
  spec('nis_server', 41, 'ipv4'),
  spec('ntp_server', 42, 'ipv4'),
  spec('server_id', 54, 'ipv4'),
  spec('tftp_server', 66, 'host_id'),
  spec('classless_static_route', 121, 'static_routes'),
  spec('ms_classless_static_route', 249, 'static_routes'),
  spec('ip_forward_enable', 19, 'bool'),
  spec('router_discovery', 31, 'bool'),
  spec('ethernet_encap', 36, 'bool'),
  spec('default_ttl', 23, 'uint8'),
  spec('tcp_ttl', 37, 'uint8'),
  spec('mtu', 26, 'uint16'),
  spec('lease_time', 51, 'uint32'),
  spec('T1', 58, 'uint32'),
  spec('T2', 59, 'uint32'),
  spec('wpad', 252, 'str'),
  spec('bootfile_name', 67, 'str'),
  spec('path_prefix', 210, 'str'),
  spec('tftp_server_address', 150, 'ipv4'),
  spec('hostname', 12, 'str'),
  spec('domain_name', 15, 'str'),
  spec('arp_cache_timeout', 35, 'uint32'),
  spec('tcp_keepalive_interval', 38, 'uint32'),
  spec('domain_search_list', 119, 'domains'),
  spec('bootfile_name_alt', 254, 'str'),
  spec('broadcast_address', 28, 'ipv4'),
  spec('netbios_name_server', 44, 'ipv4'),
  spec('netbios_node_type', 46, 'uint8'),
  spec('next_server', 253, 'ipv4'),
];

export const DHCPV6_OPTIONS: readonly OptionSpec[] = [
  spec('ia_addr', 5, 'ipv6'),
  spec('server_id', 2, 'mac'),
  spec('domain_search', 24, 'str'),
  spec('dns_server', 23, 'ipv6'),
];

/** ND_OPT_SOURCE_LINKADDR 1, ND_OPT_PREFIX_INFORMATION 3, ND_OPT_MTU 5 come from OVS's packets.h. */
export const ND_RA_OPTIONS: readonly OptionSpec[] = [
  spec('addr_mode', 0, 'str'),
  spec('router_preference', 255, 'str'),
  spec('slla', 1, 'mac'),
  spec('prefix', 3, 'ipv6'),
  spec('mtu', 5, 'uint32'),
  spec('rdnss', 25, 'ipv6'),
  spec('dnssl', 31, 'str'),
  spec('route_info', 24, 'str'),
];

export const EMPTY_LB_BACKENDS_OPTIONS: readonly OptionSpec[] = [
  spec('vip', 1, 'str'),
  spec('protocol', 2, 'str'),
  spec('load_balancer', 3, 'str'),
];

export function findOption(table: readonly OptionSpec[], name: string): OptionSpec | undefined {
  return table.find((o) => o.name === name);
}
