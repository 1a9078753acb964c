// Ethernet, IPv4 and IPv6 addresses as bigints: parsing and printing with the exact rules of the C
// library calls OVN and OVS use (inet_pton/inet_ntop as glibc implements them, ETH_ADDR_FMT).

/** Parses a dotted-quad IPv4 address as glibc's inet_pton(AF_INET): four decimal octets, no leading zeros. */
export function parseIPv4(s: string): bigint | undefined {
  const parts = s.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const part of parts) {
    if (!/^(0|[1-9][0-9]{0,2})$/.test(part)) return undefined;
    const octet = Number(part);
    if (octet > 255) return undefined;
    value = (value << 8n) | BigInt(octet);
  }
  return value;
}

export function formatIPv4(value: bigint): string {
  const v = Number(BigInt.asUintN(32, value));
  return `${(v >>> 24) & 255}.${(v >>> 16) & 255}.${(v >>> 8) & 255}.${v & 255}`;
}

/** Parses an IPv6 address as glibc's inet_pton(AF_INET6), including "::" and a trailing dotted quad. */
export function parseIPv6(s: string): bigint | undefined {
  if (s.length === 0) return undefined;
  const doubleColon = s.indexOf('::');
  if (doubleColon !== -1 && s.indexOf('::', doubleColon + 1) !== -1) return undefined;
  const parseGroups = (text: string, allowV4Tail: boolean): number[] | undefined => {
    if (text === '') return [];
    const pieces = text.split(':');
    const words: number[] = [];
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i];
      if (allowV4Tail && i === pieces.length - 1 && piece.includes('.')) {
        const v4 = parseIPv4(piece);
        if (v4 === undefined) return undefined;
        words.push(Number(v4 >> 16n), Number(v4 & 0xffffn));
      } else {
        if (!/^[0-9a-fA-F]{1,4}$/.test(piece)) return undefined;
        words.push(parseInt(piece, 16));
      }
    }
    return words;
  };
  let words: number[];
  if (doubleColon === -1) {
    const all = parseGroups(s, true);
    if (all === undefined || all.length !== 8) return undefined;
    words = all;
  } else {
    const head = parseGroups(s.slice(0, doubleColon), false);
    const tail = parseGroups(s.slice(doubleColon + 2), true);
    if (head === undefined || tail === undefined) return undefined;
    // "::" stands for at least one zero group.
    if (head.length + tail.length > 7) return undefined;
    words = [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail];
  }
  let value = 0n;
  for (const w of words) value = (value << 16n) | BigInt(w);
  return value;
}

/** Formats an IPv6 address as glibc's inet_ntop(AF_INET6) does. */
export function formatIPv6(value: bigint): string {
  const v = BigInt.asUintN(128, value);
  const words: number[] = [];
  for (let i = 7; i >= 0; i--) words.push(Number((v >> BigInt(i * 16)) & 0xffffn));
  // The longest run of two or more zero words (the first one on a tie) becomes "::".
  let bestBase = -1;
  let bestLen = 0;
  let curBase = -1;
  let curLen = 0;
  for (let i = 0; i < 8; i++) {
    if (words[i] === 0) {
      if (curBase === -1) {
        curBase = i;
        curLen = 1;
      } else curLen++;
    } else if (curBase !== -1) {
      if (curLen > bestLen) [bestBase, bestLen] = [curBase, curLen];
      curBase = -1;
    }
  }
  if (curBase !== -1 && curLen > bestLen) [bestBase, bestLen] = [curBase, curLen];
  if (bestLen < 2) bestBase = -1;
  let out = '';
  for (let i = 0; i < 8; i++) {
    if (bestBase !== -1 && i >= bestBase && i < bestBase + bestLen) {
      if (i === bestBase) out += ':';
      continue;
    }
    if (i !== 0) out += ':';
    if (i === 6 && bestBase === 0 && (bestLen === 6 || (bestLen === 5 && words[5] === 0xffff))) {
      out += formatIPv4(v & 0xffffffffn);
      break;
    }
    out += words[i].toString(16);
  }
  if (bestBase !== -1 && bestBase + bestLen === 8) out += ':';
  return out;
}

/** Parses xx:xx:xx:xx:xx:xx (one or two hex digits a byte). */
export function parseMac(s: string): bigint | undefined {
  const parts = s.split(':');
  if (parts.length !== 6) return undefined;
  let value = 0n;
  for (const part of parts) {
    if (!/^[0-9a-fA-F]{1,2}$/.test(part)) return undefined;
    value = (value << 8n) | BigInt(parseInt(part, 16));
  }
  return value;
}

export function formatMac(value: bigint): string {
  const v = BigInt.asUintN(48, value);
  const bytes: string[] = [];
  for (let i = 5; i >= 0; i--) bytes.push(((v >> BigInt(i * 8)) & 0xffn).toString(16).padStart(2, '0'));
  return bytes.join(':');
}

/** A mask of the top `bits` bits of a `width`-bit field (a CIDR prefix). */
export function prefixMask(bits: number, width: number): bigint {
  if (bits <= 0) return 0n;
  const all = (1n << BigInt(width)) - 1n;
  return all ^ ((1n << BigInt(width - bits)) - 1n);
}

/** The prefix length if `mask` is a CIDR mask of a `width`-bit field, otherwise undefined. */
export function cidrBits(mask: bigint, width: number): number | undefined {
  for (let bits = 0; bits <= width; bits++) {
    if (prefixMask(bits, width) === mask) return bits;
  }
  return undefined;
}
