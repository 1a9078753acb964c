// Parsers of the conntrack actions (lib/actions.c v23.03.1): ct_commit in its three forms, the NAT
// actions, ct_lb / ct_lb_mark with backends, hash_fields and the snat flags, and select.
import type { Action, FieldRef, LbBackend, NatActionType } from './ast.ts';
import { parseNested } from './parser.ts';
import { ParseState, WR_CT_COMMIT } from './parse-state.ts';

/** ct_commit { … }, ct_commit(ct_mark=…, ct_label=…) (the old form) or a bare ct_commit. */
export function parseCtCommit(ps: ParseState, out: Action[]): void {
  const lx = ps.lexer;
  if (lx.token.type === 'LCURLY') {
    const nested = parseNested(ps, WR_CT_COMMIT, 'ip');
    if (nested) out.push({ type: 'ct_commit', nested });
  } else if (lx.token.type === 'LPAREN') {
    ps.prereqs.push('ip');
    parseCtCommitV1(ps, out);
  } else {
    ps.prereqs.push('ip');
    out.push({ type: 'ct_commit', nested: [] });
  }
}

function parseCtCommitV1(ps: ParseState, out: Action[]): void {
  const lx = ps.lexer;
  const action: Extract<Action, { type: 'ct_commit_v1' }> = { type: 'ct_commit_v1' };
  // The action exists (with what was parsed so far) even when an argument is bad, as in OVN.
  out.push(action);
  if (!lx.match('LPAREN')) return;
  while (!lx.match('RPAREN')) {
    const isMark = lx.matchId('ct_mark');
    if (isMark || lx.matchId('ct_label')) {
      if (!lx.forceMatch('EQUALS')) return;
      const t = lx.token;
      const full = isMark ? 0xffffffffn : (1n << 128n) - 1n;
      const keep = (v: bigint | undefined) => (isMark ? BigInt.asUintN(32, v ?? 0n) : BigInt.asUintN(128, v ?? 0n));
      let slot: { value: bigint; mask: bigint };
      if (t.type === 'INTEGER') slot = { value: keep(t.value), mask: full };
      else if (t.type === 'MASKED_INTEGER') slot = { value: keep(t.value), mask: keep(t.mask) };
      else {
        lx.syntaxError('expecting integer');
        return;
      }
      if (isMark) action.ctMark = slot;
      else action.ctLabel = slot;
      lx.get();
    } else {
      lx.syntaxError();
      return;
    }
    lx.match('COMMA');
  }
}

/** ct_dnat, ct_snat and their _in_czone forms: optional (IP[,PORT[-PORT]]). */
export function parseCtNat(ps: ParseState, out: Action[], type: NatActionType): void {
  const lx = ps.lexer;
  ps.prereqs.push('ip');
  if (ps.table >= ps.nTables) {
    ps.error(`"${type}" action not allowed in last table.`);
    return;
  }
  const action: Extract<Action, { type: NatActionType }> = { type, table: ps.table + 1 };
  out.push(action);
  if (!lx.match('LPAREN')) return;
  const t = lx.token;
  if (t.type !== 'INTEGER' || (t.format !== 'IPv4' && t.format !== 'IPv6')) {
    lx.syntaxError('expecting IPv4 or IPv6 address');
    return;
  }
  action.ip = { family: t.format === 'IPv4' ? 4 : 6, value: t.value ?? 0n };
  lx.get();
  if (lx.match('COMMA')) {
    // OVN reports these and carries on reading, so the first report wins.
    let t2 = lx.token;
    if (t2.type !== 'INTEGER' || t2.format !== 'decimal') lx.syntaxError('expecting Integer for port range');
    const lo = Number(BigInt.asUintN(16, t2.value ?? 0n));
    if (lo === 0) lx.syntaxError("range can't be 0");
    lx.get();
    let hi = 0;
    if (lx.match('HYPHEN')) {
      t2 = lx.token;
      if (t2.type !== 'INTEGER') lx.syntaxError('expecting Integer for port range');
      hi = Number(BigInt.asUintN(16, t2.value ?? 0n));
      if (hi <= lo) lx.syntaxError('range high should be greater than range low');
      lx.get();
    }
    action.portRange = { lo, hi };
  }
  lx.forceMatch('RPAREN');
}

/** ct_lb and ct_lb_mark: (backends=IP[:PORT],…[; hash_fields="…"][; skip_snat|force_snat]). */
export function parseCtLb(ps: ParseState, out: Action[], type: 'ct_lb' | 'ct_lb_mark'): void {
  const lx = ps.lexer;
  if (ps.table >= ps.nTables) {
    ps.error('"ct_lb" action not allowed in last table.');
    return;
  }
  ps.prereqs.push('ip');
  const backends: LbBackend[] = [];
  let hashFields: string | undefined;
  let ctFlag: 'none' | 'skip_snat' | 'force_snat' = 'none';
  if (lx.match('LPAREN') && !lx.match('RPAREN')) {
    if (!lx.matchId('backends') || !lx.forceMatch('EQUALS')) {
      lx.syntaxError('expecting backends');
      return;
    }
    while (!lx.match('SEMICOLON') && !lx.match('RPAREN')) {
      const backend = parseBackend(ps);
      if (!backend) return;
      lx.match('COMMA');
      backends.push(backend);
    }
    if (lx.matchId('hash_fields')) {
      if (!lx.match('EQUALS') || lx.token.type !== 'STRING') {
        lx.syntaxError('invalid hash_fields');
        return;
      }
      hashFields = lx.token.s ?? '';
      lx.get();
      // OVN skips whatever follows if it is not `;` (normally the closing parenthesis).
      if (!lx.match('SEMICOLON')) lx.get();
    }
    if (lx.matchId('skip_snat')) {
      ctFlag = 'skip_snat';
      lx.get();
    } else if (lx.matchId('force_snat')) {
      ctFlag = 'force_snat';
      lx.get();
    }
  }
  const action: Action = { type, backends, ctFlag, table: ps.table + 1 };
  if (hashFields !== undefined) action.hashFields = hashFields;
  out.push(action);
}

function parseBackend(ps: ParseState): LbBackend | undefined {
  const lx = ps.lexer;
  if (lx.match('LSQUARE')) {
    const t = lx.token;
    if (t.type !== 'INTEGER' || t.format !== 'IPv6') {
      lx.syntaxError('expecting IPv6 address');
      return undefined;
    }
    lx.get();
    if (!lx.match('RSQUARE')) {
      lx.syntaxError('no closing square bracket');
      return undefined;
    }
    let port = 0;
    if (lx.match('COLON')) {
      const p = ps.parseUint16('port number');
      if (p === undefined) return undefined;
      port = p;
    }
    return { family: 6, value: t.value ?? 0n, port };
  }
  const t = lx.token;
  if (t.type !== 'INTEGER' || (t.format !== 'IPv4' && t.format !== 'IPv6')) {
    lx.syntaxError('expecting IP address');
    return undefined;
  }
  const family = t.format === 'IPv4' ? 4 : 6;
  lx.get();
  let port = 0;
  if (lx.match('COLON')) {
    if (family === 6) {
      lx.syntaxError('IPv6 address needs square brackets if port is included');
      return undefined;
    }
    const p = ps.parseUint16('port number');
    if (p === undefined) return undefined;
    port = p;
  }
  return { family, value: t.value ?? 0n, port };
}

/** `dst = select(id[=weight], …)`: picks a member for ECMP and LB groups. */
export function parseSelect(ps: ParseState, out: Action[], dst: FieldRef): void {
  const lx = ps.lexer;
  if (!ps.typeCheck(dst, dst.nBits, true)) return;
  if (dst.nBits < 16) {
    ps.error(
      `cannot use ${dst.nBits}-bit field ${dst.symbol}[${dst.ofs}..${dst.ofs + dst.nBits - 1}] ` +
        'for "select", which requires at least 16 bits.',
    );
    return;
  }
  if (ps.table >= ps.nTables) {
    ps.error('"select" action not allowed in last table.');
    return;
  }
  lx.get();
  lx.get();
  const members: { id: number; weight: number }[] = [];
  while (!lx.match('RPAREN')) {
    const id = ps.parseUint16('id');
    if (id === undefined) return;
    let weight = 0;
    if (lx.match('EQUALS')) {
      const w = ps.parseUint16('weight');
      if (w === undefined) return;
      weight = w;
      if (weight === 0) lx.syntaxError("weight can't be 0");
    }
    if (weight === 0) weight = 100;
    lx.match('COMMA');
    members.push({ id, weight });
  }
  if (members.length <= 1) {
    lx.syntaxError('expecting at least 2 group members');
    return;
  }
  out.push({ type: 'select', dst, members, table: ps.table + 1 });
}
