// Properties of the action parser and printer: random action trees print and parse back equal, no input
// string makes the parser throw, and hand-picked OVN error texts with their columns.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SYMTAB, WR_CT_COMMIT, WR_DEFAULT, type ExprSymbol } from '../expr/symbols.ts';
import type { Action, Constant, FieldRef, GenOption } from './ast.ts';
import { formatActions } from './format.ts';
import { parseActions } from './index.ts';
import { DHCPV4_OPTIONS } from './options.ts';

const CONTEXT = { pipeline: 'ingress', table: 5 } as const;
const SYMBOLS = [...SYMTAB.values()].filter((s) => !s.predicate && !s.ovnField);

/** A field or subfield of `s` that the parser accepts (nominal fields only whole). */
function fieldOf(s: ExprSymbol, nBits?: number): fc.Arbitrary<FieldRef> {
  const whole: FieldRef = { symbol: s.name, width: s.width, ofs: 0, nBits: s.width };
  if (!s.width || s.level === 'nominal') return fc.constant(whole);
  const n = nBits ?? 0;
  if (n) return fc.nat(s.width - n).map((ofs) => ({ ...whole, ofs, nBits: n }));
  return fc
    .tuple(fc.nat(s.width - 1), fc.nat(s.width - 1))
    .map(([a, b]) => ({ ...whole, ofs: Math.min(a, b), nBits: Math.abs(a - b) + 1 }));
}

function fieldArb(filter: (s: ExprSymbol) => boolean, nBits?: number): fc.Arbitrary<FieldRef> {
  const pool = SYMBOLS.filter((s) => filter(s) && (nBits === undefined || s.width >= nBits));
  return fc.constantFrom(...pool).chain((s) => fieldOf(s, nBits));
}

const writable = (scope: number) => (s: ExprSymbol) => (s.rw & scope) !== 0;
const intField = (scope: number, nBits?: number) =>
  fieldArb(
    (s) => writable(scope)(s) && s.width > 0 && (nBits === undefined || s.level !== 'nominal' || s.width === nBits),
    nBits,
  );
const anyInt = (nBits: number) => fieldArb((s) => s.width > 0 && (s.level !== 'nominal' || s.width === nBits), nBits);
const stringField = fieldArb((s) => s.width === 0);

/** A constant the lexer reads back as itself and that fits `width` bits. */
function constantFor(width: number): fc.Arbitrary<Constant> {
  const max = (1n << BigInt(Math.min(width, 64))) - 1n;
  const options: fc.Arbitrary<Constant>[] = [
    fc.bigInt(0n, max).map((value) => ({ kind: 'integer', value, format: 'decimal' }) as const),
    fc
      .bigInt(1n, (1n << BigInt(width)) - 1n)
      .map((value) => ({ kind: 'integer', value, format: 'hexadecimal' }) as const),
  ];
  if (width >= 32)
    options.push(fc.bigInt(0n, 0xffffffffn).map((value) => ({ kind: 'integer', value, format: 'IPv4' }) as const));
  if (width >= 48)
    options.push(
      fc.bigInt(0n, (1n << 48n) - 1n).map((value) => ({ kind: 'integer', value, format: 'Ethernet' }) as const),
    );
  if (width >= 128)
    options.push(
      fc.bigInt(0n, (1n << 128n) - 1n).map((value) => ({ kind: 'integer', value, format: 'IPv6' }) as const),
    );
  return fc.oneof(...options);
}

const portName = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/);
const ipv4 = fc.bigInt(0n, 0xffffffffn).map((value) => ({ family: 4 as const, value }));
const ipv6 = fc.bigInt(0n, (1n << 128n) - 1n).map((value) => ({ family: 6 as const, value }));
const port16 = fc.integer({ min: 0, max: 65535 });
const next = CONTEXT.table + 1;

function actionArb(scope: number, depth: number): fc.Arbitrary<Action> {
  const nested = (type: Action['type'], innerScope: number) =>
    fc.array(actionArb(innerScope, depth - 1), { maxLength: 3 }).map((n) => ({ type, nested: n }) as Action);
  const leaf: fc.Arbitrary<Action>[] = [
    fc.constant({ type: 'output' } as Action),
    fc
      .tuple(fc.constantFrom('ingress', 'egress'), fc.nat(28))
      .map(
        ([pipeline, table]) =>
          ({ type: 'next', pipeline, table, srcPipeline: 'ingress', srcTable: CONTEXT.table }) as Action,
      ),
    intField(scope).chain((dst) =>
      constantFor(SYMTAB.get(dst.symbol)?.width ?? 0).map((value) => ({ type: 'load', dst, value }) as Action),
    ),
    fc
      .tuple(
        fieldArb((s) => s.width === 0 && writable(scope)(s)),
        portName,
      )
      .map(([dst, name]) => ({ type: 'load', dst, value: { kind: 'string', value: name } }) as Action),
    intField(scope).chain((lhs) =>
      fc
        .tuple(fc.constantFrom('move', 'exchange'), anyInt(lhs.nBits))
        .chain(([type, rhs]) =>
          type === 'exchange'
            ? intField(scope, lhs.nBits).map((r) => ({ type, lhs, rhs: r }) as Action)
            : fc.constant({ type, lhs, rhs } as Action),
        ),
    ),
    fc.constantFrom(
      ...(['dec_ttl', 'ct_clear', 'igmp', 'handle_dhcpv6_reply', 'ct_snat_to_vip', 'handle_bfd_msg'] as const).map(
        (type) => ({ type }) as Action,
      ),
    ),
    fc.constant({ type: 'ct_next', table: next } as Action),
    fc.constant({ type: 'ct_commit_nat', table: next } as Action),
    fc
      .tuple(
        fc.constantFrom('ct_dnat', 'ct_snat', 'ct_dnat_in_czone', 'ct_snat_in_czone'),
        fc.option(fc.oneof(ipv4, ipv6), { nil: undefined }),
        fc.option(fc.tuple(fc.integer({ min: 1, max: 60000 }), fc.integer({ min: 0, max: 5000 })), { nil: undefined }),
      )
      .map(([type, ip, range]) => {
        const a: Action = { type, table: next };
        if (ip) a.ip = ip;
        if (ip && range) a.portRange = { lo: range[0], hi: range[1] ? range[0] + range[1] : 0 };
        return a;
      }),
    fc
      .tuple(
        fc.constantFrom('ct_lb', 'ct_lb_mark'),
        fc.array(fc.tuple(fc.oneof(ipv4, ipv6), port16), { maxLength: 3 }),
        fc.option(fc.stringMatching(/^[a-z_,]{1,12}$/), { nil: undefined }),
        fc.constantFrom('none', 'skip_snat', 'force_snat'),
      )
      .map(([type, bs, hashFields, ctFlag]) => {
        const a: Action = {
          type,
          backends: bs.map(([ip, port]) => ({ ...ip, port })),
          ctFlag: bs.length ? ctFlag : 'none',
          table: next,
        };
        if (hashFields !== undefined && bs.length) a.hashFields = hashFields;
        return a;
      }),
    fc
      .tuple(
        intField(scope, 16),
        fc.array(fc.tuple(port16, fc.integer({ min: 1, max: 65535 })), { minLength: 2, maxLength: 4 }),
      )
      .map(
        ([dst, ms]) =>
          ({ type: 'select', dst, members: ms.map(([id, weight]) => ({ id, weight })), table: next }) as Action,
      ),
    fc
      .tuple(fc.constantFrom(['get_arp', 32], ['get_nd', 128]), stringField)
      .chain(([[type, w], port]) => anyInt(w).map((ip) => ({ type, port, ip }) as Action)),
    fc
      .tuple(fc.constantFrom(['put_arp', 32], ['put_nd', 128]), stringField, anyInt(48))
      .chain(([[type, w], port, mac]) => anyInt(w).map((ip) => ({ type, port, ip, mac }) as Action)),
    fc
      .tuple(fc.constantFrom(['lookup_arp', 32], ['lookup_nd', 128]), intField(scope, 1), stringField, anyInt(48))
      .chain(([[type, w], dst, port, mac]) => anyInt(w).map((ip) => ({ type, dst, port, ip, mac }) as Action)),
    fc
      .tuple(fc.constantFrom(['lookup_arp_ip', 32], ['lookup_nd_ip', 128]), intField(scope, 1), stringField)
      .chain(([[type, w], dst, port]) => anyInt(w).map((ip) => ({ type, dst, port, ip }) as Action)),
    fc
      .tuple(
        fc.constantFrom(
          'dns_lookup',
          'chk_lb_hairpin',
          'chk_lb_hairpin_reply',
          'check_in_port_sec',
          'check_out_port_sec',
          'chk_ecmp_nh_mac',
          'chk_ecmp_nh',
          'chk_lb_aff',
        ),
        intField(scope, 1),
      )
      .map(([type, dst]) => ({ type, dst }) as Action),
    fc
      .tuple(
        intField(scope, 1),
        fc.array(fc.constantFrom(...DHCPV4_OPTIONS.filter((o) => o.code)), { maxLength: 3 }),
        ipv4,
      )
      .map(([dst, specs, offer]) => {
        const options: GenOption[] = [
          {
            name: 'offerip',
            code: 0,
            type: 'ipv4',
            value: {
              kind: 'integer',
              inCurlies: false,
              values: [{ kind: 'integer', value: offer.value, format: 'IPv4' }],
            },
          },
          ...specs.map((s): GenOption => {
            const str = s.type === 'str' || s.type === 'domains';
            return {
              name: s.name,
              code: s.code,
              type: s.type,
              value: str
                ? { kind: 'string', inCurlies: false, values: [{ kind: 'string', value: 'x.org' }] }
                : { kind: 'integer', inCurlies: true, values: [{ kind: 'integer', value: 7n, format: 'decimal' }] },
            };
          }),
        ];
        return { type: 'put_dhcp_opts', dst, options } as Action;
      }),
    fc.integer({ min: 0, max: 0xf000 }).map((queueId) => ({ type: 'set_queue', queueId }) as Action),
    fc
      .tuple(
        fc.option(portName, { nil: undefined }),
        fc.constantFrom('allow', 'drop', 'reject'),
        fc.constantFrom('alert', 'warning', 'notice', 'info', 'debug'),
        fc.option(portName, { nil: undefined }),
      )
      .map(([name, verdict, severity, meter]) => {
        const a: Action = { type: 'log', verdict, severity };
        if (name !== undefined) a.name = name;
        if (meter !== undefined) a.meter = meter;
        return a;
      }),
    fc
      .tuple(fc.bigInt(1n, 1n << 40n), fc.bigInt(0n, 1n << 40n))
      .map(([rate, burst]) => ({ type: 'set_meter', rate, burst }) as Action),
    fc.tuple(intField(scope, 1), port16).map(([dst, pktLen]) => ({ type: 'check_pkt_larger', dst, pktLen }) as Action),
    fc.tuple(portName, stringField).map(([vport, parent]) => ({ type: 'bind_vport', vport, parent }) as Action),
    stringField.map((port) => ({ type: 'handle_svc_check', port }) as Action),
    fc.tuple(stringField, anyInt(48)).map(([port, mac]) => ({ type: 'put_fdb', port, mac }) as Action),
    fc
      .tuple(
        fc.oneof(
          fieldArb((s) => s.width === 0 && writable(scope)(s)),
          intField(scope, 32),
        ),
        anyInt(48),
      )
      .map(([dst, mac]) => ({ type: 'get_fdb', dst, mac }) as Action),
    fc
      .tuple(intField(scope, 1), stringField, anyInt(48))
      .map(([dst, port, mac]) => ({ type: 'lookup_fdb', dst, port, mac }) as Action),
    fc
      .tuple(fc.boolean(), fc.constantFrom('tcp', 'udp', 'sctp'))
      .map(([ipv6, proto]) => ({ type: 'commit_ecmp_nh', ipv6, proto }) as Action),
    fc
      .tuple(
        fc.oneof(fc.tuple(ipv4, ipv4), fc.tuple(ipv6, ipv6)),
        port16,
        port16,
        fc.constantFrom('tcp', 'udp', 'sctp'),
        port16,
      )
      .map(([[vip, backend], vipPort, backendPort, proto, timeout]) => {
        const a: Action = { type: 'commit_lb_aff', vip, vipPort, backend, backendPort, timeout };
        if (vipPort) a.proto = proto;
        return a;
      }),
    fc
      .tuple(
        fc.integer({ min: 1, max: 65535 }),
        fc.nat(),
        fc.nat(255),
        fc.oneof(fc.nat(), fc.constant('cookie' as const)),
      )
      .map(
        ([probability, collectorSet, obsDomain, obsPoint]) =>
          ({ type: 'sample', probability, collectorSet, obsDomain, obsPoint }) as Action,
      ),
    fc
      .tuple(fc.boolean(), fc.array(portName, { minLength: 1, maxLength: 3 }))
      .map(([liveness, childPorts]) => ({ type: 'fwd_group', liveness, childPorts, table: next }) as Action),
    fc.tuple(fc.constantFrom('icmp4.frag_mtu', 'icmp6.frag_mtu'), fc.bigInt(0n, 0xffffn)).map(([symbol, value]) => {
      const width = symbol === 'icmp4.frag_mtu' ? 16 : 32;
      return {
        type: 'ovnfield_load',
        dst: { symbol, width, ofs: 0, nBits: width },
        value: { kind: 'integer', value, format: 'decimal' },
      } as Action;
    }),
  ];
  if (depth <= 0) return fc.oneof(...leaf);
  return fc.oneof(
    ...leaf,
    fc
      .constantFrom(
        'arp',
        'icmp4',
        'icmp4_error',
        'icmp6',
        'icmp6_error',
        'tcp_reset',
        'sctp_abort',
        'nd_na',
        'nd_na_router',
        'nd_ns',
        'reject',
      )
      .chain((type) => nested(type, scope)),
    nested('clone', WR_DEFAULT),
    fc
      .array(
        intField(WR_CT_COMMIT).chain((dst) =>
          constantFor(SYMTAB.get(dst.symbol)?.width ?? 0).map((value) => ({ type: 'load', dst, value }) as Action),
        ),
        { maxLength: 2 },
      )
      .map((n) => ({ type: 'ct_commit', nested: n }) as Action),
  );
}

describe('action parser properties', () => {
  it('prints random action lists that parse back equal', () => {
    fc.assert(
      fc.property(fc.array(actionArb(WR_DEFAULT, 2), { maxLength: 5 }), (actions) => {
        const text = formatActions(actions);
        const r = parseActions(text, CONTEXT);
        if (!r.ok) throw new Error(`${text}: ${r.error.message}`);
        expect(r.actions).toEqual(actions);
      }),
      { numRuns: 400 },
    );
  });

  it('never throws, whatever the input', () => {
    const alphabet = fc.constantFrom(...'abcdeflrgtxnp0123456789.:;,=<->(){}[]"$@^/*_ \\'.split(''));
    const tokens = fc.constantFrom(
      'next',
      'ct_lb_mark',
      'backends',
      'reg0',
      'outport',
      'eth.src',
      'clone',
      '{',
      '}',
      '(',
      ')',
      ';',
      '=',
      '<->',
      '1.2.3.4',
      '[fe80::1]',
      ':80',
      ',',
      'drop',
      'log',
      'ct_commit',
      'put_dhcp_opts',
      'offerip',
      '"p1"',
      'select',
      'ip.ttl',
      '--',
      '..',
      '[3]',
    );
    const input = fc.oneof(
      fc.string(),
      fc.array(alphabet).map((a) => a.join('')),
      fc.array(tokens, { maxLength: 12 }).map((a) => a.join(' ')),
    );
    fc.assert(
      fc.property(input, (text) => {
        const r = parseActions(text, CONTEXT);
        expect(typeof r.ok).toBe('boolean');
        if (!r.ok) {
          expect(r.error.message).not.toMatch(/^internal error/);
          expect(r.error.column).toBeGreaterThanOrEqual(1);
          expect(r.error.column).toBeLessThanOrEqual(text.length + 1);
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe('action parser errors and contexts', () => {
  const error = (text: string, context = CONTEXT) => {
    const r = parseActions(text, context);
    return r.ok ? undefined : `${r.error.column}: ${r.error.message}`;
  };
  it('reports OVN texts at the offending token', () => {
    expect(error('outport = {"a", "b"};')).toBe("11: Syntax error at `{' expecting constant.");
    expect(error('next; drop;')).toBe("7: Syntax error at `drop' expecting action.");
    expect(error('reg0[15] = check_in_port_sec(1);')).toBe("30: check_in_port_sec doesn't take any parameters");
    expect(error('ct_mark.blocked = 1;')).toBe('19: Field ct_mark.blocked is not modifiable.');
    expect(error('eth.src = 1.2.3.4.5;')).toBe('11: Invalid numeric constant.');
    expect(error('ip.ttl--')).toBe("9: Syntax error at end of input expecting `;'.");
    expect(error('next(pipeline=egress, table=29);')).toBe('32: "next" action cannot advance beyond table 28.');
  });
  it('resolves next and ct_* tables from the flow that holds them', () => {
    const r = parseActions('next; next(pipeline=egress, table=0); ct_lb_mark;', { pipeline: 'ingress', table: 13 });
    expect(r.ok && r.actions).toEqual([
      { type: 'next', pipeline: 'ingress', table: 14, srcPipeline: 'ingress', srcTable: 13 },
      { type: 'next', pipeline: 'egress', table: 0, srcPipeline: 'ingress', srcTable: 13 },
      { type: 'ct_lb_mark', backends: [], ctFlag: 'none', table: 14 },
    ]);
  });
  it('collects the prerequisites OVN adds to the match', () => {
    const prereqs = (text: string) => {
      const r = parseActions(text, CONTEXT);
      return r.ok ? r.prereqs : r.error.message;
    };
    // Fields bring theirs (tcp.dst needs tcp, vlan.pcp needs vlan.present); actions add their own.
    expect(prereqs('tcp.dst = 80; reg0[2] = 1; ct_next;')).toEqual(['tcp', 'ip']);
    expect(prereqs('ip.ttl--; vlan.pcp = 1;')).toEqual(['ip', 'vlan.present']);
    // arp{} and friends replace the prerequisites of what is inside them; clone puts them first.
    expect(prereqs('arp { arp.op = 1; output; }; clone { tcp.src = 1; };')).toEqual(['tcp', 'ip4']);
    expect(prereqs('nd_na { nd.tll = eth.src; }; ct_commit { ct_mark.blocked = 1; };')).toEqual(['nd_ns', 'ip']);
    expect(prereqs('reg0[3] = dns_lookup(); next;')).toEqual(['udp']);
  });

  it('skips the comments northd puts into action strings', () => {
    const r = parseActions('arp.op = 2; /* ARP reply */ output;');
    expect(r.ok && formatActions(r.actions)).toBe('arp.op = 2; output;');
  });
});
