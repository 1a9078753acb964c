// Parser of OVN logical actions (ovnacts_parse in lib/actions.c at v23.03.1): the same grammar, the
// same checks and the same error texts, with the column of the offending token. Never throws.
import type { Action, ActionContext, NestedActionType } from './ast.ts';
import { parseCtCommit, parseCtLb, parseCtNat } from './parse-ct.ts';
import { parseSetAction } from './parse-set.ts';
import {
  parseBindVport,
  parseCommitEcmpNh,
  parseCommitLbAff,
  parseFwdGroup,
  parseLog,
  parseSample,
  parseSetMeter,
  parseSetQueue,
} from './parse-misc.ts';
import { parseTriggerEvent } from './parse-options.ts';
import { ParseState, WR_DEFAULT, type SymbolLookup } from './parse-state.ts';

export type ParseResult =
  /**
   * `prereqs`: what the actions require of the packet, in OVN's words (the fields' prerequisites and
   * the actions' own, e.g. "ip" for ct_next); ovn-trace and ovn-controller AND them into the match.
   */
  { ok: true; actions: Action[]; prereqs: string[] } | { ok: false; error: { message: string; column: number } };

const MAX_NESTED_ACTION_DEPTH = 32;

/** Parses an action string of a logical flow in `context` (its pipeline and table). */
export function parseActionsWith(text: string, symbols: SymbolLookup, context: ActionContext): ParseResult {
  const ps = new ParseState(text, symbols, context);
  try {
    ps.lexer.get();
    const actions = parseActionList(ps, 'END');
    if (ps.lexer.error) return { ok: false, error: ps.lexer.error };
    return { ok: true, actions, prereqs: ps.prereqs };
  } catch (e) {
    // Only a bug of ours lands here; report it as a parse error rather than throwing at the caller.
    return { ok: false, error: { message: `internal error: ${String(e)}`, column: ps.lexer.token.start + 1 } };
  }
}

/** parse_actions: actions up to `sentinel`; a lone `drop;` is the empty list. */
export function parseActionList(ps: ParseState, sentinel: 'END' | 'RCURLY'): Action[] {
  const lx = ps.lexer;
  const actions: Action[] = [];
  if (lx.isId('drop') && lx.lookahead().type === 'SEMICOLON') {
    lx.get();
    lx.get();
    lx.forceMatch(sentinel);
    return actions;
  }
  while (!lx.match(sentinel)) {
    if (!parseAction(ps, actions)) break;
  }
  return actions;
}

type Parser = (ps: ParseState, out: Action[]) => void;

/** Nested actions and the prerequisite each adds to the flow (NULL for clone and reject, in OVN). */
const nested =
  (type: NestedActionType, prereq: string | undefined, scope?: number): Parser =>
  (ps, out) => {
    const inner = parseNested(ps, scope ?? ps.scope, prereq);
    if (inner) out.push({ type, nested: inner });
  };

const simple =
  (type: 'output' | 'ct_clear' | 'igmp' | 'handle_dhcpv6_reply' | 'ct_snat_to_vip'): Parser =>
  (_ps, out) => {
    out.push({ type });
  };

/** Actions introduced by a keyword (the else-if chain of parse_action). */
const KEYWORD_ACTIONS: Record<string, Parser> = {
  next: parseNext,
  push: (ps, out) => parsePushPop(ps, out, 'push'),
  pop: (ps, out) => parsePushPop(ps, out, 'pop'),
  output: simple('output'),
  'ip.ttl': (ps, out) => {
    ps.lexer.forceMatch('DECREMENT');
    out.push({ type: 'dec_ttl' });
    ps.prereqs.push('ip');
  },
  ct_next: (ps, out) => {
    if (ps.table >= ps.nTables) {
      ps.error('"ct_next" action not allowed in last table.');
      return;
    }
    ps.prereqs.push('ip');
    out.push({ type: 'ct_next', table: ps.table + 1 });
  },
  ct_commit: parseCtCommit,
  ct_dnat: (ps, out) => parseCtNat(ps, out, 'ct_dnat'),
  ct_snat: (ps, out) => parseCtNat(ps, out, 'ct_snat'),
  ct_dnat_in_czone: (ps, out) => parseCtNat(ps, out, 'ct_dnat_in_czone'),
  ct_snat_in_czone: (ps, out) => parseCtNat(ps, out, 'ct_snat_in_czone'),
  ct_lb: (ps, out) => parseCtLb(ps, out, 'ct_lb'),
  ct_lb_mark: (ps, out) => parseCtLb(ps, out, 'ct_lb_mark'),
  ct_clear: simple('ct_clear'),
  ct_commit_nat: (ps, out) => {
    ps.prereqs.push('ip');
    if (ps.table >= ps.nTables) {
      ps.error('"ct_commit_related" action not allowed in last table.');
      return;
    }
    out.push({ type: 'ct_commit_nat', table: ps.table + 1 });
  },
  clone: nested('clone', undefined, WR_DEFAULT),
  arp: nested('arp', 'ip4'),
  icmp4: nested('icmp4', 'ip4'),
  icmp4_error: nested('icmp4_error', 'ip4'),
  icmp6: nested('icmp6', 'ip6'),
  icmp6_error: nested('icmp6_error', 'ip6'),
  igmp: simple('igmp'),
  tcp_reset: nested('tcp_reset', 'tcp'),
  sctp_abort: nested('sctp_abort', 'sctp'),
  nd_na: nested('nd_na', 'nd_ns'),
  nd_na_router: nested('nd_na_router', 'nd_ns'),
  nd_ns: nested('nd_ns', 'ip6'),
  get_arp: (ps, out) => parseGetMacBind(ps, out, 'get_arp', 32),
  put_arp: (ps, out) => parsePutMacBind(ps, out, 'put_arp', 32),
  get_nd: (ps, out) => parseGetMacBind(ps, out, 'get_nd', 128),
  put_nd: (ps, out) => parsePutMacBind(ps, out, 'put_nd', 128),
  set_queue: parseSetQueue,
  log: parseLog,
  set_meter: parseSetMeter,
  trigger_event: parseTriggerEvent,
  bind_vport: parseBindVport,
  handle_svc_check: (ps, out) => {
    if (!ps.lexer.forceMatch('LPAREN')) return;
    const port = ps.parseTypedField(0, false);
    ps.lexer.forceMatch('RPAREN');
    if (port) out.push({ type: 'handle_svc_check', port });
  },
  fwd_group: parseFwdGroup,
  handle_dhcpv6_reply: simple('handle_dhcpv6_reply'),
  handle_bfd_msg: (ps, out) => {
    if (!ps.lexer.forceMatch('LPAREN')) return;
    out.push({ type: 'handle_bfd_msg' });
    ps.lexer.forceMatch('RPAREN');
  },
  reject: nested('reject', undefined),
  ct_snat_to_vip: simple('ct_snat_to_vip'),
  put_fdb: (ps, out) => {
    const lx = ps.lexer;
    lx.forceMatch('LPAREN');
    const port = ps.parseTypedField(0, false);
    lx.forceMatch('COMMA');
    const mac = ps.parseTypedField(48, false);
    lx.forceMatch('RPAREN');
    if (port && mac) out.push({ type: 'put_fdb', port, mac });
  },
  commit_ecmp_nh: parseCommitEcmpNh,
  commit_lb_aff: parseCommitLbAff,
  sample: parseSample,
};

/** parse_action: one action and its `;`. Returns false once an error is recorded. */
function parseAction(ps: ParseState, out: Action[]): boolean {
  const lx = ps.lexer;
  if (lx.token.type === 'TEMPLATE') {
    ps.error('Unexpanded template.');
    return false;
  }
  if (lx.token.type !== 'ID') {
    lx.syntaxError();
    return false;
  }
  const ahead = lx.lookahead().type;
  const keyword = lx.token.s ?? '';
  const parser = Object.hasOwn(KEYWORD_ACTIONS, keyword) ? KEYWORD_ACTIONS[keyword] : undefined;
  if (ahead === 'EQUALS' || ahead === 'EXCHANGE' || ahead === 'LSQUARE') {
    parseSetAction(ps, out);
  } else if (parser) {
    lx.get();
    parser(ps, out);
  } else {
    lx.syntaxError('expecting action');
  }
  lx.forceMatch('SEMICOLON');
  return !ps.failed;
}

/**
 * parse_nested_action: `{ actions }`. With a prerequisite, the inner actions' own prerequisites are
 * dropped and `prereq` is required instead; without one (clone, reject) they add to the outer ones.
 */
function parseNested(ps: ParseState, scope: number, prereq: string | undefined): Action[] | undefined {
  if (!ps.lexer.forceMatch('LCURLY')) return undefined;
  if (ps.depth + 1 === MAX_NESTED_ACTION_DEPTH) {
    ps.error('maximum depth of nested actions reached');
    return undefined;
  }
  const outer = { depth: ps.depth, scope: ps.scope, prereqs: ps.prereqs };
  ps.depth++;
  ps.scope = scope;
  ps.prereqs = [];
  const inner = parseActionList(ps, 'RCURLY');
  ps.prereqs = prereq ? [...outer.prereqs, prereq] : [...ps.prereqs, ...outer.prereqs];
  ps.depth = outer.depth;
  ps.scope = outer.scope;
  return ps.failed ? undefined : inner;
}

export { parseNested };

function parseNext(ps: ParseState, out: Action[]): void {
  const lx = ps.lexer;
  let pipeline = ps.pipeline;
  let table = ps.table + 1;
  if (lx.match('LPAREN')) {
    if (lx.isInt()) {
      table = lx.getInt() ?? table;
    } else {
      do {
        if (lx.matchId('pipeline')) {
          if (!lx.forceMatch('EQUALS')) return;
          if (lx.matchId('ingress')) pipeline = 'ingress';
          else if (lx.matchId('egress')) pipeline = 'egress';
          else {
            lx.syntaxError('expecting "ingress" or "egress"');
            return;
          }
        } else if (lx.matchId('table')) {
          if (!lx.forceMatch('EQUALS')) return;
          const t = lx.forceInt();
          if (t === undefined) return;
          table = t;
        } else {
          lx.syntaxError('expecting "pipeline" or "table"');
          return;
        }
      } while (lx.match('COMMA'));
    }
    if (!lx.forceMatch('RPAREN')) return;
  }
  if (table >= ps.nTables) {
    ps.error(`"next" action cannot advance beyond table ${ps.nTables - 1}.`);
    return;
  }
  out.push({ type: 'next', pipeline, table, srcPipeline: ps.pipeline, srcTable: ps.table });
}

function parsePushPop(ps: ParseState, out: Action[], type: 'push' | 'pop'): void {
  ps.lexer.forceMatch('LPAREN');
  const field = ps.parseField();
  if (!field || !ps.typeCheck(field, field.nBits, type === 'pop')) return;
  ps.lexer.forceMatch('RPAREN');
  out.push({ type, field });
}

function parseGetMacBind(ps: ParseState, out: Action[], type: 'get_arp' | 'get_nd', width: number): void {
  const lx = ps.lexer;
  lx.forceMatch('LPAREN');
  const port = ps.parseTypedField(0, false);
  lx.forceMatch('COMMA');
  const ip = ps.parseTypedField(width, false);
  lx.forceMatch('RPAREN');
  if (port && ip) out.push({ type, port, ip });
}

function parsePutMacBind(ps: ParseState, out: Action[], type: 'put_arp' | 'put_nd', width: number): void {
  const lx = ps.lexer;
  lx.forceMatch('LPAREN');
  const port = ps.parseTypedField(0, false);
  lx.forceMatch('COMMA');
  const ip = ps.parseTypedField(width, false);
  lx.forceMatch('COMMA');
  const mac = ps.parseTypedField(48, false);
  lx.forceMatch('RPAREN');
  if (port && ip && mac) out.push({ type, port, ip, mac });
}
