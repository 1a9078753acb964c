// ovn-nbctl static routes and routing policies (lr-route-*, lr-policy-*), with 23.03's prefix
// normalisation, ordering and column layout.
import { formatIPv4, formatIPv6, parseIPv4, parseIPv6, prefixMask } from '../../packet/addresses.ts';
import type { AnyRow } from '../../nb/txn.ts';
import { isUuid } from '../../nb/datum.ts';
import {
  addToSet,
  current,
  fatal,
  hasOpt,
  lrByNameOrUuid,
  lrpByNameOrUuid,
  print,
  removeFromSet,
  type CmdContext,
} from './context.ts';
import { parsePriority } from './lr.ts';
import type { CommandSpec } from './spec.ts';

interface ParsedPrefix {
  v6: boolean;
  addr: bigint;
  plen: number;
}

/** ovs_scan's "%hhu.%hhu.%hhu.%hhu": decimal octets that wrap at 256, as ip_parse_cidr reads them. */
function scanIPv4(s: string): bigint | undefined {
  const m = s.match(/^\s*\+?(\d+)\.\+?(\d+)\.\+?(\d+)\.\+?(\d+)$/);
  if (!m) return undefined;
  return m.slice(1).reduce((acc, o) => (acc << 8n) | BigInt(Number(o) & 255), 0n);
}

/** ip_parse_cidr then ipv6_parse_cidr: address and prefix length (host bits kept). */
export function parsePrefix(s: string): ParsedPrefix | undefined {
  const [ip, len, extra] = s.split('/');
  if (extra !== undefined) return undefined;
  const v4 = scanIPv4(ip);
  const v6 = v4 === undefined ? parseIPv6(ip) : undefined;
  if (v4 === undefined && v6 === undefined) return undefined;
  const max = v4 !== undefined ? 32 : 128;
  if (len !== undefined && (!/^\d+$/.test(len) || Number(len) > max)) return undefined;
  return { v6: v4 === undefined, addr: (v4 ?? v6) as bigint, plen: len === undefined ? max : Number(len) };
}

/** normalize_ipv4_prefix / normalize_ipv6_prefix: host bits cleared, "/plen" dropped for a host. */
function normalize(p: ParsedPrefix): string {
  const width = p.v6 ? 128 : 32;
  const net = p.addr & prefixMask(p.plen, width);
  const text = p.v6 ? formatIPv6(net) : formatIPv4(net);
  return p.plen === width ? text : `${text}/${p.plen}`;
}

export function normalizePrefixStr(s: string): string | undefined {
  const p = parsePrefix(s);
  return p ? normalize(p) : undefined;
}

/** normalize_ipv4_addr_str / normalize_ipv6_addr_str: inet_pton, strict; `v6` picks one family. */
export function normalizeAddr(s: string, v6?: boolean): string | undefined {
  if (v6 !== true) {
    const a = parseIPv4(s);
    if (a !== undefined) return formatIPv4(a);
    if (v6 === false) return undefined;
  }
  const b = parseIPv6(s);
  return b === undefined ? undefined : formatIPv6(b);
}

const strcmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const isSrc = (r: AnyRow): boolean => r.policy === 'src-ip';

function routes(ctx: CmdContext, lr: AnyRow): AnyRow[] {
  return (current(ctx, 'Logical_Router', lr).static_routes as string[])
    .map((u) => ctx.txn.deref('Logical_Router_Static_Route', u) as AnyRow)
    .filter(Boolean);
}

function findRoute(
  ctx: CmdContext,
  lr: AnyRow,
  prefix: string,
  nexthop: string,
  src: boolean,
  ecmp: boolean,
  table: string,
): AnyRow | undefined {
  return routes(ctx, lr).find(
    (r) =>
      r.route_table === table &&
      isSrc(r) === src &&
      normalizePrefixStr(String(r.ip_prefix)) === prefix &&
      (!ecmp || r.nexthop === nexthop),
  );
}

function routeAdd(ctx: CmdContext): void {
  const lr = lrByNameOrUuid(ctx, ctx.argv[1]) as AnyRow;
  const policy = ctx.options.get('--policy');
  if (policy !== undefined && policy !== 'src-ip' && policy !== 'dst-ip') fatal(`bad policy: ${policy}`);
  const src = policy === 'src-ip';
  const table = ctx.options.get('--route-table');
  const p = parsePrefix(ctx.argv[2]);
  if (!p) fatal(`bad prefix argument: ${ctx.argv[2]}`);
  const prefix = normalize(p as ParsedPrefix);
  const v6 = (p as ParsedPrefix).v6;
  const discard = ctx.argv[3] === 'discard';
  let nexthop: string;
  let outPort: AnyRow | undefined;
  if (discard) nexthop = 'discard';
  else {
    const n = normalizeAddr(ctx.argv[3], v6);
    if (n === undefined) {
      outPort = lrpByNameOrUuid(ctx, ctx.argv[3], false);
      if (!outPort) fatal(`bad ${v6 ? 'IPv6' : 'IPv4'} nexthop argument: ${ctx.argv[3]}`);
      nexthop = '';
    } else nexthop = n;
  }
  if (ctx.argv.length === 5) outPort = lrpByNameOrUuid(ctx, ctx.argv[4]);
  const bfd = ctx.options.has('--bfd') ? bfdFor(ctx, nexthop, outPort) : undefined;
  const symmetric = hasOpt(ctx, '--ecmp-symmetric-reply');
  const ecmp = hasOpt(ctx, '--ecmp') || symmetric;
  const existing = findRoute(ctx, lr, prefix, nexthop, src, ecmp, table ?? '');
  if (discard) {
    if (ecmp) fatal('ecmp is not valid for discard routes.');
    if (hasOpt(ctx, '--bfd')) fatal('bfd dst_ip cannot be discard.');
    if (outPort) fatal('outport is not valid for discard routes.');
  }
  if (!ecmp) {
    if (existing && !(existing.external_ids as Record<string, string>)['ic-learned-route']) {
      if (!hasOpt(ctx, '--may-exist'))
        fatal(
          `duplicate prefix: ${prefix} (policy: ${src ? 'src-ip' : 'dst-ip'}). Use option --ecmp to allow this for ECMP routing.`,
        );
      const changes: Record<string, unknown> = { ip_prefix: prefix, nexthop };
      if (outPort) changes.output_port = outPort.name;
      if (policy !== undefined) changes.policy = policy;
      if (bfd) changes.bfd = bfd.row(outPort);
      ctx.txn.update('Logical_Router_Static_Route', existing._uuid, changes);
      return;
    }
  } else if (existing) {
    if (!hasOpt(ctx, '--may-exist')) fatal('duplicate nexthop for the same ECMP route');
    return;
  }
  if (findRoute(ctx, lr, prefix, 'discard', src, true, table ?? ''))
    fatal('discard nexthop for the same ECMP route exists.');
  const values: Record<string, unknown> = { ip_prefix: prefix, nexthop };
  if (outPort) values.output_port = outPort.name;
  if (policy !== undefined) values.policy = policy;
  if (table !== undefined) values.route_table = table;
  if (symmetric) values.options = { ecmp_symmetric_reply: 'true' };
  const route = ctx.txn.insert('Logical_Router_Static_Route', values);
  addToSet(ctx, 'Logical_Router', lr, 'static_routes', route._uuid);
  if (bfd) ctx.txn.update('Logical_Router_Static_Route', route._uuid, { bfd: bfd.row(outPort) });
}

/** `--bfd[=UUID]`: the BFD row named, or one already watching NEXTHOP (through the output port);
 * failing that a new one is made, which needs an output port. */
function bfdFor(
  ctx: CmdContext,
  nexthop: string,
  outPort: AnyRow | undefined,
): { row: (out: AnyRow | undefined) => string } {
  const named = ctx.options.get('--bfd');
  let found: AnyRow | undefined;
  if (named) {
    found = isUuid(named) ? ctx.txn.rows('BFD').get(named) : undefined;
    if (!found) fatal('no entry found in the BFD table');
  } else
    found = [...ctx.txn.rows('BFD').values()].find(
      (b) => b.dst_ip === nexthop && (!outPort || b.logical_port === outPort.name),
    );
  return {
    row: (out) => {
      if (found) return found._uuid;
      if (!out) return fatal('insert entry in the BFD table failed');
      found = ctx.txn.insert('BFD', { dst_ip: nexthop, logical_port: out.name });
      return found._uuid;
    },
  };
}

function routeDel(ctx: CmdContext): void {
  const lr = lrByNameOrUuid(ctx, ctx.argv[1]) as AnyRow;
  const table = ctx.options.get('--route-table');
  const policy = ctx.options.get('--policy');
  if (policy !== undefined && policy !== 'src-ip' && policy !== 'dst-ip') fatal(`bad policy: ${policy}`);
  if (ctx.argv.length === 2 && policy === undefined) {
    ctx.txn.update('Logical_Router', lr._uuid, { static_routes: [] });
    return;
  }
  let prefix: string | undefined;
  if (ctx.argv.length >= 3) {
    prefix = normalizePrefixStr(ctx.argv[2]);
    if (!prefix) fatal(`bad prefix argument: ${ctx.argv[2]}`);
  }
  let nexthop: string | undefined;
  if (ctx.argv.length >= 4) {
    nexthop = ctx.argv[3] === 'discard' ? 'discard' : normalizePrefixStr(ctx.argv[3]);
    if (!nexthop) fatal(`bad nexthop argument: ${ctx.argv[3]}`);
  }
  const outPort = ctx.argv[4];
  let removed = 0;
  for (const r of routes(ctx, lr)) {
    if (policy !== undefined && isSrc(r) !== (policy === 'src-ip')) continue;
    if (prefix !== undefined && normalizePrefixStr(String(r.ip_prefix)) !== prefix) continue;
    if (nexthop !== undefined) {
      const rn = r.nexthop === 'discard' ? 'discard' : normalizePrefixStr(String(r.nexthop));
      if (rn !== nexthop) continue;
    }
    if (r.route_table !== (table ?? '')) continue;
    if (outPort !== undefined && r.output_port !== outPort) continue;
    if (r.bfd !== undefined) ctx.txn.delete('BFD', String(r.bfd));
    removeFromSet(ctx, 'Logical_Router', lr, 'static_routes', r._uuid);
    removed++;
  }
  if (!removed && !hasOpt(ctx, '--if-exists'))
    fatal(
      `no matching route: policy '${policy ?? 'any'}', prefix '${prefix ?? '(null)'}', nexthop '${nexthop ?? 'any'}', output_port '${outPort ?? 'any'}'.`,
    );
}

interface SortableRoute {
  priority: number;
  addr: bigint;
  route: AnyRow;
}

function routeKeyCmp(a: SortableRoute, b: SortableRoute): number {
  const t = strcmp(String(a.route.route_table), String(b.route.route_table));
  if (t) return t;
  if (a.priority !== b.priority) return a.priority > b.priority ? -1 : 1;
  if (a.addr !== b.addr) return a.addr < b.addr ? -1 : 1;
  return 0;
}

function routeDetailsCmp(a: AnyRow, b: AnyRow): number {
  const n = strcmp(String(a.nexthop), String(b.nexthop));
  if (n) return n;
  if (a.output_port !== undefined && b.output_port !== undefined)
    return strcmp(String(a.output_port), String(b.output_port));
  if (a.output_port === undefined && b.output_port === undefined) return 0;
  return a.output_port !== undefined ? 1 : -1;
}

function printRoute(r: AnyRow, ecmp: boolean): string {
  const prefix = normalizePrefixStr(String(r.ip_prefix)) ?? '';
  const nh = r.nexthop === 'discard' ? 'discard' : r.nexthop ? (normalizePrefixStr(String(r.nexthop)) ?? '') : '';
  let s = `${prefix.padStart(25)} ${nh.padStart(25)} ${r.policy !== undefined ? String(r.policy) : 'dst-ip'}`;
  if (r.output_port !== undefined) s += ` ${String(r.output_port)}`;
  if ((r.external_ids as Record<string, string>)['ic-learned-route'] !== undefined) s += ' (learned)';
  if (ecmp) s += ' ecmp';
  if ((r.options as Record<string, string>).ecmp_symmetric_reply === 'true') s += ' ecmp-symmetric-reply';
  if (r.bfd !== undefined) s += ' bfd';
  return s + '\n';
}

function routeList(ctx: CmdContext): void {
  const lr = lrByNameOrUuid(ctx, ctx.argv[1]) as AnyRow;
  const table = ctx.options.get('--route-table');
  const v4: SortableRoute[] = [];
  const v6: SortableRoute[] = [];
  for (const r of routes(ctx, lr)) {
    if (table !== undefined && r.route_table !== table) continue;
    const p = parsePrefix(String(r.ip_prefix));
    if (!p) continue;
    const dst = (r.policy ?? 'dst-ip') === 'dst-ip';
    (p.v6 ? v6 : v4).push({ priority: dst ? 2 * p.plen + 1 : 2 * p.plen, addr: p.addr, route: r });
  }
  let out = '';
  const emit = (list: SortableRoute[], title: string): void => {
    list.sort((a, b) => routeKeyCmp(a, b) || routeDetailsCmp(a.route, b.route));
    if (list.length) out += `${title === 'IPv6 Routes' && v4.length ? '\n' : ''}${title}\n`;
    list.forEach((r, i) => {
      const ecmp =
        (i < list.length - 1 && routeKeyCmp(r, list[i + 1]) === 0) || (i > 0 && routeKeyCmp(r, list[i - 1]) === 0);
      if (i === 0 || r.route.route_table !== list[i - 1].route.route_table)
        out += `${i ? '\n' : ''}Route Table ${r.route.route_table ? String(r.route.route_table) : '<main>'}:\n`;
      out += printRoute(r.route, ecmp);
    });
  };
  emit(v4, 'IPv4 Routes');
  emit(v6, 'IPv6 Routes');
  print(ctx, out);
}

function policies(ctx: CmdContext, lr: AnyRow): AnyRow[] {
  return (current(ctx, 'Logical_Router', lr).policies as string[])
    .map((u) => ctx.txn.deref('Logical_Router_Policy', u) as AnyRow)
    .filter(Boolean);
}

function policyAdd(ctx: CmdContext): void {
  const lr = lrByNameOrUuid(ctx, ctx.argv[1]) as AnyRow;
  const priority = parsePriority(ctx.argv[2]);
  const action = ctx.argv[4];
  if (!['allow', 'drop', 'reroute'].includes(action))
    fatal(`${action}: action must be one of "allow", "drop", and "reroute"`);
  const reroute = action === 'reroute';
  if (reroute && ctx.argv.length < 6) fatal('Nexthop is required when action is reroute.');
  for (const p of policies(ctx, lr))
    if (p.priority === priority && p.match === ctx.argv[3]) {
      if (!hasOpt(ctx, '--may-exist'))
        fatal(`Same routing policy already existed on the logical router ${ctx.argv[1]}.`);
      return;
    }
  const nexthops: string[] = [];
  if (reroute) {
    let family: boolean | undefined;
    for (const tok of ctx.argv[5].split(',').filter(Boolean)) {
      const nh = normalizeAddr(tok);
      if (nh === undefined) fatal(`bad next hop argument: ${ctx.argv[5]}`);
      const isV4 = (nh as string).includes('.');
      family ??= isV4;
      if (isV4 !== family) fatal(`bad next hops argument, not in the same addr family : ${ctx.argv[5]}`);
      nexthops.push(nh as string);
    }
  }
  const options: Record<string, string> = {};
  for (const a of ctx.argv.slice(reroute ? 6 : 5)) {
    const i = a.indexOf('=');
    const key = i >= 0 ? a.slice(0, i) : a;
    const value = i >= 0 ? a.slice(i + 1) : '';
    if (!value) fatal(`No value specified for the option : ${key}`);
    if (!(key in options)) options[key] = value;
  }
  const values: Record<string, unknown> = { priority, match: ctx.argv[3], action, options };
  if (reroute) values.nexthops = [...new Set(nexthops)].sort();
  const row = ctx.txn.insert('Logical_Router_Policy', values);
  addToSet(ctx, 'Logical_Router', lr, 'policies', row._uuid);
}

function policyDel(ctx: CmdContext): void {
  const lr = lrByNameOrUuid(ctx, ctx.argv[1]) as AnyRow;
  if (ctx.argv.length === 2) {
    ctx.txn.update('Logical_Router', lr._uuid, { policies: [] });
    return;
  }
  const byUuid = isUuid(ctx.argv[2]) ? ctx.argv[2].toLowerCase() : undefined;
  const priority = byUuid ? 0 : parsePriority(ctx.argv[2]);
  if (ctx.argv.length === 3) {
    if (byUuid) {
      if (!policies(ctx, lr).some((p) => p._uuid === byUuid)) {
        if (!hasOpt(ctx, '--if-exists')) fatal('Logical router policy uuid is not found.');
        return;
      }
      removeFromSet(ctx, 'Logical_Router', lr, 'policies', byUuid);
    } else
      for (const p of policies(ctx, lr))
        if (p.priority === priority) removeFromSet(ctx, 'Logical_Router', lr, 'policies', p._uuid);
    return;
  }
  for (const p of policies(ctx, lr))
    if (p.priority === priority && p.match === ctx.argv[3]) {
      removeFromSet(ctx, 'Logical_Router', lr, 'policies', p._uuid);
      return;
    }
}

function policyList(ctx: CmdContext): void {
  const lr = lrByNameOrUuid(ctx, ctx.argv[1]) as AnyRow;
  const list = policies(ctx, lr).sort((a, b) =>
    a.priority !== b.priority
      ? Number(a.priority) > Number(b.priority)
        ? -1
        : 1
      : strcmp(String(a.match), String(b.match)),
  );
  let out = list.length ? 'Routing Policies\n' : '';
  for (const p of list) {
    out += `${String(p.priority).padStart(10)} ${String(p.match).padStart(50)} ${String(p.action).padStart(15)}`;
    (p.nexthops as string[]).forEach((nh, i) => {
      const n = normalizePrefixStr(nh) ?? '';
      out += i ? `, ${n}` : ` ${n.padStart(25)}`;
    });
    const opts = p.options as Record<string, string>;
    const keys = Object.keys(opts);
    if (keys.length) out += ' '.repeat(15) + keys.map((k) => `${k}=${opts[k]}`).join(',');
    out += '\n';
  }
  print(ctx, out);
}

export const routeCommands: CommandSpec[] = [
  {
    name: 'lr-route-add',
    min: 3,
    max: 4,
    options: '--may-exist,--ecmp,--ecmp-symmetric-reply,--policy=,--route-table=,--bfd?',
    run: routeAdd,
  },
  { name: 'lr-route-del', min: 1, max: 4, options: '--if-exists,--policy=,--route-table=', run: routeDel },
  { name: 'lr-route-list', min: 1, max: 1, options: '--route-table=', run: routeList },
  { name: 'lr-policy-add', min: 4, max: Infinity, options: '--may-exist', run: policyAdd },
  { name: 'lr-policy-del', min: 1, max: 3, options: '--if-exists', run: policyDel },
  { name: 'lr-policy-list', min: 1, max: 1, options: '', run: policyList },
];
