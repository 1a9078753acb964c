// ovn-nbctl port mirroring and forwarding group commands (mirror-*, lsp-*-mirror, fwd-group-*).
import type { AnyRow } from '../../nb/txn.ts';
import { isUuid } from '../../nb/datum.ts';
import {
  addToSet,
  byNameOrUuid,
  fatal,
  hasOpt,
  lsByNameOrUuid,
  lspByNameOrUuid,
  parentOf,
  print,
  removeFromSet,
  type CmdContext,
} from './context.ts';
import { isMac } from './addresses.ts';
import { normalizeAddr } from './routes.ts';
import { cfmt } from './cfmt.ts';
import type { CommandSpec } from './spec.ts';

const strcmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function mirrorAdd(ctx: CmdContext): void {
  const name = ctx.argv[1];
  for (const m of ctx.txn.rows('Mirror').values())
    if (m.name === name) fatal(`Mirror with ${name} name already exists.`);
  const t = ctx.argv[2][0];
  const type = t === 'g' ? 'gre' : t === 'e' ? 'erspan' : fatal(`${ctx.argv[2]}: type must be "gre" or "erspan"`);
  if (!/^[-+]?\d+$/.test(ctx.argv[3])) fatal('Invalid Index');
  const f = ctx.argv[4][0];
  const filter =
    f === 't'
      ? 'to-lport'
      : f === 'f'
        ? 'from-lport'
        : fatal(`${ctx.argv[4]}: selection must be "to-lport" or "from-lport"`);
  const sink = ctx.argv[5];
  if (normalizeAddr(sink) === undefined) fatal(`Invalid sink ip: ${sink}`);
  ctx.txn.insert('Mirror', { name, index: Number(ctx.argv[3]), filter, type, sink });
}

function mirrorDel(ctx: CmdContext): void {
  for (const m of [...ctx.txn.rows('Mirror').values()]) {
    if (ctx.argv.length === 1) ctx.txn.delete('Mirror', m._uuid);
    else if (m.name === ctx.argv[1]) {
      ctx.txn.delete('Mirror', m._uuid);
      return;
    }
  }
}

function mirrorList(ctx: CmdContext): void {
  let out = '';
  for (const m of [...ctx.txn.rows('Mirror').values()].sort((a, b) => strcmp(String(a.name), String(b.name))))
    out += `${String(m.name)}:\n  Type     :  ${String(m.type)}\n  Sink     :  ${String(m.sink)}\n  Filter   :  ${String(m.filter)}\n  Index/Key:  ${String(m.index)}\n\n`;
  print(ctx, out);
}

const mirrorByName = (ctx: CmdContext, id: string): AnyRow => byNameOrUuid(ctx, 'Mirror', id, true, 'mirror') as AnyRow;

function attachMirror(ctx: CmdContext): void {
  const lsp = lspByNameOrUuid(ctx, ctx.argv[1]) as AnyRow;
  const mirror = mirrorByName(ctx, ctx.argv[2]);
  if ((lsp.mirror_rules as string[]).includes(mirror._uuid)) {
    if (!hasOpt(ctx, '--may-exist'))
      fatal(`mirror ${String(mirror.name)} is already attached to the logical port ${ctx.argv[1]}.`);
    return;
  }
  addToSet(ctx, 'Logical_Switch_Port', lsp, 'mirror_rules', mirror._uuid);
}

function detachMirror(ctx: CmdContext): void {
  const lsp = lspByNameOrUuid(ctx, ctx.argv[1]) as AnyRow;
  removeFromSet(ctx, 'Logical_Switch_Port', lsp, 'mirror_rules', mirrorByName(ctx, ctx.argv[2])._uuid);
}

function fwdGroupByName(ctx: CmdContext, id: string): AnyRow | undefined {
  const byUuid = isUuid(id) ? ctx.txn.get('Forwarding_Group', id.toLowerCase()) : undefined;
  return byUuid ?? [...ctx.txn.rows('Forwarding_Group').values()].find((g) => g.name === id);
}

/** fwd_group_to_logical_switch: the switch of the group's first child port. */
function fwdGroupSwitch(ctx: CmdContext, g: AnyRow): AnyRow | undefined {
  const lsp = lspByNameOrUuid(ctx, String((g.child_port as string[])[0]), false);
  return lsp ? parentOf(ctx, 'Logical_Switch', 'ports', lsp._uuid) : undefined;
}

function fwdGroupAdd(ctx: CmdContext): void {
  if (ctx.argv.length <= 5) fatal('Usage : ovn-nbctl fwd-group-add group switch vip vmac child_ports...');
  const [, name, lsName, vip, vmac] = ctx.argv;
  if (fwdGroupByName(ctx, name)) fatal(`${name}: a forwarding group by this name already exists`);
  let ls = lsByNameOrUuid(ctx, lsName) as AnyRow;
  if (normalizeAddr(vip, false) === undefined) fatal(`invalid ip address ${vip}`);
  if (!isMac(vmac)) fatal(`invalid mac address ${vmac}`);
  const children = ctx.argv.slice(5);
  const row = ctx.txn.insert('Forwarding_Group', { name, vip, vmac });
  for (const c of children) {
    const lsp = lspByNameOrUuid(ctx, c, false);
    if (!lsp) fatal(`${c}: logical switch port does not exist`);
    ls =
      parentOf(ctx, 'Logical_Switch', 'ports', (lsp as AnyRow)._uuid) ??
      fatal(`logical port ${c} is not part of any logical switch`);
    if (ls.name !== lsName) fatal(`${c}: port already exists but in logical switch ${String(ls.name)}`);
  }
  const changes: Record<string, unknown> = { child_port: [...new Set(children)].sort() };
  if (hasOpt(ctx, '--liveness')) changes.liveness = true;
  ctx.txn.update('Forwarding_Group', row._uuid, changes);
  addToSet(ctx, 'Logical_Switch', ls, 'forwarding_groups', row._uuid);
}

function fwdGroupDel(ctx: CmdContext): void {
  const g = fwdGroupByName(ctx, ctx.argv[1]);
  if (!g) return;
  const ls = fwdGroupSwitch(ctx, g);
  if (!ls || !(ls.forwarding_groups as string[]).includes(g._uuid)) return;
  removeFromSet(ctx, 'Logical_Switch', ls, 'forwarding_groups', g._uuid);
  ctx.txn.delete('Forwarding_Group', g._uuid);
}

function fwdGroupList(ctx: CmdContext): void {
  const lsName = ctx.argv[1];
  if (lsName !== undefined) lsByNameOrUuid(ctx, lsName);
  let out =
    cfmt('FWD_GROUP', 16, 16) + cfmt('LS', 14, 16) + cfmt('VIP', 16, 7) + cfmt('VMAC', 22, 21) + 'CHILD_PORTS\n';
  for (const g of ctx.txn.rows('Forwarding_Group').values()) {
    const ls = fwdGroupSwitch(ctx, g);
    if (!ls || (lsName !== undefined && ls.name !== lsName)) continue;
    out +=
      cfmt(String(g.name), 16, 16) +
      cfmt(String(ls.name), 14, 18) +
      cfmt(String(g.vip), 15, 16) +
      cfmt(String(g.vmac), 9, 18) +
      '     ';
    for (const c of g.child_port as string[]) out += ` ${c}`;
    out += '\n';
  }
  print(ctx, out);
}

export const mirrorCommands: CommandSpec[] = [
  { name: 'mirror-add', min: 5, max: 5, options: '--may-exist', run: mirrorAdd },
  { name: 'mirror-del', min: 0, max: 1, options: '', run: mirrorDel },
  { name: 'mirror-list', min: 0, max: 0, options: '', run: mirrorList },
  { name: 'lsp-attach-mirror', min: 2, max: 2, options: '--may-exist', run: attachMirror },
  { name: 'lsp-detach-mirror', min: 2, max: 2, options: '', run: detachMirror },
  { name: 'fwd-group-add', min: 4, max: Infinity, options: '--liveness', run: fwdGroupAdd },
  { name: 'fwd-group-del', min: 1, max: 1, options: '--if-exists', run: fwdGroupDel },
  { name: 'fwd-group-list', min: 0, max: 1, options: '', run: fwdGroupList },
];
