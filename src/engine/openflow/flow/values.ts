// Field values as text, the way meta-flow.c's mf_parse and mf_format read and write them: integers
// (parse_int_string: "0x" hex of any length, else strtoull with base 0), Ethernet, IPv4/IPv6 with a
// prefix or mask, port names and numbers, fragment types and the flag sets of ct_state/tcp_flags.
import { formatIPv4, formatIPv6, formatMac, parseIPv6 } from '../../packet/addresses';
import { allOnes } from './fields';
import type { MfField } from './types';
import { OFPP } from './types';

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };
const fail = (error: string): { ok: false; error: string } => ({ ok: false, error });

/** strtoull(s, &tail, 0) as glibc does it: leading space and sign, 0x hex, 0 octal. */
export function strtoull(s: string): { value: bigint; tail: number; overflow: boolean } | undefined {
  let i = 0;
  while (i < s.length && ' \t\n\r\f\v'.includes(s[i])) i++;
  let negative = false;
  if (s[i] === '+' || s[i] === '-') negative = s[i++] === '-';
  let base = 10;
  if (s[i] === '0' && (s[i + 1] === 'x' || s[i + 1] === 'X') && /[0-9a-fA-F]/.test(s[i + 2] ?? '')) {
    base = 16;
    i += 2;
  } else if (s[i] === '0') base = 8;
  const digits = base === 16 ? /[0-9a-fA-F]/ : base === 8 ? /[0-7]/ : /[0-9]/;
  const start = i;
  let value = 0n;
  while (i < s.length && digits.test(s[i])) value = value * BigInt(base) + BigInt(parseInt(s[i++], base));
  if (i === start) return undefined;
  const overflow = value > allOnes(64);
  if (negative) value = BigInt.asUintN(64, -value);
  return { value: overflow ? allOnes(64) : value, tail: i, overflow };
}

/** parse_int_string: an integer of `nBytes` bytes; error ERANGE (too large) or EINVAL. */
export function parseIntString(
  s: string,
  nBytes: number,
): { ok: true; value: bigint; tail: number } | { ok: false; range: boolean } {
  if (s.startsWith('0x') || s.startsWith('0X')) {
    let i = 2;
    let len = 0;
    let value = 0n;
    for (;;) {
      while (i < s.length && ' \t\r\n'.includes(s[i])) i++;
      if (i >= s.length || !/[0-9a-fA-F]/.test(s[i])) break;
      const hexit = parseInt(s[i], 16);
      if (hexit !== 0 || len) {
        if (Math.ceil((len + 1) / 2) > nBytes) return { ok: false, range: true };
        value = (value << 4n) | BigInt(hexit);
        len++;
      }
      i++;
    }
    return { ok: true, value, tail: i };
  }
  const r = strtoull(s);
  if (!r) return { ok: false, range: false };
  if (r.overflow || r.value > allOnes(8 * nBytes)) return { ok: false, range: true };
  return { ok: true, value: r.value, tail: r.tail };
}

/** Hex of a big-endian byte string without leading zero bytes, "0" when zero (ds_put_hex). */
export function putHex(value: bigint): string {
  return value === 0n ? '0' : `0x${value.toString(16)}`;
}

export interface ValueMask {
  value: bigint;
  mask: bigint;
}

export const CT_STATE_NAMES = ['new', 'est', 'rel', 'rpl', 'inv', 'trk', 'snat', 'dnat'];
export const TCP_FLAG_NAMES = ['fin', 'syn', 'rst', 'psh', 'ack', 'urg', 'ece', 'cwr', 'ns', '[200]', '[400]', '[800]'];
export const TUN_FLAG_NAMES: Record<number, string> = { 1: 'oam', 2: 'df', 4: 'csum', 8: 'key' };

function flagName(names: readonly string[] | Record<number, string>, bit: number): string | undefined {
  if (Array.isArray(names)) {
    const i = Math.log2(bit);
    return Number.isInteger(i) ? names[i] : undefined;
  }
  return (names as Record<number, string>)[bit];
}

/** parse_flags (flow.c) with a mask: "+a-b", "a|b" or "V/M". */
export function parseFlags(
  s: string,
  names: readonly string[] | Record<number, string>,
  fieldName: string,
  allowed: number,
): Parsed<ValueMask> {
  const unknown = fail(`${s}: unknown ${fieldName} flag(s)`);
  const numeric =
    /^\s*([+-]?(?:0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*))\/\s*([+-]?(?:0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*))/.exec(s);
  if (numeric) {
    const v = Number(strtoull(numeric[1])?.value ?? 0n);
    const m = Number(strtoull(numeric[2])?.value ?? 0n);
    if (v & ~allowed || m & ~allowed) return unknown;
    return { ok: true, value: { value: BigInt(v), mask: BigInt(m) } };
  }
  if (s[0] === '+' || s[0] === '-') {
    let flags = 0;
    let mask = 0;
    let i = 0;
    while (i < s.length) {
      if (s[i] !== '+' && s[i] !== '-') {
        return fail(`${s.slice(i)}: ${fieldName} must be preceded by '+' (for SET) or '-' (NOT SET)`);
      }
      const set = s[i] === '+';
      i++;
      let found = 0;
      let len = 0;
      for (let bit = 1; bit <= 0x80000000 && bit > 0; bit *= 2) {
        const name = flagName(names, bit);
        if (!name) continue;
        const next = s[i + name.length];
        if (!s.startsWith(name, i) || (next !== undefined && next !== '+' && next !== '-')) continue;
        if (mask & bit) return fail(`${s.slice(i)}: Each ${fieldName} flag can be specified only once`);
        if (!(bit & allowed)) return fail(`${s.slice(i - 1)}: unknown ${fieldName} flag(s)`);
        found = bit;
        len = name.length;
        break;
      }
      if (!found) return fail(`${s.slice(i)}: unknown ${fieldName} flag(s)`);
      if (set) flags |= found;
      mask |= found;
      i += len;
    }
    return { ok: true, value: { value: BigInt(flags), mask: BigInt(mask) } };
  }
  let result = 0;
  let i = 0;
  while (i < s.length) {
    const num = /^[+-]?(?:0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)/.exec(s.slice(i));
    if (num) {
      const v = Number(strtoull(num[0])?.value ?? 0n);
      if (v & ~allowed) return fail(`${s}: unknown ${fieldName} flag(s)`);
      result |= v;
      i += num[0].length + (s[i + num[0].length] === '|' ? 1 : 0);
      continue;
    }
    let found = false;
    for (let bit = 1; bit <= 0x80000000 && bit > 0; bit *= 2) {
      const name = flagName(names, bit);
      if (!name) continue;
      const next = s[i + name.length];
      if (s.startsWith(name, i) && (next === '|' || next === undefined)) {
        if (!(bit & allowed)) return unknown;
        result |= bit;
        i += name.length + (next === '|' ? 1 : 0);
        found = true;
        break;
      }
    }
    if (!found) return fail(`${s}: unknown ${fieldName} flag(s)`);
  }
  return { ok: true, value: { value: BigInt(result), mask: 0xffffffffn } };
}

/** format_flags: names of the set bits, lowest first, joined by '|'; "0" when none. */
export function formatFlags(flags: number, names: readonly string[] | Record<number, string>): string {
  if (!flags) return '0';
  const out: string[] = [];
  let bad = 0;
  for (let bit = 1; flags; bit *= 2) {
    if (!(flags & bit)) continue;
    flags &= ~bit;
    const name = flagName(names, bit);
    if (name) out.push(name);
    else bad |= bit;
  }
  if (bad) out.push(`0x${bad.toString(16)}`);
  return out.join('|');
}

/** format_flags_masked: "+a-b" in bit order, or the plain form when the mask is the whole set. */
export function formatFlagsMasked(
  flags: number,
  mask: number,
  maxMask: number,
  names: readonly string[] | Record<number, string>,
): string {
  if (mask === maxMask) return formatFlags(flags, names);
  if (!mask) return '0/0';
  let out = '';
  for (let bit = 1; mask; bit *= 2) {
    if (!(mask & bit)) continue;
    mask &= ~bit;
    out += `${flags & bit ? '+' : '-'}${flagName(names, bit) ?? '[Unknown]'}`;
  }
  return out;
}

/** ip_parse_masked: "A.B.C.D", "A.B.C.D/N", "A.B.C.D/M.M.M.M" (octets scanned as %hhu: they wrap). */
export function parseIPv4Masked(s: string): Parsed<ValueMask> {
  const octets = (t: string): bigint | undefined => {
    const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(t);
    if (!m) return undefined;
    return m.slice(1).reduce((acc, o) => (acc << 8n) | (BigInt(o) & 0xffn), 0n);
  };
  const slash = s.indexOf('/');
  const ip = octets(slash < 0 ? s : s.slice(0, slash));
  if (ip === undefined) return fail(`${s}: invalid IP address`);
  if (slash < 0) return { ok: true, value: { value: ip, mask: 0xffffffffn } };
  const rest = s.slice(slash + 1);
  const mask = octets(rest);
  if (mask !== undefined) return { ok: true, value: { value: ip, mask } };
  // "/%d" reads a leading integer; anything after it makes the whole address invalid.
  const num = /^\s*[+-]?\d+/.exec(rest);
  if (!num) return fail(`${s}: invalid IP address`);
  const prefix = Number(num[0]);
  if (prefix < 0 || prefix > 32) return fail(`${s}: IPv4 network prefix bits not between 0 and 32, inclusive`);
  if (num[0].length !== rest.length) return fail(`${s}: invalid IP address`);
  const m = prefix === 0 ? 0n : (0xffffffffn << BigInt(32 - prefix)) & 0xffffffffn;
  return { ok: true, value: { value: ip, mask: m } };
}

export function parseIPv6Masked(s: string): Parsed<ValueMask> {
  const slash = s.indexOf('/');
  const ip = parseIPv6(slash < 0 ? s : s.slice(0, slash));
  if (ip === undefined) return fail(`${s}: invalid IPv6 address`);
  const all = allOnes(128);
  if (slash < 0) return { ok: true, value: { value: ip, mask: all } };
  const rest = s.slice(slash + 1);
  if (/^\d+$/.test(rest)) {
    const prefix = Number(rest);
    if (prefix > 128) return fail(`${s}: IPv6 network prefix bits not between 0 and 128, inclusive`);
    const m = prefix === 0 ? 0n : (all << BigInt(128 - prefix)) & all;
    return { ok: true, value: { value: ip, mask: m } };
  }
  const mask = parseIPv6(rest);
  if (mask === undefined) return fail(`${s}: Invalid IPv6 mask`);
  return { ok: true, value: { value: ip, mask } };
}

/** The prefix length of a CIDR mask, or undefined when the mask is not one. */
function cidrLen(mask: bigint, width: number): number | undefined {
  const inv = allOnes(width) ^ mask;
  if ((inv & (inv + 1n)) !== 0n) return undefined;
  return inv === 0n ? width : width - inv.toString(2).length;
}

export function formatIPv4Masked(value: bigint, mask: bigint): string {
  if (mask === 0xffffffffn) return formatIPv4(value);
  const bits = cidrLen(mask, 32);
  return `${formatIPv4(value)}/${bits !== undefined ? bits : formatIPv4(mask)}`;
}

export function formatIPv6Masked(value: bigint, mask: bigint): string {
  if (mask === allOnes(128)) return formatIPv6(value);
  const bits = cidrLen(mask, 128);
  return `${formatIPv6(value)}/${bits !== undefined ? bits : formatIPv6(mask)}`;
}

export function formatEthMasked(value: bigint, mask: bigint): string {
  return mask === allOnes(48) ? formatMac(value) : `${formatMac(value)}/${formatMac(mask)}`;
}

const RESERVED_PORTS: [string, number][] = [
  ['IN_PORT', OFPP.IN_PORT],
  ['TABLE', OFPP.TABLE],
  ['NORMAL', OFPP.NORMAL],
  ['FLOOD', OFPP.FLOOD],
  ['ALL', OFPP.ALL],
  ['CONTROLLER', OFPP.CONTROLLER],
  ['LOCAL', OFPP.LOCAL],
  ['ANY', OFPP.NONE],
  ['UNSET', OFPP.UNSET],
  ['NONE', OFPP.NONE],
];

/** ofputil_port_from_string: a number, a reserved name (any case), or a (quoted) name from the map. */
export function parsePort(s: string, portByName?: (name: string) => number | undefined): number | undefined {
  if (s.startsWith('-')) return undefined;
  if (/^\d+$/.test(s)) {
    const n = Number(s);
    if (n < 0xff00) return n;
    if (n <= 0xffff) return n;
    if (n < 0xffffff00) return undefined;
    return n > 0xffffffff ? undefined : n - 0xffff0000;
  }
  const reserved = RESERVED_PORTS.find(([name]) => name.toLowerCase() === s.toLowerCase());
  if (reserved) return reserved[1];
  let name = s;
  if (s.startsWith('"')) {
    if (s.length < 2 || !s.endsWith('"')) return undefined;
    try {
      const parsed: unknown = JSON.parse(s);
      if (typeof parsed !== 'string') return undefined;
      name = parsed;
    } catch {
      return undefined;
    }
  }
  const port = portByName?.(name);
  return port === undefined || port === OFPP.NONE ? undefined : port;
}

/** ofputil_format_port: reserved name, else the (quoted if needed) name, else the number. */
export function formatPort(port: number, portName?: (port: number) => string | undefined): string {
  const reserved = RESERVED_PORTS.find(([, n]) => n === port && port >= OFPP.MAX);
  if (reserved && port !== OFPP.UNSET) return reserved[0];
  if (port === OFPP.UNSET) return 'UNSET';
  const name = portName?.(port);
  if (name !== undefined) return /^[A-Za-z][A-Za-z0-9]*$/.test(name) ? name : JSON.stringify(name);
  return String(port);
}

/** ETH_ADDR_SCAN_FMT: six "%hhx" separated by ':' (each may carry a sign or 0x; only its low byte counts). */
function scanMac(s: string): bigint | undefined {
  const parts = s.split(':');
  if (parts.length !== 6) return undefined;
  let v = 0n;
  for (const part of parts) {
    const m = /^\s*([+-]?)(?:0[xX](?=[0-9a-fA-F]))?([0-9a-fA-F]+)$/.exec(part);
    if (!m) return undefined;
    const byte = BigInt(`0x${m[2]}`) & 0xffn;
    v = (v << 8n) | (m[1] === '-' ? (0x100n - byte) & 0xffn : byte);
  }
  return v;
}

const FRAGS: [string, number, number][] = [
  ['no', 0, 1],
  ['yes', 1, 1],
  ['first', 1, 3],
  ['later', 3, 3],
  ['not_later', 0, 2],
];

/** mf_parse: text → value and mask of field `f` (width f.nBits), or OVS's error text. */
export function mfParse(f: MfField, s: string, portByName?: (name: string) => number | undefined): Parsed<ValueMask> {
  const full = allOnes(f.nBytes * 8);
  if (s === '*') return { ok: true, value: { value: 0n, mask: 0n } };
  let r: Parsed<ValueMask>;
  switch (f.formatting) {
    case 'decimal':
    case 'hexadecimal': {
      const v = parseIntString(s, f.nBytes);
      if (!v.ok || (v.tail < s.length && s[v.tail] !== '/')) {
        const range = !v.ok && v.range;
        return fail(
          range ? `${s}: value too large for ${f.nBytes}-byte field ${f.name}` : `${s}: bad syntax for ${f.name} value`,
        );
      }
      let mask = full;
      if (s[v.tail] === '/') {
        const m = parseIntString(s.slice(v.tail + 1), f.nBytes);
        if (!m.ok || m.tail < s.length - v.tail - 1) {
          const range = !m.ok && m.range;
          return fail(
            range ? `${s}: mask too large for ${f.nBytes}-byte field ${f.name}` : `${s}: bad syntax for ${f.name} mask`,
          );
        }
        mask = m.value;
      }
      r = { ok: true, value: { value: v.value, mask } };
      break;
    }
    case 'ct_state':
      r = parseFlags(s, CT_STATE_NAMES, 'ct_state', 0xff);
      break;
    case 'tcp_flags':
      r = parseFlags(s, TCP_FLAG_NAMES, 'TCP', 0x0fff);
      break;
    case 'tunnel_flags':
      r = parseFlags(s, TUN_FLAG_NAMES, 'tunnel', 0x1);
      break;
    case 'ethernet': {
      const slash = s.indexOf('/');
      const mac = scanMac(slash < 0 ? s : s.slice(0, slash));
      const mask = slash < 0 ? allOnes(48) : scanMac(s.slice(slash + 1));
      if (mac === undefined || mask === undefined) return fail(`${s}: invalid Ethernet address`);
      r = { ok: true, value: { value: mac, mask } };
      break;
    }
    case 'ipv4':
      r = parseIPv4Masked(s);
      break;
    case 'ipv6':
      r = parseIPv6Masked(s);
      break;
    case 'ofp_port':
    case 'ofp_port_oxm': {
      const port = parsePort(s, portByName);
      if (port === undefined) {
        return fail(
          f.formatting === 'ofp_port'
            ? `${s}: invalid or unknown port for ${f.name}`
            : `${s}: port value out of range for ${f.name}`,
        );
      }
      r = { ok: true, value: { value: BigInt(port), mask: full } };
      break;
    }
    case 'frag': {
      const h = FRAGS.find(([name]) => name === s.toLowerCase());
      if (!h) {
        return fail(`${s}: unknown fragment type (valid types are "no", "yes", "first", "later", "not_later"`);
      }
      r = { ok: true, value: { value: BigInt(h[1]), mask: BigInt(h[2] | 0xfc) } };
      break;
    }
    case 'packet_type': {
      const m = /^\((.*?),(.*?)\)$/.exec(s);
      const ns = m ? parseIntString(m[1], 2) : undefined;
      const type = m ? parseIntString(m[2], 2) : undefined;
      if (!m || !ns?.ok || !type?.ok) return fail(`${s}: bad syntax for packet type`);
      r = { ok: true, value: { value: (ns.value << 16n) | type.value, mask: 0xffffffffn } };
      break;
    }
  }
  if (r.ok && !f.maskable && r.value.mask !== 0n && r.value.mask !== full) {
    return fail(`${s}: invalid mask for field ${f.name}`);
  }
  return r;
}

/** mf_format: value (and mask, omitted when all ones) of field `f`; "ANY" for an all-zero mask. */
export function mfFormat(
  f: MfField,
  value: bigint,
  mask: bigint | undefined,
  portName?: (port: number) => string | undefined,
): string {
  const full = allOnes(f.nBytes * 8);
  if (mask !== undefined && mask === 0n) return 'ANY';
  const m = mask === undefined || mask === full ? undefined : mask;
  switch (f.formatting) {
    case 'ofp_port':
    case 'ofp_port_oxm':
      if (m === undefined) return formatPort(Number(value), portName);
      return `${value}/${putHex(m)}`;
    case 'decimal':
      return m === undefined ? `${value}` : `${value}/${putHex(m)}`;
    case 'hexadecimal':
      return m === undefined ? putHex(value) : `${putHex(value)}/${putHex(m)}`;
    case 'ct_state':
      return formatFlagsMasked(Number(value), Number(m ?? 0xffffffffn), 0xffffffff, CT_STATE_NAMES);
    case 'tcp_flags':
      return formatFlagsMasked(Number(value), Number(m ?? 0xffffn), 0xffff, TCP_FLAG_NAMES);
    case 'tunnel_flags':
      return formatFlagsMasked(Number(value), Number(m ?? 0xffffn), 0xffff, TUN_FLAG_NAMES);
    case 'ethernet':
      return formatEthMasked(value, m ?? allOnes(48));
    case 'ipv4':
      return formatIPv4Masked(value, m ?? 0xffffffffn);
    case 'ipv6':
      return formatIPv6Masked(value, m ?? allOnes(128));
    case 'frag': {
      const mm = Number(m ?? 0xffn) & 3;
      const v = Number(value) & 3;
      const h = FRAGS.find(([, hv, hm]) => hv === (v & mm) && hm === mm);
      return h ? h[0] : `${v}/${mm}`;
    }
    case 'packet_type':
      return `(${value >> 16n},${putHex(value & 0xffffn)})`;
  }
}
