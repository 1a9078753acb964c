// Address parsing and printing, checked against texts real northd wrote (test/golden lflows).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  extractLrpNetworks,
  extractLspAddresses,
  formatIpv6,
  isDynamicLspAddress,
  parseIpv6,
  solicitedNode,
} from './ovn-addresses.ts';

describe('addresses', () => {
  it('prints IPv6 like inet_ntop, with the solicited-node address northd uses', () => {
    const a = extractLspAddresses('50:54:00:00:00:04 10.0.0.14 fd00::14');
    expect(a?.eaS).toBe('50:54:00:00:00:04');
    expect(a?.ipv4.map((x) => x.addrS)).toEqual(['10.0.0.14']);
    expect(a?.ipv6.map((x) => [x.addrS, x.snAddrS])).toEqual([['fd00::14', 'ff02::1:ff00:14']]);
    expect(formatIpv6(parseIpv6('fd11:0:0:0:800:ff:fe01:7') ?? new Uint16Array(8))).toBe('fd11::800:ff:fe01:7');
    expect(formatIpv6(solicitedNode(parseIpv6('fd11::5254:ff:fe00:202') ?? new Uint16Array(8)))).toBe(
      'ff02::1:ff00:202',
    );
  });
  it('adds the link-local address to router networks', () => {
    const n = extractLrpNetworks('00:00:00:00:14:ff', ['10.20.0.1/24', 'fd14::1/64']);
    expect(n?.ipv6.map((x) => x.addrS)).toEqual(['fd14::1', 'fe80::200:ff:fe00:14ff']);
  });
  it('recognises dynamic address forms', () => {
    expect(isDynamicLspAddress('dynamic')).toBe(true);
    expect(isDynamicLspAddress('50:54:00:00:02:02 dynamic')).toBe(true);
    expect(isDynamicLspAddress('dynamic 10.0.0.5')).toBe(true);
    expect(isDynamicLspAddress('50:54:00:00:02:02 10.0.0.5')).toBe(false);
  });
  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        extractLspAddresses(s);
        isDynamicLspAddress(s);
        parseIpv6(s);
      }),
    );
  });
});
