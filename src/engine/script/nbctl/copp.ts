// ovn-nbctl control plane protection commands (copp-*, ls-copp-add, lr-copp-add), lib/copp.c's words.
import type { AnyRow } from '../../nb/txn.ts';
import { byNameOrUuid, fatal, lrByNameOrUuid, lsByNameOrUuid, print, type CmdContext } from './context.ts';
import { isUuid } from '../../nb/datum.ts';
import type { CommandSpec } from './spec.ts';

/** In enum order (COPP_PROTO_FIRST … COPP_PROTO_MAX), which the error message lists. */
const PROTOCOLS = [
  'arp',
  'arp-resolve',
  'dhcpv4-opts',
  'dhcpv6-opts',
  'dns',
  'event-elb',
  'icmp4-error',
  'icmp6-error',
  'igmp',
  'nd-na',
  'nd-ns',
  'nd-ns-resolve',
  'nd-ra-opts',
  'tcp-reset',
  'bfd',
  'reject',
  'svc-monitor',
];

function validate(proto: string): void {
  if (!PROTOCOLS.includes(proto)) fatal(`Invalid control protocol. Allowed values: ${PROTOCOLS.join(', ')}.`);
}

const coppByName = (ctx: CmdContext, id: string, mustExist: boolean): AnyRow | undefined =>
  byNameOrUuid(ctx, 'Copp', id, mustExist, 'copp');

function coppAdd(ctx: CmdContext): void {
  const [, id, proto, meter] = ctx.argv;
  validate(proto);
  const uuid = isUuid(id);
  let copp = coppByName(ctx, id, uuid);
  copp ??= ctx.txn.insert('Copp');
  const changes: Record<string, unknown> = { meters: { ...(copp.meters as Record<string, string>), [proto]: meter } };
  if (!uuid) changes.name = id;
  ctx.txn.update('Copp', copp._uuid, changes);
}

function coppDel(ctx: CmdContext): void {
  const proto = ctx.argv[2];
  if (proto !== undefined) validate(proto);
  const copp = coppByName(ctx, ctx.argv[1], false);
  if (!copp) return;
  if (proto === undefined) {
    ctx.txn.delete('Copp', copp._uuid);
    return;
  }
  const meters = { ...(copp.meters as Record<string, string>) };
  delete meters[proto];
  if (!Object.keys(meters).length) ctx.txn.delete('Copp', copp._uuid);
  else ctx.txn.update('Copp', copp._uuid, { meters });
}

function coppList(ctx: CmdContext): void {
  const copp = coppByName(ctx, ctx.argv[1], false);
  if (!copp) return;
  const meters = copp.meters as Record<string, string>;
  for (const k of Object.keys(meters).sort()) print(ctx, `${k}: ${meters[k]}\n`);
}

function lsCoppAdd(ctx: CmdContext): void {
  const ls = lsByNameOrUuid(ctx, ctx.argv[2]) as AnyRow;
  ctx.txn.update('Logical_Switch', ls._uuid, { copp: (coppByName(ctx, ctx.argv[1], true) as AnyRow)._uuid });
}

function lrCoppAdd(ctx: CmdContext): void {
  const lr = lrByNameOrUuid(ctx, ctx.argv[2]) as AnyRow;
  ctx.txn.update('Logical_Router', lr._uuid, { copp: (coppByName(ctx, ctx.argv[1], true) as AnyRow)._uuid });
}

export const coppCommands: CommandSpec[] = [
  { name: 'copp-add', min: 3, max: 3, options: '', run: coppAdd },
  { name: 'copp-del', min: 1, max: 2, options: '', run: coppDel },
  { name: 'copp-list', min: 1, max: 1, options: '', run: coppList },
  { name: 'ls-copp-add', min: 2, max: 2, options: '', run: lsCoppAdd },
  { name: 'lr-copp-add', min: 2, max: 2, options: '', run: lrCoppAdd },
];
