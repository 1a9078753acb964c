// ovn-nbctl load balancer commands (lb-*, ls-lb-*, lr-lb-*), with lib/lb.c's VIP parsing and
// ovn-nbctl's listing layout.
import { formatIPv4, formatIPv6, parseIPv4, parseIPv6 } from '../../packet/addresses.ts';
import type { AnyRow } from '../../nb/txn.ts';
import type { NbTableName } from '../../nb/schema.gen.ts';
import {
  addToSet,
  byNameOrUuid,
  current,
  fatal,
  hasOpt,
  lrByNameOrUuid,
  lsByNameOrUuid,
  print,
  removeFromSet,
  type CmdContext,
} from './context.ts';
import { cfmt } from './cfmt.ts';
import type { CommandSpec } from './spec.ts';

interface IpPort {
  ip: string;
  v6: boolean;
  port?: number;
}

/** ip_address_and_port_from_lb_key: "IP", "IP:PORT", "[IP6]:PORT" or "IP6", normalised. */
function ipPort(s: string): IpPort | undefined {
  let host = s;
  let port: string | undefined;
  const br = s.match(/^\[([^\]]+)\](?::(\d+))?$/);
  if (br) {
    host = br[1];
    port = br[2];
  } else if (s.split(':').length === 2) {
    [host, port] = s.split(':');
  }
  const v4 = parseIPv4(host);
  const v6 = v4 === undefined ? parseIPv6(host) : undefined;
  if (v4 === undefined && v6 === undefined) return undefined;
  if (port !== undefined && (!/^\d+$/.test(port) || Number(port) > 65535)) return undefined;
  const p = port === undefined ? undefined : Number(port);
  return {
    ip: v4 !== undefined ? formatIPv4(v4) : formatIPv6(v6 as bigint),
    v6: v4 === undefined,
    port: p || undefined,
  };
}

function parseVip(vipText: string, backendsText: string): { vip: string; backends: string } {
  const vip = ipPort(vipText);
  if (!vip) fatal(`${vipText}: should be an IP address (or an IP address and a port number with : as a separator).`);
  const v = vip as IpPort;
  const errors: string[] = [];
  const backends: IpPort[] = [];
  for (const tok of backendsText.split(',').filter(Boolean)) {
    const b = ipPort(tok);
    if (!b) {
      errors.push(
        v.port
          ? `${tok}: should be an IP address and a port number with : as a separator`
          : `${tok}: should be an IP address`,
      );
      continue;
    }
    if (b.v6 !== v.v6) {
      errors.push(`${tok}: IP address family is different from VIP ${v.ip}`);
      continue;
    }
    if (v.port && !b.port) {
      errors.push(`${tok}: should be an IP address and a port number with : as a separator`);
      continue;
    }
    if (!v.port && b.port) {
      errors.push(`${tok}: should be an IP address`);
      continue;
    }
    backends.push(b);
  }
  if (errors.length) fatal(errors.join(', ') + '.');
  const brackets = v.v6 && v.port !== undefined;
  const fmt = (x: IpPort): string => (brackets ? `[${x.ip}]` : x.ip) + (x.port ? `:${x.port}` : '');
  return { vip: fmt(v), backends: backends.map(fmt).join(',') };
}

const lbByNameOrUuid = (ctx: CmdContext, id: string, mustExist: boolean): AnyRow | undefined =>
  byNameOrUuid(ctx, 'Load_Balancer', id, mustExist, 'load balancer', { multiple: 'load balancers' });

function lbAdd(ctx: CmdContext): void {
  const [, name, vipText, ips] = ctx.argv;
  const mayExist = hasOpt(ctx, '--may-exist');
  const addDuplicate = hasOpt(ctx, '--add-duplicate');
  const reject = hasOpt(ctx, '--reject');
  const event = hasOpt(ctx, '--event');
  if (event && reject) fatal("--reject and --event can't specified at the same time");
  let proto = 'tcp';
  const updateProto = ctx.argv.length > 4;
  if (updateProto) {
    proto = ctx.argv[4];
    if (!['tcp', 'udp', 'sctp'].includes(proto)) fatal(`${proto}: protocol must be one of "tcp", "udp",  or "sctp".`);
  }
  const { vip, backends } = parseVip(vipText, ips);
  if (updateProto && !/:\d+$/.test(vip)) fatal('Protocol is unnecessary when no port of vip is given.');
  if (!addDuplicate) {
    const lb = lbByNameOrUuid(ctx, name, false);
    if (lb) {
      const vips = { ...(lb.vips as Record<string, string>) };
      if (vip in vips && !mayExist) fatal(`${name}: a load balancer with this vip (${vip}) already exists`);
      vips[vip] = backends;
      const changes: Record<string, unknown> = { vips };
      if (updateProto) changes.protocol = proto;
      ctx.txn.update('Load_Balancer', lb._uuid, changes);
      return;
    }
  }
  const options: Record<string, string> = {};
  if (reject) options.reject = 'true';
  if (event) options.event = 'true';
  if (hasOpt(ctx, '--add-route')) options.add_route = 'true';
  ctx.txn.insert('Load_Balancer', { name, protocol: proto, vips: { [vip]: backends }, options });
}

function lbDel(ctx: CmdContext): void {
  const lb = lbByNameOrUuid(ctx, ctx.argv[1], false);
  if (!lb) return;
  if (ctx.argv.length === 3) {
    const vips = { ...(lb.vips as Record<string, string>) };
    if (ctx.argv[2] in vips) {
      delete vips[ctx.argv[2]];
      if (!Object.keys(vips).length) ctx.txn.delete('Load_Balancer', lb._uuid);
      else ctx.txn.update('Load_Balancer', lb._uuid, { vips });
      return;
    }
    if (!hasOpt(ctx, '--if-exists')) fatal(`vip ${ctx.argv[2]} is not part of the load balancer.`);
    return;
  }
  ctx.txn.delete('Load_Balancer', lb._uuid);
}

const strcmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function maxVipWidth(lbs: AnyRow[]): number {
  let w = 0;
  for (const lb of lbs) for (const k of Object.keys(lb.vips as Record<string, string>)) w = Math.max(w, k.length);
  return w;
}

/** lb_info_add_smap + lb_info_print. */
function printLbs(ctx: CmdContext, lbs: AnyRow[]): void {
  const width = maxVipWidth(lbs);
  const entries: { key: string; value: string }[] = [];
  for (const lb of lbs) {
    const vips = lb.vips as Record<string, string>;
    const keys = Object.keys(vips).sort(strcmp);
    if (!keys.length) continue;
    let val = '';
    keys.forEach((k, i) => {
      const parsed = ipPort(k);
      if (!parsed) return;
      const proto = parsed.port ? String(lb.protocol ?? '') : '';
      const cell = cfmt(proto, 11, 7) + cfmt(k, width + 4, width) + vips[k];
      val += i === 0 ? `${lb._uuid}    ${cfmt(String(lb.name), 20, 16)}${cell}` : `\n${''.padStart(60)}${cell}`;
    });
    entries.push({ key: cfmt(String(lb.name), 20, 16), value: val });
  }
  if (!entries.length) return;
  entries.sort((a, b) => strcmp(a.key, b.key));
  let out = cfmt('UUID', 40, 36) + cfmt('LB', 20, 16) + cfmt('PROTO', 11, 7) + cfmt('VIP', width + 4, width) + 'IPs\n';
  for (const e of entries) out += e.value + '\n';
  print(ctx, out);
}

function lbList(ctx: CmdContext): void {
  const all = [...ctx.txn.rows('Load_Balancer').values()];
  printLbs(ctx, ctx.argv.length === 2 ? all.filter((lb) => lb.name === ctx.argv[1]) : all);
}

function attachedLbs(ctx: CmdContext, owner: AnyRow): AnyRow[] {
  const lbs = (owner.load_balancer as string[]).map((u) => ctx.txn.deref('Load_Balancer', u) as AnyRow);
  // filtered below: a group may name a balancer deleted in this invocation
  for (const g of owner.load_balancer_group as string[]) {
    const grp = ctx.txn.deref('Load_Balancer_Group', g);
    if (grp) lbs.push(...(grp.load_balancer as string[]).map((u) => ctx.txn.deref('Load_Balancer', u) as AnyRow));
  }
  return lbs.filter(Boolean);
}

function attach(table: NbTableName, kind: 'router' | 'switch') {
  const find = (ctx: CmdContext, id: string): AnyRow =>
    (table === 'Logical_Router' ? lrByNameOrUuid(ctx, id) : lsByNameOrUuid(ctx, id)) as AnyRow;
  const add = (ctx: CmdContext): void => {
    const owner = current(ctx, table, find(ctx, ctx.argv[1]));
    const lb = lbByNameOrUuid(ctx, ctx.argv[2], true) as AnyRow;
    if ((owner.load_balancer as string[]).includes(lb._uuid)) {
      if (hasOpt(ctx, '--may-exist')) return;
      fatal(`${lb._uuid} : a load balancer with this UUID already exists`);
    }
    addToSet(ctx, table, owner, 'load_balancer', lb._uuid);
  };
  const del = (ctx: CmdContext): void => {
    const owner = current(ctx, table, find(ctx, ctx.argv[1]));
    if (ctx.argv.length === 2) {
      ctx.txn.update(table, owner._uuid, { load_balancer: [] });
      return;
    }
    const lb = lbByNameOrUuid(ctx, ctx.argv[2], true) as AnyRow;
    if ((owner.load_balancer as string[]).includes(lb._uuid)) {
      removeFromSet(ctx, table, owner, 'load_balancer', lb._uuid);
      return;
    }
    if (!hasOpt(ctx, '--if-exists')) fatal(`load balancer ${String(lb.name)} is not part of any logical ${kind}.`);
  };
  const list = (ctx: CmdContext): void => printLbs(ctx, attachedLbs(ctx, find(ctx, ctx.argv[1])));
  return { add, del, list };
}

const lr = attach('Logical_Router', 'router');
const ls = attach('Logical_Switch', 'switch');

export const lbCommands: CommandSpec[] = [
  {
    name: 'lb-add',
    min: 3,
    max: 5,
    options: '--may-exist,--add-duplicate,--reject,--event,--add-route,--template',
    run: lbAdd,
  },
  { name: 'lb-del', min: 1, max: 2, options: '--if-exists', run: lbDel },
  { name: 'lb-list', min: 0, max: 1, options: '', run: lbList },
  { name: 'lr-lb-add', min: 2, max: 2, options: '--may-exist', run: lr.add },
  { name: 'lr-lb-del', min: 1, max: 2, options: '--if-exists', run: lr.del },
  { name: 'lr-lb-list', min: 1, max: 1, options: '', run: lr.list },
  { name: 'ls-lb-add', min: 2, max: 2, options: '--may-exist', run: ls.add },
  { name: 'ls-lb-del', min: 1, max: 2, options: '--if-exists', run: ls.del },
  { name: 'ls-lb-list', min: 1, max: 1, options: '', run: ls.list },
];
