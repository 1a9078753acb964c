// PacketState tests: fields sharing storage as in OVS's struct flow, register overlays and bit slices.
import { describe, expect, it } from 'vitest';
import { emptyPacket, getBits, getField, setBits, setField } from './state.ts';
import { formatIPv6, parseIPv6, formatMac, parseMac } from './addresses.ts';

describe('PacketState', () => {
  it('overlays xreg and xxreg on reg0-reg15, most significant first', () => {
    const p = emptyPacket();
    setField(p, 'xxreg0', 0x00112233445566778899aabbccddeeffn);
    expect(getField(p, 'reg0')).toBe(0x00112233n);
    expect(getField(p, 'reg3')).toBe(0xccddeeffn);
    expect(getField(p, 'xreg1')).toBe(0x8899aabbccddeeffn);
    setField(p, 'reg1', 0n);
    expect(getField(p, 'xreg0')).toBe(0x0011223300000000n);
  });

  it('shares storage like struct flow', () => {
    const p = emptyPacket();
    setField(p, 'tcp_src', 80n);
    expect(getField(p, 'tp_src')).toBe(80n);
    setField(p, 'arp_spa', 0x0a000001n);
    expect(getField(p, 'nw_src')).toBe(0x0a000001n);
    setField(p, 'nw_tos', 0xfcn);
    setField(p, 'nw_ecn', 3n);
    expect(getField(p, 'ip_dscp')).toBe(0x3fn);
    expect(getField(p, 'nw_tos')).toBe(0xffn);
  });

  it('reads and writes bit slices', () => {
    const p = emptyPacket();
    setBits(p, 'reg10', 4, 2, 3n);
    expect(getField(p, 'reg10')).toBe(0x30n);
    expect(getBits(p, 'reg10', 5, 1)).toBe(1n);
    setField(p, 'eth_type', 0x1ffffn);
    expect(getField(p, 'eth_type')).toBe(0xffffn);
  });

  it('formats addresses as inet_ntop does', () => {
    expect(formatIPv6(parseIPv6('fe80::1') ?? 0n)).toBe('fe80::1');
    expect(formatIPv6(parseIPv6('1:0:0:2:0:0:0:3') ?? 0n)).toBe('1:0:0:2::3');
    expect(formatIPv6(parseIPv6('1:2:3:4:5:6:7:8') ?? 0n)).toBe('1:2:3:4:5:6:7:8');
    expect(formatIPv6(0n)).toBe('::');
    expect(parseIPv6('1::2::3')).toBeUndefined();
    expect(formatMac(parseMac('0A:0:0:0:0:1') ?? 0n)).toBe('0a:00:00:00:00:01');
  });
});
