// Address parsing as northd does it (lib/ovn-util.c extract_lsp_addresses / extract_lrp_networks):
// MACs, IPv4 and IPv6 with prefixes, printed in the exact text forms northd writes into flows.

export interface Ipv4NetAddr {
  addr: number;
  plen: number;
  addrS: string;
  networkS: string;
  bcastS: string;
  mask: number;
  network: number;
}

export interface Ipv6NetAddr {
  addr: Uint16Array;
  plen: number;
  addrS: string;
  snAddrS: string;
  networkS: string;
  network: Uint16Array;
}

export interface LportAddresses {
  ea: number[];
  eaS: string;
  ipv4: Ipv4NetAddr[];
  ipv6: Ipv6NetAddr[];
}

const MAC_RE =
  /^\s*([0-9a-fA-F]{1,2}):([0-9a-fA-F]{1,2}):([0-9a-fA-F]{1,2}):([0-9a-fA-F]{1,2}):([0-9a-fA-F]{1,2}):([0-9a-fA-F]{1,2})/;

/** Scans a MAC at the start of text as ovs_scan(ETH_ADDR_SCAN_FMT) does; returns bytes and length used. */
export function scanMac(text: string): { bytes: number[]; length: number } | undefined {
  const m = MAC_RE.exec(text);
  if (!m) return undefined;
  return { bytes: m.slice(1, 7).map((h) => parseInt(h, 16)), length: m[0].length };
}

export function formatMac(bytes: readonly number[]): string {
  return bytes.map((b) => b.toString(16).padStart(2, '0')).join(':');
}

/** A whole-string MAC (eth_addr_from_string). */
export function parseMac(text: string): number[] | undefined {
  const s = scanMac(text);
  return s && s.length === text.length ? s.bytes : undefined;
}

export function parseIpv4(text: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (!m) return undefined;
  const parts = m.slice(1, 5).map(Number);
  if (parts.some((p) => p > 255)) return undefined;
  return ((parts[0] << 24) | (parts[1] << 16) | (parts[2] << 8) | parts[3]) >>> 0;
}

export function formatIpv4(addr: number): string {
  return [addr >>> 24, (addr >>> 16) & 255, (addr >>> 8) & 255, addr & 255].join('.');
}

export function ipv4Mask(plen: number): number {
  return plen === 0 ? 0 : (0xffffffff << (32 - plen)) >>> 0;
}

export function parseIpv6(text: string): Uint16Array | undefined {
  if (!/^[0-9a-fA-F:.]+$/.test(text) || !text.includes(':')) return undefined;
  let head = text;
  const tail: number[] = [];
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const a = parseIpv4(v4[1]);
    if (a === undefined) return undefined;
    tail.push(a >>> 16, a & 0xffff);
    head = text.slice(0, text.length - v4[1].length);
    if (head.endsWith(':') && !head.endsWith('::')) head = head.slice(0, -1);
  }
  const halves = head.split('::');
  if (halves.length > 2) return undefined;
  const parse = (s: string): number[] | undefined => {
    if (s === '') return [];
    const out: number[] = [];
    for (const g of s.split(':')) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined;
      out.push(parseInt(g, 16));
    }
    return out;
  };
  const left = parse(halves[0]);
  const right = halves.length === 2 ? parse(halves[1]) : [];
  if (!left || !right) return undefined;
  const total = left.length + right.length + tail.length;
  const words = new Uint16Array(8);
  if (halves.length === 2) {
    if (total > 7) return undefined;
    left.forEach((w, i) => (words[i] = w));
    const rest = [...right, ...tail];
    rest.forEach((w, i) => (words[8 - rest.length + i] = w));
  } else {
    if (total !== 8) return undefined;
    [...left, ...tail].forEach((w, i) => (words[i] = w));
  }
  return words;
}

/** inet_ntop(AF_INET6) as glibc prints it. */
export function formatIpv6(words: Uint16Array): string {
  let bestBase = -1;
  let bestLen = 0;
  for (let i = 0; i < 8;) {
    if (words[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && words[j] === 0) j++;
    if (j - i > bestLen) {
      bestBase = i;
      bestLen = j - i;
    }
    i = j;
  }
  if (bestLen < 2) bestBase = -1;
  let out = '';
  for (let i = 0; i < 8; i++) {
    if (bestBase >= 0 && i >= bestBase && i < bestBase + bestLen) {
      if (i === bestBase) out += ':';
      continue;
    }
    if (i !== 0) out += ':';
    if (i === 6 && bestBase === 0 && (bestLen === 6 || (bestLen === 5 && words[5] === 0xffff))) {
      out += `${words[6] >>> 8}.${words[6] & 255}.${words[7] >>> 8}.${words[7] & 255}`;
      break;
    }
    out += words[i].toString(16);
  }
  if (bestBase >= 0 && bestBase + bestLen === 8) out += ':';
  return out;
}

export function ipv6Mask(plen: number): Uint16Array {
  const m = new Uint16Array(8);
  for (let i = 0; i < 8; i++) {
    const bits = Math.max(0, Math.min(16, plen - i * 16));
    m[i] = bits === 0 ? 0 : (0xffff << (16 - bits)) & 0xffff;
  }
  return m;
}

function ipv6And(a: Uint16Array, b: Uint16Array): Uint16Array {
  return a.map((w, i) => w & b[i]);
}

export function solicitedNode(addr: Uint16Array): Uint16Array {
  return Uint16Array.from([0xff02, 0, 0, 0, 0, 1, 0xff00 | (addr[6] & 0xff), addr[7]]);
}

/** The IPv6 link-local address of a MAC (in6_generate_lla, EUI-64). */
export function linkLocalOf(mac: readonly number[]): Uint16Array {
  return Uint16Array.from([
    0xfe80,
    0,
    0,
    0,
    ((mac[0] ^ 0x02) << 8) | mac[1],
    (mac[2] << 8) | 0xff,
    0xfe00 | mac[3],
    (mac[4] << 8) | mac[5],
  ]);
}

function ipv4NetAddr(addr: number, plen: number): Ipv4NetAddr {
  const mask = ipv4Mask(plen);
  const network = (addr & mask) >>> 0;
  return {
    addr,
    plen,
    mask,
    network,
    addrS: formatIpv4(addr),
    networkS: formatIpv4(network),
    bcastS: formatIpv4((addr | ~mask) >>> 0),
  };
}

function ipv6NetAddr(addr: Uint16Array, plen: number): Ipv6NetAddr {
  const network = ipv6And(addr, ipv6Mask(plen));
  return {
    addr,
    plen,
    network,
    addrS: formatIpv6(addr),
    snAddrS: formatIpv6(solicitedNode(addr)),
    networkS: formatIpv6(network),
  };
}

/** Parses "IP[/PLEN]" as ip_parse_cidr / ipv6_parse_cidr (host bits allowed, as northd accepts them). */
export function parseCidr(token: string): { v4: number; plen: number } | { v6: Uint16Array; plen: number } | undefined {
  const [ip, plenText, extra] = token.split('/');
  if (extra !== undefined) return undefined;
  if (plenText !== undefined && !/^\d+$/.test(plenText)) return undefined;
  const v4 = parseIpv4(ip);
  if (v4 !== undefined) {
    const plen = plenText === undefined ? 32 : Number(plenText);
    return plen > 32 ? undefined : { v4, plen };
  }
  const v6 = parseIpv6(ip);
  if (v6 !== undefined) {
    const plen = plenText === undefined ? 128 : Number(plenText);
    return plen > 128 ? undefined : { v6, plen };
  }
  return undefined;
}

function addIps(words: string[], out: LportAddresses): void {
  for (const word of words) {
    const c = parseCidr(word);
    if (!c) break;
    if ('v4' in c) out.ipv4.push(ipv4NetAddr(c.v4, c.plen));
    else out.ipv6.push(ipv6NetAddr(c.v6, c.plen));
  }
}

/** extract_lsp_addresses: "MAC [IP...]"; undefined when no MAC leads the string. */
export function extractLspAddresses(address: string): LportAddresses | undefined {
  const mac = scanMac(address);
  if (!mac) return undefined;
  const rest = address.slice(mac.length);
  if (rest !== '' && !/^\s/.test(rest)) return undefined;
  const out: LportAddresses = { ea: mac.bytes, eaS: formatMac(mac.bytes), ipv4: [], ipv6: [] };
  addIps(rest.trim().split(/\s+/).filter(Boolean), out);
  return out;
}

/** extract_ip_addresses: "IP [IP...]" without a MAC; undefined when none parse. */
export function extractIpAddresses(address: string): LportAddresses | undefined {
  const out: LportAddresses = { ea: [0, 0, 0, 0, 0, 0], eaS: '00:00:00:00:00:00', ipv4: [], ipv6: [] };
  addIps(address.trim().split(/\s+/).filter(Boolean), out);
  return out.ipv4.length || out.ipv6.length ? out : undefined;
}

/** extract_lrp_networks: the router port's MAC and networks (plus its IPv6 link-local address). */
export function extractLrpNetworks(mac: string, networks: readonly string[]): LportAddresses | undefined {
  const bytes = parseMac(mac);
  if (!bytes) return undefined;
  const out: LportAddresses = { ea: bytes, eaS: formatMac(bytes), ipv4: [], ipv6: [] };
  for (const n of networks) {
    const c = parseCidr(n);
    if (!c) continue;
    if ('v4' in c) out.ipv4.push(ipv4NetAddr(c.v4, c.plen));
    else out.ipv6.push(ipv6NetAddr(c.v6, c.plen));
  }
  out.ipv6.push(ipv6NetAddr(linkLocalOf(bytes), 64));
  return out;
}

/** is_dynamic_lsp_address. */
export function isDynamicLspAddress(address: string): boolean {
  if (address.startsWith('dynamic')) {
    const rest = address.slice(7);
    if (rest === '') return true;
    const words = rest.slice(1).split(' ');
    if (rest[0] !== ' ') return false;
    if (words.length === 1) return parseIpv4(words[0]) !== undefined || parseIpv6(words[0]) !== undefined;
    return words.length === 2 && parseIpv4(words[0]) !== undefined && parseIpv6(words[1]) !== undefined;
  }
  const mac = scanMac(address);
  return !!mac && address.slice(mac.length) === ' dynamic';
}
