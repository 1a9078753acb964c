// ovn-nbctl QoS and meter commands (qos-*, meter-*), as 23.03 words them.
import type { AnyRow } from '../../nb/txn.ts';
import { isUuid } from '../../nb/datum.ts';
import { addToSet, current, fatal, hasOpt, lsByNameOrUuid, print, removeFromSet, type CmdContext } from './context.ts';
import { parsePriority } from './lr.ts';
import type { CommandSpec } from './spec.ts';

const strcmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function parseDirection(arg: string): string {
  if (arg[0] === 't') return 'to-lport';
  if (arg[0] === 'f') return 'from-lport';
  return fatal(`${arg}: direction must be "to-lport" or "from-lport"`);
}

/** qos_cmp: from-lport first, priority high first, then match. */
function qosCmp(a: AnyRow, b: AnyRow): number {
  const dir = (r: AnyRow): number => (r.direction === 'from-lport' ? 0 : 1);
  if (dir(a) !== dir(b)) return dir(a) < dir(b) ? -1 : 1;
  if (a.priority !== b.priority) return Number(a.priority) > Number(b.priority) ? -1 : 1;
  return strcmp(String(a.match), String(b.match));
}

/** ovs_scan "%"SCNd64 on a prefix, then a range check. */
function scanInt(s: string, min: number, max: number): number | undefined {
  const m = s.match(/^\s*([-+]?\d+)/);
  const v = m ? Number(m[1]) : NaN;
  return m && v >= min && v <= max ? v : undefined;
}

function qosRules(ctx: CmdContext, ls: AnyRow): AnyRow[] {
  return (current(ctx, 'Logical_Switch', ls).qos_rules as string[])
    .map((u) => ctx.txn.deref('QoS', u) as AnyRow)
    .filter(Boolean);
}

function qosAdd(ctx: CmdContext): void {
  const direction = parseDirection(ctx.argv[2]);
  const priority = parsePriority(ctx.argv[3]);
  const ls = lsByNameOrUuid(ctx, ctx.argv[1]) as AnyRow;
  let dscp = -1;
  let rate = 0;
  let burst = 0;
  for (const a of ctx.argv.slice(5)) {
    if (a.startsWith('dscp=')) {
      const v = scanInt(a.slice(5), 0, 63);
      if (v === undefined) fatal(`${a.slice(5)}: dscp must be in the range 0...63`);
      dscp = v as number;
    } else if (a.startsWith('rate=')) {
      const v = scanInt(a.slice(5), 1, 4294967295);
      if (v === undefined) fatal(`${a.slice(5)}: rate must be in the range 1...4294967295`);
      rate = v as number;
    } else if (a.startsWith('burst=')) {
      const v = scanInt(a.slice(6), 1, 4294967295);
      if (v === undefined) fatal(`${a.slice(6)}: burst must be in the range 1...4294967295`);
      burst = v as number;
    } else fatal(`${a}: supported arguments are "dscp=", "rate=", and "burst="`);
  }
  if (dscp === -1 && !rate) fatal('Either "rate" and/or "dscp" must be specified');
  const values: Record<string, unknown> = { priority, direction, match: ctx.argv[4] };
  if (dscp !== -1) values.action = { dscp };
  if (rate) values.bandwidth = burst ? { burst, rate } : { rate };
  const qos = ctx.txn.insert('QoS', values);
  if (qosRules(ctx, ls).some((q) => qosCmp(q, qos) === 0)) {
    if (!hasOpt(ctx, '--may-exist')) fatal(`Same qos already existed on the ls ${ctx.argv[1]}.`);
    return;
  }
  addToSet(ctx, 'Logical_Switch', ls, 'qos_rules', qos._uuid);
}

function qosDel(ctx: CmdContext): void {
  const ls = lsByNameOrUuid(ctx, ctx.argv[1]) as AnyRow;
  if (ctx.argv.length === 2) {
    ctx.txn.update('Logical_Switch', ls._uuid, { qos_rules: [] });
    return;
  }
  const byUuid = isUuid(ctx.argv[2]) ? ctx.argv[2].toLowerCase() : undefined;
  const direction = byUuid ? '' : parseDirection(ctx.argv[2]);
  if (ctx.argv.length === 3) {
    if (byUuid) {
      if (!qosRules(ctx, ls).some((q) => q._uuid === byUuid)) fatal('uuid is not found');
      removeFromSet(ctx, 'Logical_Switch', ls, 'qos_rules', byUuid);
    } else
      for (const q of qosRules(ctx, ls))
        if (q.direction === direction) removeFromSet(ctx, 'Logical_Switch', ls, 'qos_rules', q._uuid);
    return;
  }
  if (byUuid) fatal('uuid must be the only argument');
  const priority = parsePriority(ctx.argv[3]);
  if (ctx.argv.length === 4) fatal('cannot specify priority without match');
  for (const q of qosRules(ctx, ls))
    if (q.priority === priority && q.match === ctx.argv[4] && q.direction === direction) {
      removeFromSet(ctx, 'Logical_Switch', ls, 'qos_rules', q._uuid);
      return;
    }
}

function qosList(ctx: CmdContext): void {
  const ls = lsByNameOrUuid(ctx, ctx.argv[1]) as AnyRow;
  let out = '';
  for (const q of qosRules(ctx, ls).sort(qosCmp)) {
    out += `${String(q.direction).padStart(10)} ${String(q.priority).padStart(5)} (${String(q.match)})`;
    const bw = q.bandwidth as Record<string, number>;
    if (bw.rate !== undefined) out += ` rate=${bw.rate}`;
    if (bw.burst !== undefined) out += ` burst=${bw.burst}`;
    const act = q.action as Record<string, number>;
    if (act.dscp !== undefined) out += ` dscp=${act.dscp}`;
    out += '\n';
  }
  print(ctx, out);
}

function meterAdd(ctx: CmdContext): void {
  const name = ctx.argv[1];
  let meter: AnyRow | undefined;
  let band: AnyRow | undefined;
  for (const m of ctx.txn.rows('Meter').values())
    if (m.name === name) {
      if (!hasOpt(ctx, '--may-exist')) fatal(`meter with name "${name}" already exists`);
      meter = m;
      const b = (m.bands as string[])[0];
      band = b ? ctx.txn.get('Meter_Band', b) : undefined;
      break;
    }
  if (name.startsWith('__')) fatal('meter names that begin with "__" are reserved');
  const action = ctx.argv[2];
  if (action !== 'drop') fatal('action must be "drop"');
  const rate = scanInt(ctx.argv[3], 1, 4294967295);
  if (rate === undefined) fatal('rate must be in the range 1...4294967295');
  const unit = ctx.argv[4];
  if (unit !== 'kbps' && unit !== 'pktps') fatal('unit must be "kbps" or "pktps"');
  let burst = 0;
  if (ctx.argv.length > 5) {
    const b = scanInt(ctx.argv[5], 0, 4294967295);
    if (b === undefined) fatal('burst must be in the range 0...4294967295');
    burst = b as number;
  }
  const bandValues = { action, rate, burst_size: burst };
  const bandRow = band
    ? ctx.txn.update('Meter_Band', band._uuid, bandValues)
    : ctx.txn.insert('Meter_Band', bandValues);
  const meterValues: Record<string, unknown> = { name, unit, bands: [(bandRow as AnyRow)._uuid] };
  if (hasOpt(ctx, '--fair')) meterValues.fair = true;
  if (meter) ctx.txn.update('Meter', meter._uuid, meterValues);
  else ctx.txn.insert('Meter', meterValues);
}

function meterDel(ctx: CmdContext): void {
  for (const m of [...ctx.txn.rows('Meter').values()]) {
    if (ctx.argv.length === 1) ctx.txn.delete('Meter', m._uuid);
    else if (m.name === ctx.argv[1]) {
      ctx.txn.delete('Meter', m._uuid);
      return;
    }
  }
}

function meterList(ctx: CmdContext): void {
  let out = '';
  const meters = [...ctx.txn.rows('Meter').values()].sort((a, b) => strcmp(String(a.name), String(b.name)));
  for (const m of meters) {
    out += `${String(m.name)}:`;
    if (m.fair !== undefined) out += ` (${m.fair ? 'fair' : 'shared'})`;
    out += ' bands:\n';
    for (const u of m.bands as string[]) {
      const b = ctx.txn.deref('Meter_Band', u);
      if (!b) continue;
      out += `  ${String(b.action)}: ${String(b.rate)} ${String(m.unit)}`;
      if (b.burst_size) out += `, ${String(b.burst_size)} ${m.unit === 'kbps' ? 'kb' : 'packet'} burst`;
    }
    out += '\n';
  }
  print(ctx, out);
}

export const qosCommands: CommandSpec[] = [
  { name: 'qos-add', min: 5, max: 7, options: '--may-exist', run: qosAdd },
  { name: 'qos-del', min: 1, max: 4, options: '', run: qosDel },
  { name: 'qos-list', min: 1, max: 1, options: '', run: qosList },
  { name: 'meter-add', min: 4, max: 5, options: '--fair,--may-exist', run: meterAdd },
  { name: 'meter-del', min: 0, max: 1, options: '', run: meterDel },
  { name: 'meter-list', min: 0, max: 0, options: '', run: meterList },
];
