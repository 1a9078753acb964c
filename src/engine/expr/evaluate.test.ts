// Evaluator tests on hand-built packets: prerequisites, predicates, subfields, sets, port keys,
// address sets and port groups, conditions; and a property that no input makes it throw.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileMatch, evaluateExpr, evaluateMatch, type MatchContext } from './evaluate.ts';
import { emptyPacket, setField, type PacketState } from '../packet/state.ts';
import { parseIPv4, parseIPv6, parseMac } from '../packet/addresses.ts';

const ctx: MatchContext = {
  addressSets: { as1: ['10.0.0.1', '10.0.0.2'], as_empty: [] },
  portGroups: { '7_pg1': ['vm1', 'vm3'] },
  datapathKey: 7,
  lookupPort: (name) => ({ vm1: 1, vm2: 2, vm3: 3, _MC_flood: 32768 })[name],
};

/** An IPv4 TCP packet from vm1 (key 1): 10.0.0.1:33000 → 10.0.0.2:80, ttl 64. */
function tcp4(): PacketState {
  const p = emptyPacket();
  setField(p, 'reg14', 1n);
  setField(p, 'eth_src', parseMac('02:00:00:00:00:01')!);
  setField(p, 'eth_dst', parseMac('02:00:00:00:00:02')!);
  setField(p, 'eth_type', 0x800n);
  setField(p, 'ip_src', parseIPv4('10.0.0.1')!);
  setField(p, 'ip_dst', parseIPv4('10.0.0.2')!);
  setField(p, 'nw_proto', 6n);
  setField(p, 'nw_ttl', 64n);
  setField(p, 'tcp_src', 33000n);
  setField(p, 'tcp_dst', 80n);
  return p;
}

function matches(text: string, p: PacketState, c: MatchContext = ctx): boolean {
  const r = evaluateMatch(text, p, c);
  if (!r.ok) throw new Error(r.error.message);
  return r.matched;
}

describe('evaluateMatch', () => {
  const p = tcp4();
  it.each([
    ['ip4', true],
    ['ip6', false],
    ['ip', true],
    ['tcp', true],
    ['udp', false],
    ['tcp.dst == 80', true],
    ['tcp.dst == {22, 80}', true],
    ['tcp.dst != {22, 80}', false],
    ['tcp.dst > 79 && tcp.dst < 81', true],
    ['1 <= tcp.dst <= 79', false],
    ['tcp.src >= 32768', true],
    ['tcp.dst[0..3] == 0', true],
    ['tcp.dst[4..7] == 5', true],
    ['udp.dst == 80', false],
    ['!(udp.dst == 80)', false],
    ['ip4.src == 10.0.0.0/8', true],
    ['ip4.src == 10.0.0.0/255.255.0.255', false],
    ['ip4.dst == $as1', true],
    ['ip4.dst != $as1', false],
    ['ip4.dst == $as_empty', false],
    ['ip4.dst != $as_empty', true],
    ['inport == "vm1"', true],
    ['inport == "vm2"', false],
    ['inport == @pg1', true],
    ['inport == {"vm2", "vm3"}', false],
    ['inport == "nosuchport"', false],
    ['eth.bcast', false],
    ['eth.mcast', false],
    ['!eth.mcast', true],
    ['eth.src[40] == 0', true],
    ['eth.dst == 02:00:00:00:00:00/ff:ff:ff:ff:ff:00', true],
    ['ip.ttl == 64', true],
    ['ip.ttl == {0, 1}', false],
    ['ip.first_frag', false],
    ['!ip.later_frag', true],
    ['ip4.mcast', false],
    ['!ip4.mcast', true],
    ['ct.est', false],
    ['!ct.trk', true],
    ['reg0 == 0', true],
    ['!reg0', true],
    ['reg0[3]', false],
    ['xxreg0 == 0', true],
    ['flags.loopback == 0', true],
    ['is_chassis_resident("vm1")', true],
    ['!is_chassis_resident("vm1")', false],
    ['1', true],
    ['0', false],
    ['tcp && (ip4.src == 10.0.0.9 || ip4.dst == 10.0.0.2)', true],
    ['(tcp || udp) && !(tcp.flags == 0x2)', true],
    ['outport == "none"', true],
  ])('%s → %s', (text, expected) => {
    expect(matches(text, p)).toBe(expected);
  });

  it('applies prerequisites to negated fields (tcp.dst != 80 needs tcp)', () => {
    const arp = emptyPacket();
    setField(arp, 'eth_type', 0x806n);
    expect(matches('tcp.dst != 80', arp)).toBe(false);
    expect(matches('arp && arp.op == 0', arp)).toBe(true);
    expect(matches('!ip4.mcast', arp)).toBe(true);
  });

  it('reads registers through xxreg/xreg overlays', () => {
    const q = tcp4();
    setField(q, 'reg0', 0x20n);
    setField(q, 'reg9', 7n);
    setField(q, 'reg10', 1n);
    expect(matches('reg0[5] == 1', q)).toBe(true);
    expect(matches('xxreg0[96..127] == 0x20', q)).toBe(true);
    expect(matches('reg9 == 7', q)).toBe(true);
    expect(matches('xreg4 == 7', q)).toBe(true);
    expect(matches('flags.loopback', q)).toBe(true);
  });

  it('evaluates IPv6 and ND', () => {
    const q = emptyPacket();
    setField(q, 'eth_type', 0x86ddn);
    setField(q, 'nw_proto', 58n);
    setField(q, 'nw_ttl', 255n);
    setField(q, 'icmpv6_type', 135n);
    setField(q, 'ipv6_dst', parseIPv6('ff02::1:ff00:2')!);
    setField(q, 'eth_dst', parseMac('33:33:ff:00:00:02')!);
    expect(matches('nd_ns', q)).toBe(true);
    expect(matches('nd', q)).toBe(true);
    expect(matches('nd_na', q)).toBe(false);
    expect(matches('ip6.mcast', q)).toBe(true);
    expect(matches('ip6.mcast_sol_node', q)).toBe(true);
    expect(matches('ip6.mcast_flood', q)).toBe(true);
    expect(matches('ip6.dst == ff02::/16', q)).toBe(true);
  });

  it('ANDs in action prerequisites, as ovn-trace does', () => {
    const arp = emptyPacket();
    setField(arp, 'eth_type', 0x806n);
    const c = compileMatch('1', ctx, ['ip']);
    expect(c.ok && evaluateExpr(c.expr, arp, ctx)).toBe(false);
  });

  it('reports parse errors instead of matching', () => {
    expect(evaluateMatch('ip4.dst == router', tcp4(), ctx)).toEqual({
      ok: false,
      error: { message: "Syntax error at `router' expecting constant.", column: 12 },
    });
  });

  it('never throws', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const r = evaluateMatch(s, tcp4(), ctx);
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 1000 },
    );
  });
});
