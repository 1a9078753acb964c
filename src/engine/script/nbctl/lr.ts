// ovn-nbctl logical router and router port commands (lr-*, lrp-*, gateway chassis), as 23.03 words them.
import { parsePrefix } from './routes.ts';
import type { AnyRow } from '../../nb/txn.ts';
import { tableSchema } from '../../nb/schema.ts';
import {
  addToSet,
  byNameOrUuid,
  current,
  fatal,
  hasOpt,
  lrByNameOrUuid,
  lrpByNameOrUuid,
  parentOf,
  print,
  removeFromSet,
  type CmdContext,
} from './context.ts';
import { isMac } from './addresses.ts';
import { keyValues, parseEnabled, sortedByKey } from './ls.ts';
import { setColumn } from './db.ts';
import type { CommandSpec } from './spec.ts';
import { addDatapathRow, listDatapathRows } from './datapath-rows.ts';

export const lrpRouter = (ctx: CmdContext, lrp: AnyRow): AnyRow =>
  parentOf(ctx, 'Logical_Router', 'ports', lrp._uuid) ??
  fatal(`port ${String(lrp.name)} is not part of any logical router`);

const rowName = (r: AnyRow): string => (r.name ? String(r.name) : r._uuid);

function lrAdd(ctx: CmdContext): void {
  addDatapathRow(ctx, 'Logical_Router');
}

function lrDel(ctx: CmdContext): void {
  const lr = lrByNameOrUuid(ctx, ctx.argv[1], !hasOpt(ctx, '--if-exists'));
  if (lr) ctx.txn.delete('Logical_Router', lr._uuid);
}

function lrList(ctx: CmdContext): void {
  listDatapathRows(ctx, 'Logical_Router');
}

/** ip_parse_cidr / ipv6_parse_cidr: an address with an optional prefix length, no host bits checked. */
export function parseCidr(s: string): { v6: boolean; plen: number } | undefined {
  return parsePrefix(s);
}

function lrpAdd(ctx: CmdContext): void {
  const mayExist = hasOpt(ctx, '--may-exist');
  const lr = lrByNameOrUuid(ctx, ctx.argv[1]) as AnyRow;
  const [, , name, mac] = ctx.argv;
  let nNetworks = ctx.argv.length - 4;
  for (let i = 4; i < ctx.argv.length; i++)
    if (ctx.argv[i].includes('=')) {
      nNetworks = i - 4;
      break;
    }
  if (!nNetworks) fatal(`${name}: router port requires specifying a network`);
  const networks = ctx.argv.slice(4, 4 + nNetworks);
  const settings = ctx.argv.slice(4 + nNetworks);
  if (!isMac(mac)) fatal(`${name}: invalid mac address ${mac}`);
  const lrp = lrpByNameOrUuid(ctx, name, false);
  if (lrp) {
    if (!mayExist) fatal(`${name}: a port with this name already exists`);
    const bound = lrpRouter(ctx, lrp);
    if (bound._uuid !== lr._uuid) fatal(`${name}: port already exists but in router ${rowName(bound)}`);
    if (String(lrp.mac).toLowerCase() !== mac.toLowerCase())
      fatal(`${name}: port already exists with mac ${String(lrp.mac)}`);
    const same = [...new Set(networks)].sort().join(' ') === [...new Set(lrp.networks as string[])].sort().join(' ');
    if (!same) fatal(`${name}: port already exists with different network`);
    const peer = settings.find((s) => s.startsWith('peer='))?.slice(5);
    if (peer !== lrp.peer) fatal(`${name}: port already exists with mismatching peer`);
    return;
  }
  for (const n of networks) if (!parseCidr(n)) fatal(`${name}: invalid network address: ${n}`);
  const row = ctx.txn.insert('Logical_Router_Port', { name, mac, networks: [...new Set(networks)].sort() });
  for (const s of settings) setColumn(ctx, tableSchema('Logical_Router_Port'), row, s);
  addToSet(ctx, 'Logical_Router', lr, 'ports', row._uuid);
}

function lrpDel(ctx: CmdContext): void {
  const lrp = lrpByNameOrUuid(ctx, ctx.argv[1], !hasOpt(ctx, '--if-exists'));
  if (!lrp) return;
  removeFromSet(ctx, 'Logical_Router', lrpRouter(ctx, lrp), 'ports', lrp._uuid);
  ctx.txn.delete('Logical_Router_Port', lrp._uuid);
}

function lrpList(ctx: CmdContext): void {
  const lr = lrByNameOrUuid(ctx, ctx.argv[1]) as AnyRow;
  const rows = (lr.ports as string[])
    .map((u) => ctx.txn.deref('Logical_Router_Port', u))
    .filter((p) => p !== undefined)
    .map((p) => ({ key: String(p.name), text: `${p._uuid} (${String(p.name)})` }));
  sortedByKey(rows).forEach((r) => print(ctx, r.text + '\n'));
}

export function parsePriority(arg: string): number {
  const m = arg.match(/^\s*([-+]?\d+)/);
  const p = m ? Number(m[1]) : NaN;
  if (!m || p < 0 || p > 32767) fatal(`${arg}: priority must in range 0...32767`);
  return p;
}

/** Gateway chassis in get_ordered_gw_chassis_prio_list order: priority high first, then name descending. */
export function orderedGatewayChassis(ctx: CmdContext, lrp: AnyRow): AnyRow[] {
  return (lrp.gateway_chassis as string[])
    .map((u) => ctx.txn.deref('Gateway_Chassis', u) as AnyRow)
    .filter(Boolean)
    .sort((a, b) => {
      const d = Number(b.priority) - Number(a.priority);
      if (d) return d;
      return String(b.name) < String(a.name) ? -1 : String(b.name) > String(a.name) ? 1 : 0;
    });
}

function lrpSetGatewayChassis(ctx: CmdContext): void {
  const lrp = lrpByNameOrUuid(ctx, ctx.argv[1]) as AnyRow;
  const chassis = ctx.argv[2];
  const priority = ctx.argv.length === 4 ? parsePriority(ctx.argv[3]) : 0;
  const gcName = `${ctx.argv[1]}-${chassis}`;
  let gc = byNameOrUuid(ctx, 'Gateway_Chassis', gcName, false, 'gateway chassis');
  if (!gc) gc = ctx.txn.insert('Gateway_Chassis', { name: gcName, chassis_name: chassis });
  ctx.txn.update('Gateway_Chassis', gc._uuid, { priority });
  addToSet(ctx, 'Logical_Router_Port', lrp, 'gateway_chassis', gc._uuid);
}

function lrpDelGatewayChassis(ctx: CmdContext): void {
  const lrp = current(ctx, 'Logical_Router_Port', lrpByNameOrUuid(ctx, ctx.argv[1]) as AnyRow);
  const chassis = ctx.argv[2];
  for (const u of lrp.gateway_chassis as string[]) {
    const gc = ctx.txn.deref('Gateway_Chassis', u);
    if (gc && chassis.startsWith(String(gc.chassis_name))) {
      removeFromSet(ctx, 'Logical_Router_Port', lrp, 'gateway_chassis', u);
      ctx.txn.delete('Gateway_Chassis', u);
      return;
    }
  }
  fatal(`chassis ${chassis} is not added to logical port ${ctx.argv[1]}`);
}

function lrpGetGatewayChassis(ctx: CmdContext): void {
  const lrp = lrpByNameOrUuid(ctx, ctx.argv[1]) as AnyRow;
  for (const gc of orderedGatewayChassis(ctx, lrp))
    print(ctx, `${String(gc.name)} ${String(gc.priority).padStart(5)}\n`);
}

function lrpSetOptions(ctx: CmdContext): void {
  const lrp = lrpByNameOrUuid(ctx, ctx.argv[1]) as AnyRow;
  ctx.txn.update('Logical_Router_Port', lrp._uuid, { options: keyValues(ctx.argv.slice(2)) });
}

function lrpSetEnabled(ctx: CmdContext): void {
  const lrp = lrpByNameOrUuid(ctx, ctx.argv[1]) as AnyRow;
  ctx.txn.update('Logical_Router_Port', lrp._uuid, { enabled: parseEnabled(ctx.argv[2]) });
}

function lrpGetEnabled(ctx: CmdContext): void {
  const lrp = lrpByNameOrUuid(ctx, ctx.argv[1]) as AnyRow;
  print(ctx, lrp.enabled === false ? 'disabled\n' : 'enabled\n');
}

function lrpSetRedirectType(ctx: CmdContext): void {
  const lrp = lrpByNameOrUuid(ctx, ctx.argv[1]) as AnyRow;
  const type = ctx.argv[2];
  if (type.toLowerCase() !== 'bridged' && type.toLowerCase() !== 'overlay') fatal(`Invalid redirect type: ${type}`);
  const options = { ...(lrp.options as Record<string, string>), 'redirect-type': type };
  ctx.txn.update('Logical_Router_Port', lrp._uuid, { options });
}

function lrpGetRedirectType(ctx: CmdContext): void {
  const lrp = lrpByNameOrUuid(ctx, ctx.argv[1]) as AnyRow;
  const t = (lrp.options as Record<string, string>)['redirect-type'];
  print(ctx, `${t ?? 'overlay'}\n`);
}

export const lrCommands: CommandSpec[] = [
  { name: 'lr-add', min: 0, max: 1, options: '--may-exist,--add-duplicate', run: lrAdd },
  { name: 'lr-del', min: 1, max: 1, options: '--if-exists', run: lrDel },
  { name: 'lr-list', min: 0, max: 0, options: '', run: lrList },
  { name: 'lrp-add', min: 4, max: Infinity, options: '--may-exist', run: lrpAdd },
  { name: 'lrp-set-gateway-chassis', min: 2, max: 3, options: '--may-exist', run: lrpSetGatewayChassis },
  { name: 'lrp-set-options', min: 1, max: Infinity, options: '', run: lrpSetOptions },
  { name: 'lrp-del-gateway-chassis', min: 2, max: 2, options: '', run: lrpDelGatewayChassis },
  { name: 'lrp-get-gateway-chassis', min: 1, max: 1, options: '', run: lrpGetGatewayChassis },
  { name: 'lrp-del', min: 1, max: 1, options: '--if-exists', run: lrpDel },
  { name: 'lrp-list', min: 1, max: 1, options: '', run: lrpList },
  { name: 'lrp-set-enabled', min: 2, max: 2, options: '', run: lrpSetEnabled },
  { name: 'lrp-get-enabled', min: 1, max: 1, options: '', run: lrpGetEnabled },
  { name: 'lrp-set-redirect-type', min: 2, max: 2, options: '', run: lrpSetRedirectType },
  { name: 'lrp-get-redirect-type', min: 1, max: 1, options: '', run: lrpGetRedirectType },
];
