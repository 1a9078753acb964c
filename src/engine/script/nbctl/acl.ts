// ovn-nbctl ACL, port group and DHCP options commands (acl-*, pg-*, dhcp-options-*), as 23.03 words them.
import type { AnyRow } from '../../nb/txn.ts';
import { isUuid } from '../../nb/datum.ts';
import {
  addToSet,
  byNameOrUuid,
  current,
  fatal,
  hasOpt,
  lsByNameOrUuid,
  lspByNameOrUuid,
  print,
  removeFromSet,
  type CmdContext,
} from './context.ts';
import { keyValues, printSmap, sortedByKey } from './ls.ts';
import { parseCidr, parsePriority } from './lr.ts';
import type { CommandSpec } from './spec.ts';

const pgByNameOrUuid = (ctx: CmdContext, id: string, mustExist: boolean): AnyRow | undefined =>
  byNameOrUuid(ctx, 'Port_Group', id, mustExist, 'port group');

interface AclOwner {
  table: 'Port_Group' | 'Logical_Switch';
  row: AnyRow;
}

function aclOwner(ctx: CmdContext): AclOwner {
  const type = ctx.options.get('--type');
  const id = ctx.argv[1];
  if (type === undefined) {
    const pg = pgByNameOrUuid(ctx, id, false);
    const ls = lsByNameOrUuid(ctx, id, false);
    if (pg && ls)
      fatal(
        `Same name '${id}' exists in both port-groups and logical switches. Specify --type=port-group or switch, or use a UUID.`,
      );
    if (!pg && !ls) fatal(`'${id}' is not found for port-group or switch.`);
    return pg ? { table: 'Port_Group', row: pg } : { table: 'Logical_Switch', row: ls as AnyRow };
  }
  if (type === 'port-group') return { table: 'Port_Group', row: pgByNameOrUuid(ctx, id, true) as AnyRow };
  if (type === 'switch') return { table: 'Logical_Switch', row: lsByNameOrUuid(ctx, id) as AnyRow };
  return fatal(`Invalid value '${type}' for option --type`);
}

const strcmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** acl_cmp: from-lport first, after-lb ACLs first, priority high first, then match. */
function aclCmp(a: AnyRow, b: AnyRow): number {
  const dir = (r: AnyRow): number => (String(r.direction) === 'from-lport' ? 0 : 1);
  const afterLb = (r: AnyRow): boolean => (r.options as Record<string, string>)['apply-after-lb'] === 'true';
  if (dir(a) !== dir(b)) return dir(a) < dir(b) ? -1 : 1;
  if (afterLb(a) !== afterLb(b)) return afterLb(b) ? -1 : 1;
  if (a.priority !== b.priority) return Number(a.priority) > Number(b.priority) ? -1 : 1;
  return strcmp(String(a.match), String(b.match));
}

function parseDirection(arg: string): string {
  if (arg[0] === 't') return 'to-lport';
  if (arg[0] === 'f') return 'from-lport';
  return fatal(`${arg}: direction must be "to-lport" or "from-lport"`);
}

const SEVERITIES = ['alert', 'warning', 'notice', 'info', 'debug', 'emer', 'crit', 'err', 'dbg', 'warn'];

function aclAdd(ctx: CmdContext): void {
  const owner = aclOwner(ctx);
  const action = ctx.argv[5];
  const direction = parseDirection(ctx.argv[2]);
  const priority = parsePriority(ctx.argv[3]);
  if (!['allow', 'allow-related', 'allow-stateless', 'drop', 'reject'].includes(action))
    fatal(`${action}: action must be one of "allow", "allow-related", "allow-stateless", "drop", and "reject"`);
  const values: Record<string, unknown> = { priority, direction, match: ctx.argv[4], action };
  const severity = ctx.options.get('--severity');
  const name = ctx.options.get('--name');
  const meter = ctx.options.get('--meter');
  if (hasOpt(ctx, '--log') || severity !== undefined || name !== undefined || meter !== undefined) values.log = true;
  if (severity !== undefined) {
    if (!SEVERITIES.includes(severity.toLowerCase())) fatal(`bad severity: ${severity}`);
    values.severity = severity;
  }
  if (name !== undefined) values.name = name;
  if (meter !== undefined) values.meter = meter;
  const label = ctx.options.get('--label');
  if (label !== undefined) {
    if (action !== 'allow' && action !== 'allow-related')
      fatal('label can only be set with actions "allow" or "allow-related"');
    const m = label.match(/^\s*([-+]?\d+)/);
    const v = m ? Number(m[1]) : NaN;
    if (!m || v < 0 || v > 4294967295) fatal(`${label}: label must in range 0...4294967295`);
    values.label = v;
  }
  if (direction === 'from-lport' && hasOpt(ctx, '--apply-after-lb')) values.options = { 'apply-after-lb': 'true' };
  const acl = ctx.txn.insert('ACL', values);
  for (const u of current(ctx, owner.table, owner.row).acls as string[]) {
    const other = ctx.txn.deref('ACL', u);
    if (other && aclCmp(other, acl) === 0) {
      if (!hasOpt(ctx, '--may-exist')) fatal(`Same ACL already existed on the ls ${ctx.argv[1]}.`);
      return;
    }
  }
  addToSet(ctx, owner.table, owner.row, 'acls', acl._uuid);
}

function aclDel(ctx: CmdContext): void {
  const owner = aclOwner(ctx);
  const row = current(ctx, owner.table, owner.row);
  if (ctx.argv.length === 2) {
    ctx.txn.update(owner.table, row._uuid, { acls: [] });
    return;
  }
  const direction = parseDirection(ctx.argv[2]);
  const acls = (row.acls as string[]).map((u) => ctx.txn.deref('ACL', u) as AnyRow).filter(Boolean);
  if (ctx.argv.length === 3) {
    for (const a of acls) if (a.direction === direction) removeFromSet(ctx, owner.table, row, 'acls', a._uuid);
    return;
  }
  const priority = parsePriority(ctx.argv[3]);
  if (ctx.argv.length === 4) fatal('cannot specify priority without match');
  for (const a of acls)
    if (a.priority === priority && a.match === ctx.argv[4] && a.direction === direction) {
      removeFromSet(ctx, owner.table, row, 'acls', a._uuid);
      return;
    }
}

function aclList(ctx: CmdContext): void {
  const owner = aclOwner(ctx);
  const acls = (owner.row.acls as string[]).map((u) => ctx.txn.deref('ACL', u) as AnyRow).filter(Boolean);
  for (const a of acls.sort(aclCmp)) {
    let s = `${String(a.direction).padStart(10)} ${String(a.priority).padStart(5)} (${String(a.match)}) ${String(a.action)}`;
    if (a.log === true) {
      const parts: string[] = [];
      if (a.name !== undefined) parts.push(`name=${String(a.name)}`);
      if (a.severity !== undefined) parts.push(`severity=${String(a.severity)}`);
      if (a.meter !== undefined) parts.push(`meter="${String(a.meter)}"`);
      s += ` log(${parts.join(',')})`;
    }
    if (a.label) s += ` label=${String(a.label)}`;
    if ((a.options as Record<string, string>)['apply-after-lb'] === 'true') s += ' [after-lb]';
    print(ctx, s + '\n');
  }
}

function setPorts(ctx: CmdContext, pg: AnyRow, names: string[]): void {
  const ports = names.map((n) => (lspByNameOrUuid(ctx, n) as AnyRow)._uuid);
  ctx.txn.update('Port_Group', pg._uuid, { ports: [...new Set(ports)].sort() });
}

function pgAdd(ctx: CmdContext): void {
  const pg = ctx.txn.insert('Port_Group', { name: ctx.argv[1] });
  if (ctx.argv.length > 2) setPorts(ctx, pg, ctx.argv.slice(2));
}

function pgSetPorts(ctx: CmdContext): void {
  setPorts(ctx, pgByNameOrUuid(ctx, ctx.argv[1], true) as AnyRow, ctx.argv.slice(2));
}

function pgDel(ctx: CmdContext): void {
  ctx.txn.delete('Port_Group', (pgByNameOrUuid(ctx, ctx.argv[1], true) as AnyRow)._uuid);
}

export function dhcpOptionsGet(ctx: CmdContext, id: string, mustExist: boolean): AnyRow | undefined {
  const row = isUuid(id) ? ctx.txn.get('DHCP_Options', id.toLowerCase()) : undefined;
  if (!row && mustExist) fatal(`${id}: dhcp options UUID not found`);
  return row;
}

function dhcpCreate(ctx: CmdContext): void {
  if (!parseCidr(ctx.argv[1])) fatal(`Invalid cidr format '${ctx.argv[1]}'`);
  ctx.txn.insert('DHCP_Options', { cidr: ctx.argv[1], external_ids: keyValues(ctx.argv.slice(2)) });
}

function dhcpSetOptions(ctx: CmdContext): void {
  const row = dhcpOptionsGet(ctx, ctx.argv[1], true) as AnyRow;
  ctx.txn.update('DHCP_Options', row._uuid, { options: keyValues(ctx.argv.slice(2)) });
}

function dhcpGetOptions(ctx: CmdContext): void {
  printSmap(ctx, (dhcpOptionsGet(ctx, ctx.argv[1], true) as AnyRow).options as Record<string, string>);
}

function dhcpDel(ctx: CmdContext): void {
  const row = dhcpOptionsGet(ctx, ctx.argv[1], !hasOpt(ctx, '--if-exists'));
  if (row) ctx.txn.delete('DHCP_Options', row._uuid);
}

function dhcpList(ctx: CmdContext): void {
  const rows = [...ctx.txn.rows('DHCP_Options').values()].map((r) => ({ key: String(r.cidr), text: r._uuid }));
  sortedByKey(rows).forEach((r) => print(ctx, r.text + '\n'));
}

export const aclCommands: CommandSpec[] = [
  {
    name: 'acl-add',
    min: 5,
    max: 6,
    options: '--log,--may-exist,--type=,--name=,--severity=,--meter=,--label=,--apply-after-lb',
    run: aclAdd,
  },
  { name: 'acl-del', min: 1, max: 4, options: '--type=', run: aclDel },
  { name: 'acl-list', min: 1, max: 1, options: '--type=', run: aclList },
  { name: 'pg-add', min: 1, max: Infinity, options: '', run: pgAdd },
  { name: 'pg-set-ports', min: 2, max: Infinity, options: '', run: pgSetPorts },
  { name: 'pg-del', min: 1, max: 1, options: '', run: pgDel },
  { name: 'dhcp-options-create', min: 1, max: Infinity, options: '', run: dhcpCreate },
  { name: 'dhcp-options-del', min: 1, max: 1, options: '', run: dhcpDel },
  { name: 'dhcp-options-list', min: 0, max: 0, options: '', run: dhcpList },
  { name: 'dhcp-options-set-options', min: 1, max: Infinity, options: '', run: dhcpSetOptions },
  { name: 'dhcp-options-get-options', min: 1, max: 1, options: '', run: dhcpGetOptions },
];
