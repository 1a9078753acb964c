// Parsers of the option-taking actions (lib/actions.c v23.03.1): put_dhcp_opts, put_dhcpv6_opts and
// put_nd_ra_opts with their checks, and trigger_event with its load-balancer options.
import type { Action, FieldRef, GenOption } from './ast.ts';
import {
  DHCPV4_OPTIONS,
  DHCPV6_OPTIONS,
  EMPTY_LB_BACKENDS_OPTIONS,
  ND_RA_OPTIONS,
  findOption,
  type OptionSpec,
} from './options.ts';
import { parseLbKey } from './parse-misc.ts';
import type { ParseState } from './parse-state.ts';

/** parse_gen_opt: NAME = constant-or-set, typed by the option table. */
function parseGenOption(ps: ParseState, table: readonly OptionSpec[], kind: string): GenOption | undefined {
  const lx = ps.lexer;
  if (lx.token.type !== 'ID') {
    lx.syntaxError();
    return undefined;
  }
  const spec = findOption(table, lx.token.s ?? '');
  if (!spec) {
    lx.syntaxError(`expecting ${kind} option name`);
    return undefined;
  }
  lx.get();
  if (!lx.forceMatch('EQUALS')) return undefined;
  const value = ps.parseConstantSet();
  if (!value) return undefined;
  const option: GenOption = { name: spec.name, code: spec.code, type: spec.type, value };
  if (spec.type === 'host_id') return option;
  const wantsString = spec.type === 'str' || spec.type === 'domains';
  // An empty set has no type of its own; OVN reads it as an integer set.
  const isString = value.values.length > 0 && value.kind === 'string';
  if (wantsString !== isString) {
    ps.error(`${kind} option ${spec.name} requires ${wantsString ? 'string' : 'numeric'} value.`);
    return undefined;
  }
  return option;
}

function parseOptionList(ps: ParseState, table: readonly OptionSpec[], kind: string): GenOption[] | undefined {
  const lx = ps.lexer;
  const options: GenOption[] = [];
  while (!lx.match('RPAREN')) {
    const o = parseGenOption(ps, table, kind);
    if (!o) return undefined;
    options.push(o);
    lx.match('COMMA');
  }
  return options;
}

export function parsePutOpts(
  ps: ParseState,
  out: Action[],
  dst: FieldRef,
  type: 'put_dhcp_opts' | 'put_dhcpv6_opts' | 'put_nd_ra_opts',
): void {
  const lx = ps.lexer;
  lx.get();
  lx.get();
  if (!ps.typeCheck(dst, 1, true)) return;
  const [table, kind] =
    type === 'put_dhcp_opts'
      ? [DHCPV4_OPTIONS, 'DHCPv4']
      : type === 'put_dhcpv6_opts'
        ? [DHCPV6_OPTIONS, 'DHCPv6']
        : [ND_RA_OPTIONS, 'IPv6 ND RA'];
  const options = parseOptionList(ps, table, kind);
  if (!options) return;
  if (type === 'put_dhcp_opts' && !options.some((o) => o.code === 0)) {
    ps.error('put_dhcp_opts requires offerip to be specified.');
    return;
  }
  if (type === 'put_nd_ra_opts') {
    if (!validNdRaOptions(ps, options)) return;
    ps.prereqs.push('ip6');
  }
  out.push({ type, dst, options });
}

/** The checks of parse_put_nd_ra_opts. */
function validNdRaOptions(ps: ParseState, options: GenOption[]): boolean {
  let stateful = false;
  let prefixSet = false;
  let sllaPresent = false;
  for (const o of options) {
    const c = o.value.values[0];
    if (o.value.values.length > 1) {
      ps.error(`Invalid value for "${o.name}" option`);
      return false;
    }
    const str = c?.kind === 'string' ? c.value : undefined;
    const int = c?.kind === 'integer' ? c : undefined;
    let ok = true;
    switch (o.code) {
      case 0:
        ok = str === 'slaac' || str === 'dhcpv6_stateful' || str === 'dhcpv6_stateless';
        if (ok && str === 'dhcpv6_stateful') stateful = true;
        break;
      case 255:
        ok = str === 'MEDIUM' || str === 'HIGH' || str === 'LOW';
        break;
      case 1:
        ok = int?.format === 'Ethernet';
        sllaPresent = true;
        break;
      case 3:
        ok = int?.format === 'IPv6' && int.mask !== undefined;
        prefixSet = true;
        break;
      case 5:
        ok = int?.format === 'decimal';
        break;
      case 25:
        ok = int?.format === 'IPv6';
        break;
      case 24:
      case 31:
        ok = str !== undefined;
        break;
    }
    if (!ok) {
      ps.error(`Invalid value for "${o.name}" option`);
      return false;
    }
  }
  if (!sllaPresent) {
    ps.error('slla option not present');
    return false;
  }
  if (!stateful && !prefixSet) {
    ps.error('prefix option needs to be set when address mode is slaac/dhcpv6_stateless.');
    return false;
  }
  return true;
}

export function parseTriggerEvent(ps: ParseState, out: Action[]): void {
  const lx = ps.lexer;
  lx.forceMatch('LPAREN');
  if (!lx.matchId('event')) return lx.syntaxError("Expecting 'event' option");
  if (!lx.forceMatch('EQUALS')) return;
  if (lx.token.type !== 'STRING' || new TextEncoder().encode(lx.token.s ?? '').length >= 64) {
    return lx.syntaxError('Expecting string');
  }
  if (lx.token.s !== 'empty_lb_backends') return lx.syntaxError("Unknown event '-1'");
  lx.get();
  lx.match('COMMA');
  const options = parseOptionList(ps, EMPTY_LB_BACKENDS_OPTIONS, 'empty_lb_backends');
  if (!options) return;
  for (const o of options) {
    const c = o.value.values[0];
    if (o.value.values.length > 1 || c?.kind !== 'string') {
      ps.error(`Invalid value for "${o.name}" option`);
      return;
    }
    if (o.name === 'vip' && !parseLbKey(c.value)) {
      ps.error(`Invalid load balancer VIP '${c.value}'`);
      return;
    }
    if (o.name === 'protocol' && !['tcp', 'udp', 'sctp'].includes(c.value)) {
      ps.error(`Load balancer protocol '${c.value}' is not 'tcp', 'udp', or 'sctp'`);
      return;
    }
    if (o.name === 'load_balancer' && !/^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/.test(c.value)) {
      ps.error(`Load balancer '${c.value}' is not a UUID`);
      return;
    }
  }
  out.push({ type: 'trigger_event', event: 'empty_lb_backends', options });
}
