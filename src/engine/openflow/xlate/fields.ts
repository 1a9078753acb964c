// set_field / load and move on the packet, with the megaflow bits they un-wildcard (a written field is
// matched exactly so that the datapath's set action is right; a read field because it decided a value).
import { allOnes, fieldByName, fieldSlots, readField, writeField } from '../flow/fields.ts';
import type { Subfield } from '../flow/types.ts';
import { report, type Ctx } from './context.ts';
import { formatSubfield } from '../flow/subfield.ts';
import { mfFormat } from '../flow/values.ts';
import { unwildcard, type Packet } from './packet.ts';

/** Fields whose writes are metadata only: the datapath never needs them matched. */
const METADATA_SLOTS = /^(reg\d+|metadata|tun_|ct_mark|ct_label|pkt_mark|in_port|actset_output)/;

function unwildcardField(ctx: Ctx, name: string, mask: bigint): void {
  const f = fieldByName(name);
  if (!f) return;
  const parts = fieldSlots(f);
  let shift = 0;
  for (let i = parts.length - 1; i >= 0; i--) {
    const p = parts[i];
    const m = ((mask >> BigInt(shift)) & allOnes(p.nBits)) << BigInt(p.ofs);
    if (m && !METADATA_SLOTS.test(p.slot)) unwildcard(ctx.wc, p.slot, m);
    shift += p.nBits;
  }
}

export function writeSlots(pkt: Packet, name: string, value: bigint, mask: bigint): void {
  const f = fieldByName(name);
  if (f) writeField(pkt, f, value, mask);
}

export function setFieldAction(ctx: Ctx, name: string, value: bigint, mask: bigint): void {
  unwildcardField(ctx, name, mask);
  writeSlots(ctx.flow, name, value, mask);
}

function readSub(pkt: Packet, sf: Subfield): bigint {
  const f = fieldByName(sf.field);
  if (!f) return 0n;
  return (readField(pkt, f) >> BigInt(sf.ofs)) & allOnes(sf.nBits);
}

export function moveAction(ctx: Ctx, src: Subfield, dst: Subfield): void {
  const v = readSub(ctx.flow, src);
  unwildcardField(ctx, src.field, allOnes(src.nBits) << BigInt(src.ofs));
  unwildcardField(ctx, dst.field, allOnes(dst.nBits) << BigInt(dst.ofs));
  writeSlots(ctx.flow, dst.field, v << BigInt(dst.ofs), allOnes(dst.nBits) << BigInt(dst.ofs));
  reportSubfield(ctx, dst);
}

/** xlate_report_subfield: "NXM_NX_REG2[0..15] is now 0x3" (a whole field in its own format). */
export function reportSubfield(ctx: Ctx, sf: Subfield): void {
  const f = fieldByName(sf.field);
  if (!f) return;
  let value: string;
  if (sf.ofs === 0 && sf.nBits >= f.nBits) value = mfFormat(f, readField(ctx.flow, f), undefined);
  else {
    const v = readSub(ctx.flow, sf);
    value = v ? `0x${v.toString(16)}` : '0';
  }
  report(ctx, 'detail', `${formatSubfield(sf)} is now ${value}`);
}

export function unwildcardSubfield(ctx: Ctx, sf: Subfield, mask?: bigint): void {
  unwildcardField(ctx, sf.field, (mask ?? allOnes(sf.nBits)) << BigInt(sf.ofs));
}
