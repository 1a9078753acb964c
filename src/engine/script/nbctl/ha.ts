// ovn-nbctl static MAC binding and HA chassis group commands, as 23.03 words them.
import type { AnyRow } from '../../nb/txn.ts';
import { isUuid } from '../../nb/datum.ts';
import { addToSet, current, fatal, hasOpt, lrpByNameOrUuid, print, removeFromSet, type CmdContext } from './context.ts';
import { parsePriority } from './lr.ts';
import { normalizeAddr } from './routes.ts';
import { isMac } from './addresses.ts';
import type { CommandSpec } from './spec.ts';

function smbFind(ctx: CmdContext, port: string, ip: string): AnyRow | undefined {
  for (const r of ctx.txn.rows('Static_MAC_Binding').values()) if (r.logical_port === port && r.ip === ip) return r;
  return undefined;
}

function smbAdd(ctx: CmdContext): void {
  const [, port, ip, mac] = ctx.argv;
  lrpByNameOrUuid(ctx, port);
  const newIp = normalizeAddr(ip);
  if (newIp === undefined) fatal(`${ip}: Not a valid IPv4 or IPv6 address.`);
  if (!isMac(mac)) fatal(`invalid mac address ${mac}.`);
  const existing = smbFind(ctx, port, ip);
  if (existing) {
    if (!hasOpt(ctx, '--may-exist'))
      fatal(`${port}, ${String(newIp)}: a Static_MAC_Binding with this logical_port and ip already exists`);
    if (existing.mac !== mac) ctx.txn.update('Static_MAC_Binding', existing._uuid, { mac });
    return;
  }
  ctx.txn.insert('Static_MAC_Binding', { logical_port: port, ip: newIp, mac });
}

function smbDel(ctx: CmdContext): void {
  const port = ctx.argv[1];
  lrpByNameOrUuid(ctx, port);
  const ip = normalizeAddr(ctx.argv[2]);
  if (ip === undefined) fatal(`${ctx.argv[2]}: Not a valid IPv4 or IPv6 address.`);
  const row = smbFind(ctx, port, ip as string);
  if (row) ctx.txn.delete('Static_MAC_Binding', row._uuid);
  else if (!hasOpt(ctx, '--if-exists')) fatal(`no matching Static_MAC_Binding with port ${port} and ip ${String(ip)}`);
}

function smbList(ctx: CmdContext): void {
  const rows = [...ctx.txn.rows('Static_MAC_Binding').values()].map((r) => ({
    key: `${String(r.logical_port).padEnd(25)}${String(r.ip).padEnd(25)}`,
    mac: String(r.mac),
  }));
  if (!rows.length) return;
  rows.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  print(
    ctx,
    `${'LOGICAL_PORT'.padEnd(25)}${'IP'.padEnd(25)}MAC\n` + rows.map((r) => `${r.key.padEnd(25)}${r.mac}\n`).join(''),
  );
}

function groupByNameOrUuid(ctx: CmdContext, id: string): AnyRow {
  let g = isUuid(id) ? ctx.txn.get('HA_Chassis_Group', id.toLowerCase()) : undefined;
  if (!g) for (const r of ctx.txn.rows('HA_Chassis_Group').values()) if (r.name === id) g = g ?? r;
  return g ?? fatal(`${id}: ha_chassi_group ${isUuid(id) ? 'UUID' : 'name'} not found`);
}

function groupChassis(ctx: CmdContext, g: AnyRow, name: string): AnyRow | undefined {
  for (const u of current(ctx, 'HA_Chassis_Group', g).ha_chassis as string[]) {
    const c = ctx.txn.deref('HA_Chassis', u);
    if (c && c.chassis_name === name) return c;
  }
  return undefined;
}

function haAdd(ctx: CmdContext): void {
  ctx.txn.insert('HA_Chassis_Group', { name: ctx.argv[1] });
}

function haDel(ctx: CmdContext): void {
  ctx.txn.delete('HA_Chassis_Group', groupByNameOrUuid(ctx, ctx.argv[1])._uuid);
}

function haList(ctx: CmdContext): void {
  let out = '';
  for (const g of ctx.txn.rows('HA_Chassis_Group').values()) {
    out += `${g._uuid} (${String(g.name)})\n`;
    for (const u of g.ha_chassis as string[]) {
      const c = ctx.txn.deref('HA_Chassis', u);
      if (c) out += `    ${c._uuid} (${String(c.chassis_name)})\n    priority ${String(c.priority)}\n\n`;
    }
    out += '\n';
  }
  print(ctx, out);
}

function haAddChassis(ctx: CmdContext): void {
  const g = groupByNameOrUuid(ctx, ctx.argv[1]);
  const priority = parsePriority(ctx.argv[3]);
  const c = groupChassis(ctx, g, ctx.argv[2]);
  if (c) {
    ctx.txn.update('HA_Chassis', c._uuid, { priority });
    return;
  }
  const row = ctx.txn.insert('HA_Chassis', { chassis_name: ctx.argv[2], priority });
  addToSet(ctx, 'HA_Chassis_Group', g, 'ha_chassis', row._uuid);
}

function haRemoveChassis(ctx: CmdContext): void {
  const g = groupByNameOrUuid(ctx, ctx.argv[1]);
  const c = groupChassis(ctx, g, ctx.argv[2]);
  if (!c) fatal(`${ctx.argv[2]}: ha chassis not found in ${ctx.argv[1]} ha chassis group`);
  removeFromSet(ctx, 'HA_Chassis_Group', g, 'ha_chassis', (c as AnyRow)._uuid);
  ctx.txn.delete('HA_Chassis', (c as AnyRow)._uuid);
}

function haSetPrio(ctx: CmdContext): void {
  const g = groupByNameOrUuid(ctx, ctx.argv[1]);
  const priority = parsePriority(ctx.argv[3]);
  const c = groupChassis(ctx, g, ctx.argv[2]);
  if (!c) fatal(`${ctx.argv[2]}: ha chassis not found in ${ctx.argv[1]} ha chassis group`);
  ctx.txn.update('HA_Chassis', (c as AnyRow)._uuid, { priority });
}

export const haCommands: CommandSpec[] = [
  { name: 'static-mac-binding-add', min: 3, max: 3, options: '--may-exist', run: smbAdd },
  { name: 'static-mac-binding-del', min: 2, max: 2, options: '--if-exists', run: smbDel },
  { name: 'static-mac-binding-list', min: 0, max: 0, options: '', run: smbList },
  { name: 'ha-chassis-group-add', min: 1, max: 1, options: '', run: haAdd },
  { name: 'ha-chassis-group-del', min: 1, max: 1, options: '', run: haDel },
  { name: 'ha-chassis-group-list', min: 0, max: 0, options: '', run: haList },
  { name: 'ha-chassis-group-add-chassis', min: 3, max: 3, options: '', run: haAddChassis },
  { name: 'ha-chassis-group-remove-chassis', min: 2, max: 2, options: '', run: haRemoveChassis },
  { name: 'ha-chassis-group-set-chassis-prio', min: 3, max: 3, options: '', run: haSetPrio },
];
