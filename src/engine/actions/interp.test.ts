// Field-level action semantics on hand-built packets: loads (constants, subfields, masks, port names),
// moves and exchanges with ovn-trace's summary lines, TTL decrement, and the packets nested actions start from.
import { describe, expect, it } from 'vitest';
import { parseIPv4, parseIPv6, parseMac } from '../packet/addresses.ts';
import { emptyPacket, getField, setField, type PacketState } from '../packet/state.ts';
import type { Action } from './ast.ts';
import { parseActions } from './index.ts';
import { applyFieldAction, nestedPacket } from './interp.ts';

const ports: Record<string, number> = { 'ls1-vm1': 1, 'ls1-vm2': 2 };
const portKey = (name: string) => ports[name];

function actions(text: string): Action[] {
  const r = parseActions(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.actions;
}

/** Runs the field actions of `text` on `packet`, returning the modify lines ovn-trace would record. */
function run(text: string, packet: PacketState): string[] {
  return actions(text).flatMap((a) => applyFieldAction(a, packet, portKey).modify);
}

function ipv4Packet(): PacketState {
  const p = emptyPacket();
  setField(p, 'eth_src', parseMac('02:ac:10:ff:00:11')!);
  setField(p, 'eth_dst', parseMac('02:ac:10:ff:00:01')!);
  setField(p, 'eth_type', 0x0800n);
  setField(p, 'ip_src', parseIPv4('192.168.100.10')!);
  setField(p, 'ip_dst', parseIPv4('172.18.1.10')!);
  setField(p, 'nw_proto', 1n);
  setField(p, 'nw_ttl', 64n);
  setField(p, 'icmp_type', 8n);
  setField(p, 'reg14', 1n);
  return p;
}

describe('applyFieldAction', () => {
  it('loads constants into fields and subfields of the overlapping registers', () => {
    const p = ipv4Packet();
    expect(run('xreg0[0..47] = 02:ac:10:ff:00:01; reg9[2] = 1; reg1 = 192.168.255.2;', p)).toEqual([]);
    // xreg0 is reg0:reg1 and xxreg0 is reg0..reg3, most significant first (logical-fields.c).
    expect(getField(p, 'reg1')).toBe(parseIPv4('192.168.255.2'));
    expect(getField(p, 'reg0')).toBe(0x02acn);
    expect(getField(p, 'xreg0')).toBe((0x02acn << 32n) | parseIPv4('192.168.255.2')!);
    expect(getField(p, 'reg9')).toBe(4n);
    const q = ipv4Packet();
    run('xreg0[0..47] = 02:ac:10:ff:00:01;', q);
    expect(getField(q, 'reg1')).toBe(0x10ff0001n);
    expect(getField(q, 'reg0')).toBe(0x02acn);
  });

  it('records non-register loads as ovn-trace does and writes port keys for port names', () => {
    const p = ipv4Packet();
    expect(run('eth.dst = 02:ac:10:ff:ff:01; outport = "ls1-vm2"; flags.loopback = 1;', p)).toEqual([
      'eth.dst = 02:ac:10:ff:ff:01',
    ]);
    expect(getField(p, 'eth_dst')).toBe(parseMac('02:ac:10:ff:ff:01'));
    expect(getField(p, 'reg15')).toBe(2n);
    expect(getField(p, 'reg10')).toBe(1n);
    run('outport = "nowhere";', p);
    expect(getField(p, 'reg15')).toBe(0n);
  });

  it('applies masked constants only under the mask', () => {
    const p = ipv4Packet();
    setField(p, 'reg0', 0xffffffffn);
    run('reg0 = 0x12/0xf0;', p);
    expect(getField(p, 'reg0')).toBe(0xffffff1fn);
  });

  it('leaves header fields alone when the packet lacks the header (mf_are_prereqs_ok)', () => {
    const p = ipv4Packet();
    expect(run('tcp.dst = 80;', p)).toEqual(['tcp.dst = 80']);
    expect(getField(p, 'tp_dst')).toBe(0n);
    run('icmp4.type = 0;', p);
    expect(getField(p, 'icmp_type')).toBe(0n);
  });

  it('moves and exchanges, summarising as summarize_move', () => {
    const p = ipv4Packet();
    run('xreg0[0..47] = 02:ac:10:ff:00:01;', p);
    expect(run('eth.dst = eth.src; eth.src = xreg0[0..47]; ip4.dst <-> ip4.src; reg0 = ip4.dst;', p)).toEqual([
      'eth.dst = 02:ac:10:ff:00:11',
      // A part of a register prints in hex, as --minimal shows it.
      'eth.src = 0x2ac10ff0001',
      'ip4.dst = 192.168.100.10',
      'ip4.src = 172.18.1.10',
    ]);
    expect(getField(p, 'ip_dst')).toBe(parseIPv4('192.168.100.10'));
    expect(getField(p, 'ip_src')).toBe(parseIPv4('172.18.1.10'));
    expect(getField(p, 'reg0')).toBe(parseIPv4('192.168.100.10'));
    expect(getField(p, 'eth_src')).toBe(parseMac('02:ac:10:ff:00:01'));
  });

  it('decrements the TTL of IP packets only', () => {
    const p = ipv4Packet();
    expect(applyFieldAction({ type: 'dec_ttl' }, p, portKey)).toEqual({ modify: ['ip.ttl--'] });
    expect(getField(p, 'nw_ttl')).toBe(63n);
    setField(p, 'nw_ttl', 0n);
    expect(applyFieldAction({ type: 'dec_ttl' }, p, portKey).error).toBe('*** TTL underflow');
    setField(p, 'eth_type', 0x0806n);
    expect(applyFieldAction({ type: 'dec_ttl' }, p, portKey).error).toBe('*** TTL decrement of non-IP packet');
  });
});

describe('nestedPacket', () => {
  it('turns a packet into an ARP request as execute_arp does', () => {
    const arp = nestedPacket('arp', ipv4Packet())!;
    expect(getField(arp, 'eth_type')).toBe(0x0806n);
    expect(getField(arp, 'arp_op')).toBe(1n);
    expect(getField(arp, 'arp_sha')).toBe(parseMac('02:ac:10:ff:00:11'));
    expect(getField(arp, 'arp_tpa')).toBe(parseIPv4('172.18.1.10'));
    expect(getField(arp, 'nw_ttl')).toBe(0n);
  });

  it('builds icmp4{} in place and reject{} as a reply, skipping a reject of a reject', () => {
    const icmp = nestedPacket('icmp4', ipv4Packet())!;
    expect([getField(icmp, 'icmp_type'), getField(icmp, 'icmp_code'), getField(icmp, 'nw_ttl')]).toEqual([
      3n,
      1n,
      255n,
    ]);
    expect(getField(icmp, 'ip_dst')).toBe(parseIPv4('172.18.1.10'));
    const reply = nestedPacket('reject', ipv4Packet())!;
    expect(getField(reply, 'ip_dst')).toBe(parseIPv4('192.168.100.10'));
    expect(getField(reply, 'eth_dst')).toBe(parseMac('02:ac:10:ff:00:11'));
    expect(nestedPacket('reject', reply)).toBeUndefined();
  });

  it('answers TCP with a reset and addresses an NS to the solicited-node group', () => {
    const p = ipv4Packet();
    setField(p, 'nw_proto', 6n);
    const rst = nestedPacket('reject', p)!;
    expect(getField(rst, 'tcp_flags')).toBe(4n);
    expect(getField(rst, 'ip_src')).toBe(parseIPv4('172.18.1.10'));
    const v6 = emptyPacket();
    setField(v6, 'eth_type', 0x86ddn);
    setField(v6, 'ipv6_dst', parseIPv6('fd00::1:2:3')!);
    const ns = nestedPacket('nd_ns', v6)!;
    expect(getField(ns, 'eth_dst')).toBe(parseMac('33:33:ff:02:00:03'));
    expect(getField(ns, 'icmpv6_type')).toBe(135n);
  });
});
