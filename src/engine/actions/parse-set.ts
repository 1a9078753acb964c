// Parsers of the actions that start with a field (parse_set_action in lib/actions.c v23.03.1): loads
// `field = constant`, moves `a = b`, exchanges `a <-> b`, and the `dst = function(…)` actions.
import { ovsField } from '../packet/fields.ts';
import type { Action, FieldRef } from './ast.ts';
import { parseSelect } from './parse-ct.ts';
import { parseCheckPktLarger } from './parse-misc.ts';
import { parsePutOpts } from './parse-options.ts';
import type { ParseState } from './parse-state.ts';

/** parse_set_action: `field = …`, `field <-> field`, and the `dst = function(…)` actions. */
export function parseSetAction(ps: ParseState, out: Action[]): void {
  const lx = ps.lexer;
  const lhs = ps.parseField();
  if (!lhs) return;
  if (lx.match('EXCHANGE')) {
    parseAssignment(ps, out, lhs, true);
  } else if (lx.match('EQUALS')) {
    const name = lx.token.type === 'ID' ? (lx.token.s ?? '') : undefined;
    const fn = name !== undefined && lx.lookahead().type === 'LPAREN' ? name : undefined;
    const parser = fn !== undefined && Object.hasOwn(FUNCTION_ACTIONS, fn) ? FUNCTION_ACTIONS[fn] : undefined;
    if (lx.token.type !== 'ID') parseLoad(ps, out, lhs);
    else if (parser) parser(ps, out, lhs);
    else parseAssignment(ps, out, lhs, false);
  } else {
    lx.syntaxError("expecting `=' or `<->'");
  }
}

type FunctionParser = (ps: ParseState, out: Action[], dst: FieldRef) => void;

const result =
  (
    type:
      | 'dns_lookup'
      | 'chk_lb_hairpin'
      | 'chk_lb_hairpin_reply'
      | 'check_in_port_sec'
      | 'check_out_port_sec'
      | 'chk_ecmp_nh_mac'
      | 'chk_ecmp_nh'
      | 'chk_lb_aff',
  ): FunctionParser =>
  (ps, out, dst) => {
    const lx = ps.lexer;
    lx.get();
    lx.get();
    if (!lx.match('RPAREN')) {
      ps.error(`${type} doesn't take any parameters`);
      return;
    }
    if (!ps.typeCheck(dst, 1, true)) return;
    out.push({ type, dst });
    if (type === 'dns_lookup') ps.prereqs.push('udp');
  };

const lookupMacBind =
  (type: 'lookup_arp' | 'lookup_nd', width: number): FunctionParser =>
  (ps, out, dst) => {
    if (!ps.typeCheck(dst, 1, true)) return;
    const lx = ps.lexer;
    lx.get();
    lx.get();
    const port = ps.parseTypedField(0, false);
    lx.forceMatch('COMMA');
    const ip = ps.parseTypedField(width, false);
    lx.forceMatch('COMMA');
    const mac = ps.parseTypedField(48, false);
    lx.forceMatch('RPAREN');
    if (port && ip && mac) out.push({ type, dst, port, ip, mac });
  };

const lookupMacBindIp =
  (type: 'lookup_arp_ip' | 'lookup_nd_ip', width: number): FunctionParser =>
  (ps, out, dst) => {
    if (!ps.typeCheck(dst, 1, true)) return;
    const lx = ps.lexer;
    lx.get();
    lx.get();
    const port = ps.parseTypedField(0, false);
    lx.forceMatch('COMMA');
    const ip = ps.parseTypedField(width, false);
    lx.forceMatch('RPAREN');
    if (port && ip) out.push({ type, dst, port, ip });
  };

const FUNCTION_ACTIONS: Record<string, FunctionParser> = {
  select: parseSelect,
  put_dhcp_opts: (ps, out, dst) => parsePutOpts(ps, out, dst, 'put_dhcp_opts'),
  put_dhcpv6_opts: (ps, out, dst) => parsePutOpts(ps, out, dst, 'put_dhcpv6_opts'),
  dns_lookup: result('dns_lookup'),
  put_nd_ra_opts: (ps, out, dst) => parsePutOpts(ps, out, dst, 'put_nd_ra_opts'),
  check_pkt_larger: parseCheckPktLarger,
  lookup_arp: lookupMacBind('lookup_arp', 32),
  lookup_nd: lookupMacBind('lookup_nd', 128),
  lookup_arp_ip: lookupMacBindIp('lookup_arp_ip', 32),
  lookup_nd_ip: lookupMacBindIp('lookup_nd_ip', 128),
  chk_lb_hairpin: result('chk_lb_hairpin'),
  chk_lb_hairpin_reply: result('chk_lb_hairpin_reply'),
  get_fdb: (ps, out, dst) => {
    const lx = ps.lexer;
    lx.get();
    lx.get();
    if (dst.nBits && !ps.typeCheck(dst, 32, true)) return;
    const mac = ps.parseTypedField(48, false);
    lx.forceMatch('RPAREN');
    if (mac) out.push({ type: 'get_fdb', dst, mac });
  },
  lookup_fdb: (ps, out, dst) => {
    const lx = ps.lexer;
    lx.get();
    lx.get();
    if (!ps.typeCheck(dst, 1, true)) return;
    const port = ps.parseTypedField(0, false);
    lx.forceMatch('COMMA');
    const mac = ps.parseTypedField(48, false);
    lx.forceMatch('RPAREN');
    if (port && mac) out.push({ type: 'lookup_fdb', dst, port, mac });
  },
  check_in_port_sec: result('check_in_port_sec'),
  check_out_port_sec: result('check_out_port_sec'),
  chk_ecmp_nh_mac: result('chk_ecmp_nh_mac'),
  chk_ecmp_nh: result('chk_ecmp_nh'),
  chk_lb_aff: result('chk_lb_aff'),
};

/** The width of the OVS field under a string symbol (inport and outport are 32-bit registers). */
function storageWidth(ps: ParseState, f: FieldRef): number {
  const field = ps.symbols(f.symbol)?.field;
  return field ? (ovsField(field)?.width ?? 0) : 0;
}

function parseLoad(ps: ParseState, out: Action[], dst: FieldRef): void {
  if (!ps.typeCheck(dst, dst.nBits, true)) return;
  const value = ps.parseConstantFor(dst);
  if (!value) return;
  const ovnField = ps.symbols(dst.symbol)?.ovnField ?? false;
  out.push({ type: ovnField ? 'ovnfield_load' : 'load', dst, value });
}

/** parse_assignment_action: `lhs = rhs` (move) or `lhs <-> rhs` (exchange). */
function parseAssignment(ps: ParseState, out: Action[], lhs: FieldRef, exchange: boolean): void {
  const rhs = ps.parseField();
  if (!rhs) return;
  const lw = lhs.width !== 0;
  const rw = rhs.width !== 0;
  if (lw !== rw) {
    const kind = (w: boolean) => (w ? 'integer' : 'string');
    ps.error(
      exchange
        ? `Can't exchange ${kind(lw)} field (${lhs.symbol}) with ${kind(rw)} field (${rhs.symbol}).`
        : `Can't assign ${kind(rw)} field (${rhs.symbol}) to ${kind(lw)} field (${lhs.symbol}).`,
    );
    return;
  }
  if (lhs.nBits !== rhs.nBits) {
    ps.error(
      exchange
        ? `Can't exchange ${lhs.nBits}-bit field with ${rhs.nBits}-bit field.`
        : `Can't assign ${rhs.nBits}-bit value to ${lhs.nBits}-bit destination.`,
    );
    return;
  }
  if (!lhs.nBits && storageWidth(ps, lhs) !== storageWidth(ps, rhs)) {
    ps.error(
      `String fields ${lhs.symbol} and ${rhs.symbol} are incompatible for ${exchange ? 'exchange' : 'assignment'}.`,
    );
    return;
  }
  const message = ps.typeError(lhs, lhs.nBits, true) ?? ps.typeError(rhs, rhs.nBits, exchange);
  if (message) {
    ps.error(message);
    return;
  }
  out.push({ type: exchange ? 'exchange' : 'move', lhs, rhs });
}
