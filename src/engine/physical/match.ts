// Building OVS matches (struct match) from OVN comparisons: a value/mask on an OVS field lands in the
// field's storage slot(s), as mf_mask_subfield does. Also a canonical key, for match_equal.
import type { Match, MatchEntry } from '../openflow/flow/types.ts';
import { ovsField } from '../packet/fields.ts';

function ones(n: number): bigint {
  return (1n << BigInt(n)) - 1n;
}

export function emptyMatch(): Match {
  return { slots: {} };
}

export function cloneMatch(m: Match): Match {
  const slots: Record<string, MatchEntry> = {};
  for (const [k, v] of Object.entries(m.slots)) slots[k] = { ...v };
  return m.tunMetadataLen ? { slots, tunMetadataLen: { ...m.tunMetadataLen } } : { slots };
}

function maskSlot(m: Match, slot: string, value: bigint, mask: bigint): void {
  if (mask === 0n) return;
  const cur = m.slots[slot] ?? { value: 0n, mask: 0n };
  const newMask = cur.mask | mask;
  m.slots[slot] = { value: ((value & mask) | (cur.value & ~mask)) & newMask, mask: newMask };
}

/** mf_mask_subfield on OVS field `field` (ovs-fields name): value and mask over the whole field. */
export function maskField(m: Match, field: string, value: bigint, mask: bigint): void {
  const f = ovsField(field);
  if (!f) return;
  if (f.parts) {
    const n = f.parts.length;
    f.parts.forEach((slot, i) => {
      const shift = BigInt(32 * (n - 1 - i));
      maskSlot(m, slot, (value >> shift) & ones(32), (mask >> shift) & ones(32));
    });
    return;
  }
  const shift = BigInt(f.ofs ?? 0);
  maskSlot(m, f.storage ?? field, value << shift, (mask & ones(f.width)) << shift);
}

/** match_set_*_masked: the field's bits are replaced by value/mask (bits outside mask wildcarded). */
export function setFieldMasked(m: Match, field: string, value: bigint, mask: bigint): void {
  const f = ovsField(field);
  if (!f) return;
  const clear = (slot: string, bits: bigint) => {
    const cur = m.slots[slot];
    if (!cur) return;
    const left = cur.mask & ~bits;
    if (left === 0n) delete m.slots[slot];
    else m.slots[slot] = { value: cur.value & left, mask: left };
  };
  if (f.parts) {
    for (const slot of f.parts) clear(slot, ones(32));
  } else {
    clear(f.storage ?? field, ones(f.width) << BigInt(f.ofs ?? 0));
  }
  maskField(m, field, value, mask);
}

/** Sets the whole field to `value` (mf_set_value). */
export function setField(m: Match, field: string, value: bigint): void {
  const f = ovsField(field);
  if (!f) return;
  maskField(m, field, value, ones(f.width));
}

/** The value and mask of a whole register/field in a match, for the checks ovn-controller does on matches. */
export function fieldValue(m: Match, slot: string): bigint {
  return m.slots[slot]?.value ?? 0n;
}

/** A canonical text for match_equal/match_hash. */
export function matchKey(m: Match): string {
  return Object.keys(m.slots)
    .filter((k) => m.slots[k].mask !== 0n)
    .sort()
    .map((k) => `${k}=${m.slots[k].value.toString(16)}/${m.slots[k].mask.toString(16)}`)
    .join(',');
}
