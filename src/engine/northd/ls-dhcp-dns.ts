// Switch DHCPv4/DHCPv6 options and responses, DNS lookup/response and external-port handling
// (northd.c build_dhcpv4_action, build_dhcpv6_action, build_dhcpv*_options_flows,
// build_lswitch_dhcp_*, build_lswitch_dns_lookup_and_response, build_lswitch_external_port).
import type { NbDHCPOptions } from '../nb/schema.gen.ts';
import { addFlow, DROP, type BuildContext } from './build-context.ts';
import {
  formatIpv4,
  formatIpv6,
  ipv4Mask,
  ipv6Mask,
  linkLocalOf,
  parseCidr,
  parseMac,
  type Ipv4NetAddr,
  type Ipv6NetAddr,
  type LportAddresses,
} from '../packet/ovn-addresses.ts';
import { lsHasDnsRecords } from './ls-acl.ts';
import { lspIsEnabled, lspIsExternal, lspIsRouter, smapGetBool, type Od, type Op } from './model.ts';

function sortedEntries(map: Record<string, string>): [string, string][] {
  return Object.entries(map).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function dhcpv4Action(
  op: Op,
  opts: NbDHCPOptions,
  offer: Ipv4NetAddr,
): { options: string; response: string; addrMatch: string } | undefined {
  const cidr = parseCidr(opts.cidr);
  if (!cidr || !('v4' in cidr)) return undefined;
  const mask = ipv4Mask(cidr.plen);
  if (((offer.addr ^ cidr.v4) & mask) >>> 0 !== 0) return undefined;
  const serverIp = opts.options.server_id;
  const serverMac = opts.options.server_mac;
  const leaseTime = opts.options.lease_time;
  if (!serverIp || !serverMac || !leaseTime) return undefined;
  const map: Record<string, string> = { ...opts.options };
  delete map.server_mac;
  const hostname = op.nbsp?.options.hostname;
  if (hostname !== undefined) map.hostname = hostname;
  // northd smap_add()s the computed netmask beside any netmask option: both are printed, the computed one
  // first (the newer node heads its hash bucket; the sort by key is stable).
  const entries: [string, string][] = [['netmask', formatIpv4(mask)], ...sortedEntries(map)];
  const list = entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${k} = ${v}`);
  return {
    options: `reg0[3] = put_dhcp_opts(offerip = ${offer.addrS}, ${list.join(', ')}); next;`,
    response:
      `eth.dst = eth.src; eth.src = ${serverMac}; ip4.src = ${serverIp}; udp.src = 67; udp.dst = 68; ` +
      'outport = inport; flags.loopback = 1; output;',
    addrMatch: `ip4.src == ${offer.addrS} && ip4.dst == {${serverIp}, 255.255.255.255}`,
  };
}

function dhcpv6Action(opts: NbDHCPOptions, offer: Ipv6NetAddr): { options: string; response: string } | undefined {
  const cidr = parseCidr(opts.cidr);
  if (!cidr || !('v6' in cidr)) return undefined;
  const mask = ipv6Mask(cidr.plen);
  for (let i = 0; i < 8; i++) if (((offer.addr[i] ^ cidr.v6[i]) & mask[i]) !== 0) return undefined;
  const serverMac = opts.options.server_id;
  const mac = serverMac ? parseMac(serverMac) : undefined;
  if (!serverMac || !mac) return undefined;
  const serverIp = formatIpv6(linkLocalOf(mac));
  const parts: string[] = [];
  if (!smapGetBool(opts.options, 'dhcpv6_stateless', false)) parts.push(`ia_addr = ${offer.addrS}`);
  for (const [k, v] of sortedEntries(opts.options)) if (k !== 'dhcpv6_stateless') parts.push(`${k} = ${v}`);
  return {
    options: `reg0[3] = put_dhcpv6_opts(${parts.join(', ')}); next;`,
    response:
      `eth.dst = eth.src; eth.src = ${serverMac}; ip6.dst = ip6.src; ip6.src = ${serverIp}; udp.src = 547; ` +
      'udp.dst = 546; outport = inport; flags.loopback = 1; output;',
  };
}

function dhcpv4Flows(ctx: BuildContext, op: Op, addrs: LportAddresses, inport: Op, external: boolean): void {
  const opts = op.nbsp?.dhcpv4_options ? ctx.model.nb.tables.DHCP_Options.get(op.nbsp.dhcpv4_options) : undefined;
  if (!opts) return;
  const resident = external ? ` && is_chassis_resident(${op.jsonKey})` : '';
  for (const a of addrs.ipv4) {
    const act = dhcpv4Action(op, opts, a);
    if (!act) continue;
    const base = `inport == ${inport.jsonKey} && eth.src == ${addrs.eaS}`;
    addFlow(
      ctx,
      op.od,
      'lsInDhcpOptions',
      100,
      `${base} && ip4.src == 0.0.0.0 && ip4.dst == 255.255.255.255 && udp.src == 68 && udp.dst == 67${resident}`,
      act.options,
      8172,
      opts._uuid,
    );
    addFlow(
      ctx,
      op.od,
      'lsInDhcpOptions',
      100,
      `${base} && ${act.addrMatch} && udp.src == 68 && udp.dst == 67${resident}`,
      act.options,
      8200,
      opts._uuid,
    );
    addFlow(
      ctx,
      op.od,
      'lsInDhcpResponse',
      100,
      `${base} && ip4 && udp.src == 68 && udp.dst == 67 && reg0[3]${resident}`,
      act.response,
      8224,
      opts._uuid,
    );
    break;
  }
}

function dhcpv6Flows(ctx: BuildContext, op: Op, addrs: LportAddresses, inport: Op, external: boolean): void {
  const opts = op.nbsp?.dhcpv6_options ? ctx.model.nb.tables.DHCP_Options.get(op.nbsp.dhcpv6_options) : undefined;
  if (!opts) return;
  const resident = external ? ` && is_chassis_resident(${op.jsonKey})` : '';
  for (const a of addrs.ipv6) {
    const act = dhcpv6Action(opts, a);
    if (!act) continue;
    const match =
      `inport == ${inport.jsonKey} && eth.src == ${addrs.eaS} && ip6.dst == ff02::1:2 && udp.src == 546 && ` +
      `udp.dst == 547${resident}`;
    addFlow(ctx, op.od, 'lsInDhcpOptions', 100, match, act.options, 8264, opts._uuid);
    addFlow(ctx, op.od, 'lsInDhcpResponse', 100, `${match} && reg0[3]`, act.response, 8277, opts._uuid);
    break;
  }
}

export function buildDhcpOptionsAndResponse(ctx: BuildContext, op: Op): void {
  const lsp = op.nbsp;
  if (!lsp || !lspIsEnabled(lsp) || lspIsRouter(lsp)) return;
  if (!lsp.dhcpv4_options && !lsp.dhcpv6_options) return;
  const external = lspIsExternal(lsp);
  if (external && (op.od.localnetPorts.length === 0 || !lsp.ha_chassis_group)) return;
  for (const addrs of op.lspAddrs) {
    if (external) {
      for (const ln of op.od.localnetPorts) {
        dhcpv4Flows(ctx, op, addrs, ln, true);
        dhcpv6Flows(ctx, op, addrs, ln, true);
      }
    } else {
      dhcpv4Flows(ctx, op, addrs, op, false);
      dhcpv6Flows(ctx, op, addrs, op, false);
    }
  }
}

export function buildDhcpAndDnsDefaults(ctx: BuildContext, od: Od): void {
  addFlow(ctx, od, 'lsInDhcpOptions', 0, '1', 'next;', 8863);
  addFlow(ctx, od, 'lsInDhcpResponse', 0, '1', 'next;', 8864);
  addFlow(ctx, od, 'lsInDnsLookup', 0, '1', 'next;', 8865);
  addFlow(ctx, od, 'lsInDnsResponse', 0, '1', 'next;', 8866);
  addFlow(ctx, od, 'lsInExternalPort', 0, '1', 'next;', 8867);
}

export function buildDnsLookupAndResponse(ctx: BuildContext, od: Od): void {
  if (!lsHasDnsRecords(ctx, od)) return;
  addFlow(ctx, od, 'lsInDnsLookup', 100, 'udp.dst == 53', 'reg0[4] = dns_lookup(); next;', 8880);
  const match = 'udp.dst == 53 && reg0[4]';
  const tail = 'udp.dst = udp.src; udp.src = 53; outport = inport; flags.loopback = 1; output;';
  addFlow(ctx, od, 'lsInDnsResponse', 100, match, `eth.dst <-> eth.src; ip4.src <-> ip4.dst; ${tail}`, 8889);
  addFlow(ctx, od, 'lsInDnsResponse', 100, match, `eth.dst <-> eth.src; ip6.src <-> ip6.dst; ${tail}`, 8894);
}

export function buildExternalPort(ctx: BuildContext, op: Op): void {
  if (!op.nbsp || !lspIsExternal(op.nbsp)) return;
  const hint = op.nbsp._uuid;
  for (const port of op.od.localnetPorts) {
    for (const own of op.lspAddrs) {
      for (const rp of op.od.routerPorts) {
        for (const ra of rp.lspAddrs) {
          const base = `inport == ${port.jsonKey} && eth.src == ${own.eaS} && !is_chassis_resident(${op.jsonKey})`;
          for (const a of ra.ipv4) {
            addFlow(
              ctx,
              op.od,
              'lsInExternalPort',
              100,
              `${base} && arp.tpa == ${a.addrS} && arp.op == 1`,
              DROP,
              8309,
              hint,
            );
          }
          for (const a of ra.ipv6) {
            addFlow(
              ctx,
              op.od,
              'lsInExternalPort',
              100,
              `${base} && nd_ns && ip6.dst == {${a.addrS}, ${a.snAddrS}} && nd.target == ${a.addrS}`,
              DROP,
              8325,
              hint,
            );
          }
          addFlow(
            ctx,
            op.od,
            'lsInExternalPort',
            100,
            `inport == ${port.jsonKey} && eth.src == ${own.eaS} && eth.dst == ${ra.eaS} && !is_chassis_resident(${op.jsonKey})`,
            DROP,
            8339,
            hint,
          );
        }
      }
    }
  }
}
