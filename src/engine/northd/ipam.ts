// northd's IPAM (northd/ipam.c, northd.c build_ipam): dynamic MAC, IPv4 and IPv6 addresses for
// ports whose addresses say "dynamic", from the switch's other_config subnet / ipv6_prefix.
import {
  extractLspAddresses,
  formatIpv4,
  formatIpv6,
  formatMac,
  ipv4Mask,
  isDynamicLspAddress,
  parseCidr,
  parseIpv4,
  parseIpv6,
  scanMac,
} from '../packet/ovn-addresses.ts';
import type { LportAddresses } from '../packet/ovn-addresses.ts';
import type { NorthdModel, Od, Op } from './model.ts';

const MAC_ADDR_SPACE = 0xffffff;

interface IpamInfo {
  startIpv4: number;
  totalIpv4s: number;
  allocated?: Uint8Array;
  ipv6Prefix?: Uint16Array;
  macOnly: boolean;
}

function initIpam(oc: Record<string, string>): IpamInfo {
  const info: IpamInfo = { startIpv4: 0, totalIpv4s: 0, macOnly: false };
  const subnet = oc.subnet;
  const c = subnet ? parseCidr(subnet) : undefined;
  if (c && 'v4' in c && c.plen < 32) {
    const mask = ipv4Mask(c.plen);
    info.startIpv4 = ((c.v4 & mask) >>> 0) + 1;
    info.totalIpv4s = ~mask >>> 0;
    info.allocated = new Uint8Array(info.totalIpv4s);
    info.allocated[0] = 1;
    const words = (oc.exclude_ips ?? '').trim().split(/\s+/).filter(Boolean);
    for (const w of words) {
      const [a, b] = w.split('..');
      const start = parseIpv4(a);
      if (start === undefined) break;
      const endIp = b !== undefined ? parseIpv4(b) : start;
      if (endIp === undefined) break;
      const s = Math.max(info.startIpv4, start);
      const e = Math.min(info.startIpv4 + info.totalIpv4s, endIp + 1);
      for (let ip = s; ip < e; ip++) info.allocated[ip - info.startIpv4] = 1;
    }
  }
  const prefix = oc.ipv6_prefix;
  if (prefix) {
    const [addr, plen] = prefix.split('/');
    const v6 = parseIpv6(addr);
    if (v6 && (plen === undefined || plen === '64'))
      info.ipv6Prefix = Uint16Array.from([v6[0], v6[1], v6[2], v6[3], 0, 0, 0, 0]);
  }
  if (!subnet && !prefix) info.macOnly = (oc.mac_only ?? '').toLowerCase() === 'true';
  return info;
}

class Macam {
  private readonly used = new Set<number>();
  constructor(readonly prefix: number) {}
  insert(mac: number[]): void {
    const v = macToNumber(mac);
    if (Math.floor(v / 0x1000000) === Math.floor(this.prefix / 0x1000000)) this.used.add(v);
  }
  unused(ip4: number): number {
    const base = ip4 & MAC_ADDR_SPACE;
    for (let i = 0; i < MAC_ADDR_SPACE - 1; i++) {
      const v = this.prefix + (((base + i) % (MAC_ADDR_SPACE - 1)) + 1);
      if (!this.used.has(v)) return v;
    }
    return 0;
  }
}

function macToNumber(mac: readonly number[]): number {
  return mac.reduce((acc, b) => acc * 256 + b, 0);
}

function numberToMac(v: number): number[] {
  const out: number[] = [];
  for (let i = 5; i >= 0; i--) out.push(Math.floor(v / 256 ** i) % 256);
  return out;
}

function insertIp(info: IpamInfo, ip: number): void {
  if (!info.allocated) return;
  if (ip >= info.startIpv4 && ip < info.startIpv4 + info.totalIpv4s) info.allocated[ip - info.startIpv4] = 1;
}

function unusedIp(info: IpamInfo): number {
  if (!info.allocated) return 0;
  const idx = info.allocated.indexOf(0);
  if (idx < 0 || idx >= info.totalIpv4s - 1) return 0;
  return info.startIpv4 + idx;
}

function eui64(mac: readonly number[], prefix: Uint16Array): Uint16Array {
  return Uint16Array.from([
    prefix[0],
    prefix[1],
    prefix[2],
    prefix[3],
    ((mac[0] ^ 0x02) << 8) | mac[1],
    (mac[2] << 8) | 0xff,
    0xfe00 | mac[3],
    (mac[4] << 8) | mac[5],
  ]);
}

function macPrefixOf(model: NorthdModel): number {
  const text = model.nb.tables.NB_Global.values().next().value?.options.mac_prefix ?? '';
  const m = /^([0-9a-fA-F]{1,2}):([0-9a-fA-F]{1,2}):([0-9a-fA-F]{1,2})/.exec(text);
  // Real northd picks a random prefix when none is set; a fixed one keeps results reproducible.
  const bytes = m ? [m[1], m[2], m[3]].map((h) => parseInt(h, 16)) : [0x0a, 0x00, 0x00];
  return macToNumber([...bytes, 0, 0, 0]);
}

type UpdateType = 'none' | 'remove' | 'static' | 'dynamic';

interface DynamicUpdate {
  op: Op;
  info: IpamInfo;
  current?: LportAddresses;
  mac: UpdateType;
  ipv4: UpdateType;
  ipv6: UpdateType;
  staticMac?: number[];
  staticIp?: number;
  staticIpv6?: Uint16Array;
}

/** The IPv4 (and IPv6) a "dynamic IP [IP6]" spec names, if any. */
function specIps(spec: string): { ip4?: number; ip6?: Uint16Array; ip6Text?: string } {
  const words = spec.split(' ');
  if (words[0] !== 'dynamic' || words.length < 2 || words.length > 3) return {};
  if (words.length === 2) {
    const ip4 = parseIpv4(words[1]);
    return ip4 !== undefined ? { ip4 } : { ip6: parseIpv6(words[1]), ip6Text: words[1] };
  }
  const ip4 = parseIpv4(words[1]);
  return ip4 === undefined ? {} : { ip4, ip6: parseIpv6(words[2]), ip6Text: words[2] };
}

/** set_dynamic_updates: what a port without dynamic_addresses yet gets. */
function freshUpdate(op: Op, info: IpamInfo, spec: string): DynamicUpdate {
  const mac = scanMac(spec);
  const u: DynamicUpdate = { op, info, mac: 'dynamic', ipv4: 'none', ipv6: 'none' };
  if (mac && spec.slice(mac.length) === ' dynamic') {
    u.mac = 'static';
    u.staticMac = mac.bytes;
  }
  const { ip4, ip6, ip6Text } = specIps(spec);
  if (ip4 !== undefined) {
    u.ipv4 = 'static';
    u.staticIp = ip4;
  } else if (info.allocated) u.ipv4 = 'dynamic';
  if (ip6Text !== undefined && ip6) {
    u.ipv6 = 'static';
    u.staticIpv6 = ip6;
  } else if (info.ipv6Prefix) u.ipv6 = 'dynamic';
  return u;
}

/** dynamic_addresses_check_for_updates: which parts of existing dynamic addresses must change. */
function checkUpdate(op: Op, info: IpamInfo, spec: string, current: LportAddresses, prefix: number): DynamicUpdate {
  const u: DynamicUpdate = { op, info, current, mac: 'none', ipv4: 'none', ipv6: 'none' };
  const mac = scanMac(spec);
  if (mac) {
    if (mac.bytes.some((b, i) => b !== current.ea[i])) {
      u.mac = 'static';
      u.staticMac = mac.bytes;
    }
  } else if (Math.floor(macToNumber(current.ea) / 0x1000000) !== Math.floor(prefix / 0x1000000)) {
    u.mac = 'dynamic';
  }
  if (!info.allocated) u.ipv4 = current.ipv4.length ? 'remove' : 'none';
  else if (!current.ipv4.length) u.ipv4 = 'dynamic';
  else {
    const ip4 = current.ipv4[0].addr;
    const index = ip4 - info.startIpv4;
    if (ip4 < info.startIpv4 || index >= info.totalIpv4s - 1 || info.allocated[index]) u.ipv4 = 'dynamic';
    else {
      const asked = specIps(spec).ip4;
      if (asked !== undefined) {
        const i = asked - info.startIpv4;
        if (asked < info.startIpv4 || i > info.totalIpv4s || info.allocated[i]) u.ipv4 = 'dynamic';
        else if (asked !== ip4) {
          u.ipv4 = 'static';
          u.staticIp = asked;
        }
      }
    }
  }
  if (!info.ipv6Prefix) u.ipv6 = current.ipv6.length ? 'remove' : 'none';
  else if (!current.ipv6.length || mac) u.ipv6 = 'dynamic';
  else {
    const { ip6, ip6Text } = specIps(spec);
    if (ip6Text !== undefined) {
      const prefix6 = info.ipv6Prefix;
      if (!ip6 || ip6.some((w, i) => (w & prefix6[i]) !== prefix6[i])) u.ipv6 = 'dynamic';
      else if (ip6.some((w, i) => w !== current.ipv6[0].addr[i])) {
        u.ipv6 = 'static';
        u.staticIpv6 = ip6;
      }
    } else if (u.mac !== 'none') u.ipv6 = 'dynamic';
  }
  return u;
}

/** update_dynamic_addresses: the new dynamic_addresses text. */
function applyUpdate(u: DynamicUpdate, macam: Macam): string {
  const cur = u.current;
  let ip4 = 0;
  if (u.ipv4 === 'none' && cur?.ipv4.length) ip4 = cur.ipv4[0].addr;
  else if (u.ipv4 === 'static') ip4 = u.staticIp ?? 0;
  else if (u.ipv4 === 'dynamic') ip4 = unusedIp(u.info);
  const mac =
    u.mac === 'none' && cur ? cur.ea : u.mac === 'static' && u.staticMac ? u.staticMac : numberToMac(macam.unused(ip4));
  let ip6: Uint16Array | undefined;
  if (u.ipv6 === 'none' && cur?.ipv6.length) ip6 = cur.ipv6[0].addr;
  else if (u.ipv6 === 'static') ip6 = u.staticIpv6;
  else if (u.ipv6 === 'dynamic' && u.info.ipv6Prefix) ip6 = eui64(mac, u.info.ipv6Prefix);
  macam.insert(mac);
  let out = formatMac(mac);
  if (ip4) {
    insertIp(u.info, ip4);
    out += ` ${formatIpv4(ip4)}`;
  }
  if (ip6 && ip6.some((w) => w !== 0)) out += ` ${formatIpv6(ip6)}`;
  return out;
}

/**
 * build_ipam: assigns dynamic addresses (kept on Op as dynamicAddresses, and appended to each port's
 * parsed addresses). Existing NB dynamic_addresses are kept unless they must change, as northd does.
 */
export function buildIpam(model: NorthdModel, creationOrder: (op: Op) => number): void {
  const prefix = macPrefixOf(model);
  const macam = new Macam(prefix);
  const infos = new Map<Od, IpamInfo>();
  for (const od of model.datapaths) if (od.nbs) infos.set(od, initIpam(od.nbs.other_config));
  for (const op of model.ports.values()) {
    if (op.nbsp) {
      const info = infos.get(op.od);
      for (const a of op.lspAddrs) {
        macam.insert(a.ea);
        if (info) for (const ip of a.ipv4) insertIp(info, ip.addr);
      }
    } else if (op.lrpNetworks && op.name === op.nbrp?.name) {
      macam.insert(op.lrpNetworks.ea);
      const peerInfo = op.peer?.nbsp && op.peer.od.nbs?.other_config.subnet ? infos.get(op.peer.od) : undefined;
      if (peerInfo)
        for (const ip of op.lrpNetworks.ipv4) if (ip.addr !== peerInfo.startIpv4) insertIp(peerInfo, ip.addr);
    }
  }
  const pending: DynamicUpdate[] = [];
  for (const od of model.datapaths) {
    const info = infos.get(od);
    if (!info || (!info.allocated && !info.ipv6Prefix && !info.macOnly)) continue;
    for (const op of [...od.ports].sort((a, b) => creationOrder(a) - creationOrder(b))) {
      if (!op.nbsp || op.peer) continue;
      const spec = op.nbsp.addresses.find((a) => isDynamicLspAddress(a));
      if (!spec) continue;
      const existing = op.nbsp.dynamic_addresses;
      const current = existing ? extractLspAddresses(existing) : undefined;
      if (!existing || !current) {
        pending.push(freshUpdate(op, info, spec));
        continue;
      }
      const u = checkUpdate(op, info, spec, current, prefix);
      if (u.mac === 'none') macam.insert(current.ea);
      if (u.ipv4 === 'none' && current.ipv4.length) insertIp(info, current.ipv4[0].addr);
      if (u.mac === 'none' && u.ipv4 === 'none' && u.ipv6 === 'none') op.dynamicAddresses = existing;
      else pending.push(u);
    }
  }
  for (const u of pending) u.op.dynamicAddresses = applyUpdate(u, macam);
  for (const op of model.ports.values()) {
    const parsed = op.dynamicAddresses ? extractLspAddresses(op.dynamicAddresses) : undefined;
    if (parsed) op.lspAddrs.push(parsed);
  }
}
