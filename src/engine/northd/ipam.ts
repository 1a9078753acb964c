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
} from './addresses.ts';
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

function newDynamicAddress(spec: string, info: IpamInfo, macam: Macam): string {
  const words = spec.split(' ');
  const mac = scanMac(spec);
  const staticMac = mac && spec.slice(mac.length) === ' dynamic' ? mac.bytes : undefined;
  let ip4 = 0;
  let staticIp6: Uint16Array | undefined;
  if (words[0] === 'dynamic' && words.length >= 2) {
    const v4 = parseIpv4(words[1]);
    if (v4 !== undefined) ip4 = v4;
    else staticIp6 = parseIpv6(words[1]);
    if (words.length === 3) staticIp6 = parseIpv6(words[2]);
  }
  if (!ip4 && info.allocated && !(words[0] === 'dynamic' && words.length === 2 && staticIp6)) ip4 = unusedIp(info);
  const macBytes = staticMac ?? numberToMac(macam.unused(ip4));
  const ip6 = staticIp6 ?? (info.ipv6Prefix ? eui64(macBytes, info.ipv6Prefix) : undefined);
  macam.insert(macBytes);
  let out = formatMac(macBytes);
  if (ip4) {
    insertIp(info, ip4);
    out += ` ${formatIpv4(ip4)}`;
  }
  if (ip6) out += ` ${formatIpv6(ip6)}`;
  return out;
}

/** Assigns dynamic_addresses (kept on Op) and appends them to each port's parsed addresses. */
export function buildIpam(model: NorthdModel, creationOrder: (op: Op) => number): void {
  const macam = new Macam(macPrefixOf(model));
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
  const pending: { op: Op; spec: string; info: IpamInfo }[] = [];
  for (const od of model.datapaths) {
    const info = infos.get(od);
    if (!info || (!info.allocated && !info.ipv6Prefix && !info.macOnly)) continue;
    for (const op of od.ports) {
      if (!op.nbsp || op.peer) continue;
      const spec = op.nbsp.addresses.find((a) => isDynamicLspAddress(a));
      if (!spec) continue;
      const existing = op.nbsp.dynamic_addresses;
      const parsed = existing ? extractLspAddresses(existing) : undefined;
      if (existing && parsed) {
        macam.insert(parsed.ea);
        if (parsed.ipv4[0]) insertIp(info, parsed.ipv4[0].addr);
        op.dynamicAddresses = existing;
      } else {
        pending.push({ op, spec, info });
      }
    }
  }
  pending.sort((a, b) => creationOrder(a.op) - creationOrder(b.op));
  for (const p of pending) p.op.dynamicAddresses = newDynamicAddress(p.spec, p.info, macam);
  for (const op of model.ports.values()) {
    const parsed = op.dynamicAddresses ? extractLspAddresses(op.dynamicAddresses) : undefined;
    if (parsed) op.lspAddrs.push(parsed);
  }
}
