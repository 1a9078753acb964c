// `ovn-nbctl show [SWITCH|ROUTER]`: switches then routers, as print_ls / print_lr write them.
import type { AnyRow } from '../../nb/txn.ts';
import { lrByNameOrUuid, lsByNameOrUuid, print, type CmdContext } from './context.ts';
import type { CommandSpec } from './spec.ts';

const alias = (row: AnyRow, key: string): string => {
  const a = (row.external_ids as Record<string, string>)[key];
  return a ? ` (aka ${a})` : '';
};

const quotedList = (xs: string[]): string => `[${xs.map((x) => `"${x}"`).join(', ')}]`;

function printLs(ctx: CmdContext, ls: AnyRow): void {
  let s = `switch ${ls._uuid} (${String(ls.name)})${alias(ls, 'neutron:network_name')}\n`;
  for (const u of ls.ports as string[]) {
    const p = ctx.txn.deref('Logical_Switch_Port', u);
    if (!p) continue;
    s += `    port ${String(p.name)}${alias(p, 'neutron:port_name')}\n`;
    if (p.type) s += `        type: ${String(p.type)}\n`;
    if (p.parent_name !== undefined) s += `        parent: ${String(p.parent_name)}\n`;
    if (p.tag !== undefined) s += `        tag: ${String(p.tag)}\n`;
    const addrs = p.addresses as string[];
    if (addrs.length && !(addrs.length === 1 && addrs[0] === 'router'))
      s += `        addresses: ${quotedList(addrs)}\n`;
    const rp = (p.options as Record<string, string>)['router-port'];
    if (rp !== undefined) s += `        router-port: ${rp}\n`;
  }
  print(ctx, s);
}

function printLr(ctx: CmdContext, lr: AnyRow): void {
  let s = `router ${lr._uuid} (${String(lr.name)})${alias(lr, 'neutron:router_name')}\n`;
  for (const u of lr.ports as string[]) {
    const p = ctx.txn.deref('Logical_Router_Port', u);
    if (!p) continue;
    s += `    port ${String(p.name)}\n`;
    s += `        mac: "${String(p.mac)}"\n`;
    const nets = p.networks as string[];
    if (nets.length) s += `        networks: ${quotedList(nets)}\n`;
    const rt = (p.options as Record<string, string>).route_table;
    if (rt !== undefined) s += `        route-table: ${rt}\n`;
    // show's IDL monitors only chassis_name, so the priority sort sees equal rows: uuid order stays
    const gcs = (p.gateway_chassis as string[])
      .map((g) => ctx.txn.deref('Gateway_Chassis', g))
      .filter((g) => g !== undefined);
    if (gcs.length) s += `        gateway chassis: [${gcs.map((g) => String(g.chassis_name)).join(' ')}]\n`;
  }
  for (const u of lr.nat as string[]) {
    const n = ctx.txn.deref('NAT', u);
    if (!n) continue;
    s += `    nat ${n._uuid}\n`;
    s += `        external ip: "${String(n.external_ip)}"\n`;
    if (n.external_port_range) s += `        external port(s): "${String(n.external_port_range)}"\n`;
    s += `        logical ip: "${String(n.logical_ip)}"\n`;
    s += `        type: "${String(n.type)}"\n`;
  }
  print(ctx, s);
}

function show(ctx: CmdContext): void {
  if (ctx.argv.length === 2) {
    const ls = lsByNameOrUuid(ctx, ctx.argv[1], false);
    if (ls) printLs(ctx, ls);
    const lr = lrByNameOrUuid(ctx, ctx.argv[1], false);
    if (lr) printLr(ctx, lr);
    return;
  }
  for (const ls of ctx.txn.rows('Logical_Switch').values()) printLs(ctx, ls);
  for (const lr of ctx.txn.rows('Logical_Router').values()) printLr(ctx, lr);
}

export const showCommands: CommandSpec[] = [
  { name: 'show', min: 0, max: 1, options: '', run: show },
  { name: 'init', min: 0, max: 0, options: '', run: () => undefined },
  { name: 'sync', min: 0, max: 0, options: '', run: () => undefined },
];
