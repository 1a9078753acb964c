// Parsers of the controller and bookkeeping actions (lib/actions.c v23.03.1): log, set_queue, set_meter,
// bind_vport, fwd_group, check_pkt_larger, commit_ecmp_nh, commit_lb_aff and sample.
import { parseIPv4, parseIPv6 } from '../packet/addresses.ts';
import type { Action, FieldRef, IpAddress, LogSeverity } from './ast.ts';
import type { ParseState } from './parse-state.ts';

const SEVERITIES: readonly LogSeverity[] = ['alert', 'warning', 'notice', 'info', 'debug'];

export function parseLog(ps: ParseState, out: Action[]): void {
  const lx = ps.lexer;
  let name: string | undefined;
  let meter: string | undefined;
  let verdict: 'allow' | 'drop' | 'reject' | undefined;
  let severity: LogSeverity = 'info';
  const stringArg = (): string | undefined => {
    if (!lx.forceMatch('EQUALS')) return undefined;
    if (lx.token.type !== 'STRING') {
      lx.syntaxError('expecting string');
      return undefined;
    }
    return lx.token.s ?? '';
  };
  if (lx.match('LPAREN')) {
    while (!lx.match('RPAREN')) {
      if (lx.matchId('verdict')) {
        if (!lx.forceMatch('EQUALS')) return;
        if (lx.matchId('drop')) verdict = 'drop';
        else if (lx.matchId('reject')) verdict = 'reject';
        else if (lx.matchId('allow')) verdict = 'allow';
        else return lx.syntaxError('unknown verdict');
      } else if (lx.matchId('name')) {
        const s = stringArg();
        if (s === undefined) return;
        // The name travels in datapath actions, hence OVN's limit.
        if (new TextEncoder().encode(s).length >= 64) return lx.syntaxError('name must be shorter than 64 characters');
        name = s;
        lx.get();
      } else if (lx.matchId('severity')) {
        if (!lx.forceMatch('EQUALS')) return;
        if (lx.token.type === 'ID') {
          const found = SEVERITIES.find((s) => s === lx.token.s);
          if (!found) return lx.syntaxError('unknown severity');
          severity = found;
          lx.get();
        } else return lx.syntaxError('expecting severity');
      } else if (lx.matchId('meter')) {
        const s = stringArg();
        if (s === undefined) return;
        meter = s;
        lx.get();
      } else {
        return lx.syntaxError();
      }
      lx.match('COMMA');
    }
  }
  if (!verdict) return lx.syntaxError('expecting verdict');
  const action: Action = { type: 'log', verdict, severity };
  if (name !== undefined) action.name = name;
  if (meter !== undefined) action.meter = meter;
  out.push(action);
}

export function parseSetQueue(ps: ParseState, out: Action[]): void {
  const lx = ps.lexer;
  if (!lx.forceMatch('LPAREN')) return;
  const queueId = lx.getInt();
  if (queueId === undefined) return;
  if (!lx.forceMatch('RPAREN')) return;
  if (queueId > 0xf000) {
    ps.error(`Queue ID ${queueId} for set_queue is not in valid range 0 to 61440.`);
    return;
  }
  out.push({ type: 'set_queue', queueId });
}

export function parseSetMeter(ps: ParseState, out: Action[]): void {
  const lx = ps.lexer;
  let rate = 0n;
  let burst = 0n;
  const decimal = () => (lx.token.type === 'INTEGER' && lx.token.format === 'decimal' ? (lx.token.value ?? 0n) : 0n);
  lx.forceMatch('LPAREN');
  rate = decimal();
  lx.get();
  if (lx.match('COMMA')) {
    burst = decimal();
    lx.get();
  }
  lx.forceMatch('RPAREN');
  if (!rate) {
    ps.error(`Rate ${rate} for set_meter is not in valid.`);
    return;
  }
  out.push({ type: 'set_meter', rate, burst });
}

export function parseBindVport(ps: ParseState, out: Action[]): void {
  const lx = ps.lexer;
  if (!lx.forceMatch('LPAREN')) return;
  if (lx.token.type !== 'STRING') return lx.syntaxError('expecting port name string');
  const vport = lx.token.s ?? '';
  lx.get();
  if (!lx.forceMatch('COMMA')) return;
  const parent = ps.parseTypedField(0, false);
  if (!parent || !lx.forceMatch('RPAREN')) return;
  out.push({ type: 'bind_vport', vport, parent });
}

export function parseFwdGroup(ps: ParseState, out: Action[]): void {
  const lx = ps.lexer;
  let liveness = false;
  const childPorts: string[] = [];
  if (lx.match('LPAREN')) {
    if (lx.matchId('liveness')) {
      if (!lx.forceMatch('EQUALS')) return;
      if (lx.matchString('true') || lx.matchId('true')) liveness = true;
      else if (lx.matchString('false') || lx.matchId('false')) liveness = false;
      else return lx.syntaxError('expecting true or false');
      lx.forceMatch('COMMA');
    }
    if (lx.matchId('childports')) {
      if (!lx.forceMatch('EQUALS')) return;
      while (!lx.match('RPAREN')) {
        if (lx.token.type !== 'STRING') return lx.syntaxError('expecting logical switch port');
        childPorts.push(lx.token.s ?? '');
        lx.get();
        lx.match('COMMA');
      }
    }
  }
  out.push({ type: 'fwd_group', liveness, childPorts, table: ps.table + 1 });
}

export function parseCheckPktLarger(ps: ParseState, out: Action[], dst: FieldRef): void {
  const lx = ps.lexer;
  if (!ps.typeCheck(dst, 1, true)) return;
  lx.get();
  if (!lx.forceMatch('LPAREN')) return;
  const len = lx.getInt();
  if (len === undefined || !lx.forceMatch('RPAREN')) return;
  out.push({ type: 'check_pkt_larger', dst, pktLen: len & 0xffff });
}

function parseProto(ps: ParseState): 'tcp' | 'udp' | 'sctp' | undefined {
  const lx = ps.lexer;
  for (const p of ['tcp', 'udp', 'sctp'] as const) if (lx.matchId(p)) return p;
  lx.syntaxError('invalid protocol');
  return undefined;
}

/** `NAME =` as commit_ecmp_nh and commit_lb_aff expect it; both report "invalid parameter". */
function namedParam(ps: ParseState, name: string): boolean {
  const lx = ps.lexer;
  if (!lx.matchId(name)) {
    lx.syntaxError('invalid parameter');
    return false;
  }
  if (!lx.forceMatch('EQUALS')) return false;
  return true;
}

export function parseCommitEcmpNh(ps: ParseState, out: Action[]): void {
  const lx = ps.lexer;
  lx.forceMatch('LPAREN');
  if (!namedParam(ps, 'ipv6')) return;
  let ipv6: boolean;
  if (lx.matchString('true') || lx.matchId('true')) ipv6 = true;
  else if (lx.matchString('false') || lx.matchId('false')) ipv6 = false;
  else return lx.syntaxError('expecting true or false');
  lx.forceMatch('COMMA');
  if (!namedParam(ps, 'proto')) return;
  const proto = parseProto(ps);
  if (!proto) return;
  lx.forceMatch('RPAREN');
  out.push({ type: 'commit_ecmp_nh', ipv6, proto });
}

/** ip_address_and_port_from_lb_key: "IP", "IP:PORT" or "[IPv6]:PORT". */
export function parseLbKey(key: string): { ip: IpAddress; port: number } | undefined {
  let host = key;
  let port: string | undefined;
  const bracket = /^\[([^\]]*)\](?::(.*))?$/.exec(key);
  if (bracket) {
    host = bracket[1];
    port = bracket[2];
  } else if ((key.match(/:/g) ?? []).length === 1) {
    [host, port] = key.split(':');
  }
  let portNumber = 0;
  if (port !== undefined && port !== '') {
    if (!/^[0-9]+$/.test(port) || Number(port) > 65535) return undefined;
    portNumber = Number(port);
  }
  const v4 = parseIPv4(host);
  if (v4 !== undefined) return { ip: { family: 4, value: v4 }, port: portNumber };
  const v6 = parseIPv6(host);
  if (v6 !== undefined) return { ip: { family: 6, value: v6 }, port: portNumber };
  return undefined;
}

export function parseCommitLbAff(ps: ParseState, out: Action[]): void {
  const lx = ps.lexer;
  lx.forceMatch('LPAREN');
  const address = (): { ip: IpAddress; port: number } | undefined => {
    if (lx.token.type !== 'STRING') {
      lx.syntaxError('invalid parameter');
      return undefined;
    }
    const key = parseLbKey(lx.token.s ?? '');
    if (!key) lx.syntaxError('invalid parameter');
    return key;
  };
  if (!namedParam(ps, 'vip')) return;
  const vip = address();
  if (!vip) return;
  lx.get();
  lx.forceMatch('COMMA');
  if (!namedParam(ps, 'backend')) return;
  const backend = address();
  if (!backend) return;
  if (backend.ip.family !== vip.ip.family) return lx.syntaxError('invalid protocol family');
  lx.get();
  lx.forceMatch('COMMA');
  let proto: 'tcp' | 'udp' | 'sctp' | undefined;
  if (vip.port) {
    if (!namedParam(ps, 'proto')) return;
    proto = parseProto(ps);
    if (!proto) return;
    lx.forceMatch('COMMA');
  }
  if (!namedParam(ps, 'timeout')) return;
  const timeout = ps.parseUint16('affinity timeout');
  if (timeout === undefined) return;
  lx.forceMatch('RPAREN');
  const action: Action = {
    type: 'commit_lb_aff',
    vip: vip.ip,
    vipPort: vip.port,
    backend: backend.ip,
    backendPort: backend.port,
    timeout,
  };
  if (proto) action.proto = proto;
  out.push(action);
}

export function parseSample(ps: ParseState, out: Action[]): void {
  const lx = ps.lexer;
  let probability = 0;
  let collectorSet = 0;
  let obsDomain = 0;
  let obsPoint: number | 'cookie' = 0;
  const decimal = () => lx.token.type === 'INTEGER' && lx.token.format === 'decimal';
  if (lx.match('LPAREN')) {
    while (!lx.match('RPAREN')) {
      if (lx.matchId('probability')) {
        if (!lx.forceMatch('EQUALS')) return;
        if (decimal()) {
          const p = ps.parseUint16('probability');
          if (p === undefined) return;
          probability = p;
        }
      } else if (lx.matchId('obs_point')) {
        if (!lx.forceMatch('EQUALS')) return;
        if (lx.token.type === 'MACRO' && lx.token.s === 'cookie') {
          obsPoint = 'cookie';
          lx.get();
        } else if (decimal()) {
          obsPoint = Number(BigInt.asUintN(32, lx.token.value ?? 0n));
          lx.get();
        } else return lx.syntaxError('malformed sample observation_point_id');
      } else if (lx.matchId('obs_domain')) {
        if (!lx.forceMatch('EQUALS')) return;
        if (decimal()) {
          const d = BigInt.asUintN(32, lx.token.value ?? 0n);
          if (d > 255n) return lx.syntaxError('obs_domain must be 8-bit long');
          obsDomain = Number(d);
        }
        lx.get();
      } else if (lx.matchId('collector_set')) {
        if (!lx.forceMatch('EQUALS')) return;
        if (decimal()) collectorSet = Number(BigInt.asUintN(32, lx.token.value ?? 0n));
        lx.get();
      } else return lx.syntaxError('unknown argument');
      if (ps.failed) return;
      lx.match('COMMA');
    }
  }
  if (!probability) return ps.error('probability must be greater than zero');
  out.push({ type: 'sample', probability, collectorSet, obsDomain, obsPoint });
}
