// ovn-nbctl logical switch and logical switch port commands (ls-*, lsp-*), as 23.03 words them.
import { formatIPv6 } from '../../packet/addresses.ts';
import {
  addToSet,
  current,
  fatal,
  hasOpt,
  lsByNameOrUuid,
  lspByNameOrUuid,
  parentOf,
  print,
  removeFromSet,
  byNameOrUuid,
  type CmdContext,
} from './context.ts';
import { extractLspAddresses, scanMacPrefix } from './addresses.ts';
import type { CommandSpec } from './spec.ts';
import { addDatapathRow, listDatapathRows } from './datapath-rows.ts';
import type { AnyRow } from '../../nb/txn.ts';
import { dhcpOptionsGet } from './acl.ts';
import { parseCidr } from './lr.ts';

const lspSwitch = (ctx: CmdContext, lsp: AnyRow): AnyRow =>
  parentOf(ctx, 'Logical_Switch', 'ports', lsp._uuid) ??
  fatal(`logical port ${String(lsp.name)} is not part of any logical switch`);

const rowName = (r: AnyRow): string => (r.name ? String(r.name) : r._uuid);

function lsAdd(ctx: CmdContext): void {
  addDatapathRow(ctx, 'Logical_Switch');
}

function lsDel(ctx: CmdContext): void {
  const ls = lsByNameOrUuid(ctx, ctx.argv[1], !hasOpt(ctx, '--if-exists'));
  if (ls) ctx.txn.delete('Logical_Switch', ls._uuid);
}

function lsList(ctx: CmdContext): void {
  listDatapathRows(ctx, 'Logical_Switch');
}

/** smap_sort order: by key (strcmp), duplicates in insertion order. */
export function sortedByKey<T extends { key: string }>(rows: T[]): T[] {
  return [...rows].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

function lspAdd(ctx: CmdContext): void {
  const mayExist = hasOpt(ctx, '--may-exist');
  const ls = lsByNameOrUuid(ctx, ctx.argv[1]) as AnyRow;
  let parent: string | undefined;
  let tag = -1;
  if (ctx.argv.length === 5) {
    parent = ctx.argv[3];
    const m = ctx.argv[4].match(/^\s*([-+]?\d+)/);
    tag = m ? Number(m[1]) : NaN;
    if (!m || tag < 0 || tag > 4095) fatal(`${ctx.argv[4]}: invalid tag (must be in range 0 to 4095)`);
  } else if (ctx.argv.length !== 3) fatal('lsp-add with parent must also specify a tag');
  const name = ctx.argv[2];
  const lsp = lspByNameOrUuid(ctx, name, false);
  if (lsp) {
    if (!mayExist) fatal(`${name}: a port with this name already exists`);
    const lsw = lspSwitch(ctx, lsp);
    if (lsw._uuid !== ls._uuid) fatal(`${name}: port already exists but in switch ${rowName(lsw)}`);
    if (parent !== undefined) {
      if (lsp.parent_name === undefined) fatal(`${name}: port already exists but has no parent`);
      if (lsp.parent_name !== parent)
        fatal(`${name}: port already exists with different parent ${String(lsp.parent_name)}`);
      if (lsp.tag_request === undefined) fatal(`${name}: port already exists but has no tag_request`);
      if (lsp.tag_request !== tag)
        fatal(`${name}: port already exists with different tag_request ${String(lsp.tag_request)}`);
    } else if (lsp.parent_name !== undefined)
      fatal(`${name}: port already exists but has parent ${String(lsp.parent_name)}`);
    return;
  }
  const values: Record<string, unknown> = { name };
  if (tag >= 0) {
    values.parent_name = parent;
    values.tag_request = tag;
  }
  const row = ctx.txn.insert('Logical_Switch_Port', values);
  addToSet(ctx, 'Logical_Switch', ls, 'ports', row._uuid);
}

function lspDel(ctx: CmdContext): void {
  const lsp = lspByNameOrUuid(ctx, ctx.argv[1], !hasOpt(ctx, '--if-exists'));
  if (!lsp) return;
  const ls = lspSwitch(ctx, lsp);
  removeFromSet(ctx, 'Logical_Switch', ls, 'ports', lsp._uuid);
  ctx.txn.delete('Logical_Switch_Port', lsp._uuid);
}

function lspList(ctx: CmdContext): void {
  const ls = lsByNameOrUuid(ctx, ctx.argv[1]) as AnyRow;
  const rows = (ls.ports as string[])
    .map((u) => ctx.txn.deref('Logical_Switch_Port', u))
    .filter((p) => p !== undefined)
    .map((p) => ({ key: String(p.name), text: `${p._uuid} (${String(p.name)})` }));
  sortedByKey(rows).forEach((r) => print(ctx, r.text + '\n'));
}

const isDynamic = (a: string): boolean => a === 'dynamic' || a.startsWith('dynamic ');

function duplicateError(ctx: CmdContext, ls: AnyRow, lsp: AnyRow, address: string): string | undefined {
  const mine = extractLspAddresses(address);
  if (!mine) return undefined;
  for (const u of ls.ports as string[]) {
    if (u === lsp._uuid) continue;
    const other = ctx.txn.deref('Logical_Switch_Port', u);
    if (!other) continue;
    for (let addr of other.addresses as string[]) {
      if (isDynamic(addr) && other.dynamic_addresses !== undefined) addr = String(other.dynamic_addresses);
      const theirs = extractLspAddresses(addr);
      if (!theirs) continue;
      for (const ip of mine.ipv4)
        if (theirs.ipv4.includes(ip))
          return `Error on switch ${String(ls.name)}: duplicate IPv4 address '${ip}' found on logical switch port '${String(other.name)}'`;
      for (let i = 0; i < mine.ipv6.length; i++)
        if (theirs.ipv6.includes(mine.ipv6[i]))
          return `Error on switch ${String(ls.name)}: duplicate IPv6 address '${formatIPv6(mine.ipv6[i])}' found on logical switch port '${String(other.name)}'`;
    }
  }
  return undefined;
}

function lspSetAddresses(ctx: CmdContext): void {
  const lsp = lspByNameOrUuid(ctx, ctx.argv[1]) as AnyRow;
  const ls = lspSwitch(ctx, lsp);
  const addrs = ctx.argv.slice(2);
  for (const a of addrs) {
    const ok =
      a === 'unknown' || a === 'dynamic' || a === 'router' || scanMacPrefix(a) || /^dynamic\s+[0-9a-fA-F:.]+/.test(a);
    if (!ok)
      fatal(
        `${a}: Invalid address format. See ovn-nb(5). Hint: An Ethernet address must be listed before an IP address, together as a single argument.`,
      );
    const dup = duplicateError(ctx, ls, lsp, a);
    if (dup) fatal(dup);
  }
  ctx.txn.update('Logical_Switch_Port', lsp._uuid, { addresses: [...new Set(addrs)].sort() });
}

function lspGetAddresses(ctx: CmdContext): void {
  const lsp = lspByNameOrUuid(ctx, ctx.argv[1]) as AnyRow;
  const addrs = lsp.addresses as string[];
  const opts = lsp.options as Record<string, string>;
  if (addrs.length === 1 && addrs[0] === 'router' && opts['router-port']) {
    const lrp = byNameOrUuid(ctx, 'Logical_Router_Port', opts['router-port'], false, 'port');
    if (lrp) {
      print(ctx, `${String(lrp.mac)}${(lrp.networks as string[]).map((n) => ' ' + n).join('')}\n`);
      return;
    }
  }
  [...addrs].sort().forEach((a) => print(ctx, a + '\n'));
}

function lspSetPortSecurity(ctx: CmdContext): void {
  const lsp = lspByNameOrUuid(ctx, ctx.argv[1]) as AnyRow;
  ctx.txn.update('Logical_Switch_Port', lsp._uuid, { port_security: [...new Set(ctx.argv.slice(2))].sort() });
}

function lspGetPortSecurity(ctx: CmdContext): void {
  const lsp = lspByNameOrUuid(ctx, ctx.argv[1]) as AnyRow;
  [...(lsp.port_security as string[])].sort().forEach((a) => print(ctx, a + '\n'));
}

function lspGetUp(ctx: CmdContext): void {
  const lsp = lspByNameOrUuid(ctx, ctx.argv[1]) as AnyRow;
  print(ctx, lsp.up === true ? 'up\n' : 'down\n');
}

export function parseEnabled(state: string): boolean {
  if (state.toLowerCase() === 'enabled') return true;
  if (state.toLowerCase() === 'disabled') return false;
  return fatal(`${state}: state must be "enabled" or "disabled"`);
}

function lspSetEnabled(ctx: CmdContext): void {
  const lsp = lspByNameOrUuid(ctx, ctx.argv[1]) as AnyRow;
  ctx.txn.update('Logical_Switch_Port', lsp._uuid, { enabled: parseEnabled(ctx.argv[2]) });
}

function lspGetEnabled(ctx: CmdContext): void {
  const lsp = lspByNameOrUuid(ctx, ctx.argv[1]) as AnyRow;
  print(ctx, lsp.enabled === false ? 'disabled\n' : 'enabled\n');
}

const LSP_TYPES = ['', 'l2gateway', 'localnet', 'localport', 'router', 'vtep', 'external', 'virtual', 'remote'];

function lspSetType(ctx: CmdContext): void {
  const lsp = lspByNameOrUuid(ctx, ctx.argv[1]) as AnyRow;
  const type = ctx.argv[2];
  if (!LSP_TYPES.includes(type)) fatal(`Logical switch port type '${type}' is unrecognized. Not setting type.`);
  ctx.txn.update('Logical_Switch_Port', lsp._uuid, { type });
}

function lspGetType(ctx: CmdContext): void {
  const lsp = lspByNameOrUuid(ctx, ctx.argv[1]) as AnyRow;
  print(ctx, `${String(lsp.type)}\n`);
}

/** KEY=VALUE arguments into a map; arguments without '=' are ignored, as smap_add after strsep does. */
export function keyValues(args: string[]): Record<string, string> {
  const m: Record<string, string> = {};
  for (const a of args) {
    const i = a.indexOf('=');
    if (i >= 0 && !(a.slice(0, i) in m)) m[a.slice(0, i)] = a.slice(i + 1);
  }
  return m;
}

function lspSetOptions(ctx: CmdContext): void {
  const lsp = lspByNameOrUuid(ctx, ctx.argv[1]) as AnyRow;
  ctx.txn.update('Logical_Switch_Port', lsp._uuid, { options: keyValues(ctx.argv.slice(2)) });
}

export function printSmap(ctx: CmdContext, m: Record<string, string>): void {
  for (const k of Object.keys(m).sort()) print(ctx, `${k}=${m[k]}\n`);
}

function lspGetOptions(ctx: CmdContext): void {
  const lsp = lspByNameOrUuid(ctx, ctx.argv[1]) as AnyRow;
  printSmap(ctx, lsp.options as Record<string, string>);
}

function lspGetParent(ctx: CmdContext): void {
  const lsp = lspByNameOrUuid(ctx, ctx.argv[1]) as AnyRow;
  if (lsp.parent_name !== undefined) print(ctx, `${String(lsp.parent_name)}\n`);
}

function lspGetTag(ctx: CmdContext): void {
  const lsp = lspByNameOrUuid(ctx, ctx.argv[1]) as AnyRow;
  if (lsp.tag !== undefined) print(ctx, `${String(lsp.tag)}\n`);
}

function lspGetLs(ctx: CmdContext): void {
  const lsp = lspByNameOrUuid(ctx, ctx.argv[1]) as AnyRow;
  const ls = lspSwitch(ctx, lsp);
  print(ctx, `${ls._uuid} (${String(ls.name)})\n`);
}

function dhcpOptionsSetter(col: 'dhcpv4_options' | 'dhcpv6_options') {
  return (ctx: CmdContext): void => {
    const lsp = lspByNameOrUuid(ctx, ctx.argv[1]) as AnyRow;
    const row = ctx.argv.length === 3 ? dhcpOptionsGet(ctx, ctx.argv[2], true) : undefined;
    if (row) {
      const cidr = parseCidr(String(row.cidr));
      if (col === 'dhcpv4_options' && (!cidr || cidr.v6)) fatal(`DHCP options cidr '${String(row.cidr)}' is not IPv4`);
      if (col === 'dhcpv6_options' && (!cidr || !cidr.v6)) fatal(`DHCP options cidr '${String(row.cidr)}' is not IPv6`);
    }
    ctx.txn.update('Logical_Switch_Port', lsp._uuid, { [col]: row?._uuid });
  };
}

function dhcpOptionsGetter(col: 'dhcpv4_options' | 'dhcpv6_options') {
  return (ctx: CmdContext): void => {
    const lsp = current(ctx, 'Logical_Switch_Port', lspByNameOrUuid(ctx, ctx.argv[1]) as AnyRow);
    const u = lsp[col] as string | undefined;
    const row = u ? ctx.txn.get('DHCP_Options', u) : undefined;
    if (row) print(ctx, `${row._uuid} (${String(row.cidr)})\n`);
  };
}

export const lsCommands: CommandSpec[] = [
  { name: 'ls-add', min: 0, max: 1, options: '--may-exist,--add-duplicate', run: lsAdd },
  { name: 'ls-del', min: 1, max: 1, options: '--if-exists', run: lsDel },
  { name: 'ls-list', min: 0, max: 0, options: '', run: lsList },
  { name: 'lsp-add', min: 2, max: 4, options: '--may-exist', run: lspAdd },
  { name: 'lsp-del', min: 1, max: 1, options: '--if-exists', run: lspDel },
  { name: 'lsp-list', min: 1, max: 1, options: '', run: lspList },
  { name: 'lsp-get-parent', min: 1, max: 1, options: '', run: lspGetParent },
  { name: 'lsp-get-tag', min: 1, max: 1, options: '', run: lspGetTag },
  { name: 'lsp-set-addresses', min: 1, max: Infinity, options: '', run: lspSetAddresses },
  { name: 'lsp-get-addresses', min: 1, max: 1, options: '', run: lspGetAddresses },
  { name: 'lsp-set-port-security', min: 0, max: Infinity, options: '', run: lspSetPortSecurity },
  { name: 'lsp-get-port-security', min: 1, max: 1, options: '', run: lspGetPortSecurity },
  { name: 'lsp-get-up', min: 1, max: 1, options: '', run: lspGetUp },
  { name: 'lsp-set-enabled', min: 2, max: 2, options: '', run: lspSetEnabled },
  { name: 'lsp-get-enabled', min: 1, max: 1, options: '', run: lspGetEnabled },
  { name: 'lsp-set-type', min: 2, max: 2, options: '', run: lspSetType },
  { name: 'lsp-get-type', min: 1, max: 1, options: '', run: lspGetType },
  { name: 'lsp-set-options', min: 1, max: Infinity, options: '', run: lspSetOptions },
  { name: 'lsp-get-options', min: 1, max: 1, options: '', run: lspGetOptions },
  { name: 'lsp-set-dhcpv4-options', min: 1, max: 2, options: '', run: dhcpOptionsSetter('dhcpv4_options') },
  { name: 'lsp-get-dhcpv4-options', min: 1, max: 1, options: '', run: dhcpOptionsGetter('dhcpv4_options') },
  { name: 'lsp-set-dhcpv6-options', min: 1, max: 2, options: '', run: dhcpOptionsSetter('dhcpv6_options') },
  { name: 'lsp-get-dhcpv6-options', min: 1, max: 1, options: '', run: dhcpOptionsGetter('dhcpv6_options') },
  { name: 'lsp-get-ls', min: 1, max: 1, options: '', run: lspGetLs },
];
