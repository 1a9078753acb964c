// Address checks ovn-nbctl makes: scanf-style MAC prefixes, "MAC IP..." port address strings
// (extract_lsp_addresses), and IP/prefix validation for routes, NAT and router ports.
import { parseIPv4, parseIPv6, parseMac } from '../../packet/addresses.ts';

/** ovs_scan(s, ETH_ADDR_SCAN_FMT): six hex bytes separated by ':' at the start of s (scanf matches a prefix). */
export function scanMacPrefix(s: string): boolean {
  return /^\s*[0-9a-fA-F]{1,2}(:[0-9a-fA-F]{1,2}){5}/.test(s);
}

export function isMac(s: string): boolean {
  return /^[0-9a-fA-F]{1,2}(:[0-9a-fA-F]{1,2}){5}$/.test(s) && parseMac(s) !== undefined;
}

export interface LportAddresses {
  mac: string;
  ipv4: string[];
  ipv6: bigint[];
  ipv6Text: string[];
}

/** extract_lsp_addresses: "MAC [IP[/PLEN]]..." ; undefined when it does not parse. */
export function extractLspAddresses(address: string): LportAddresses | undefined {
  const words = address.trim().split(/\s+/);
  if (!words.length || !isMac(words[0])) return undefined;
  const out: LportAddresses = { mac: words[0], ipv4: [], ipv6: [], ipv6Text: [] };
  for (const w of words.slice(1)) {
    const [ip] = w.split('/');
    if (parseIPv4(ip) !== undefined) out.ipv4.push(ip);
    else {
      const v6 = parseIPv6(ip);
      if (v6 === undefined) return undefined;
      out.ipv6.push(v6);
      out.ipv6Text.push(ip);
    }
  }
  return out;
}

export const isIPv4 = (s: string): boolean => parseIPv4(s) !== undefined;
export const isIPv6 = (s: string): boolean => parseIPv6(s) !== undefined;
