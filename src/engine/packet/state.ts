// A packet as the tracer sees it: every OVS field's value as a bigint, in a plain record keyed by
// storage slot (see fields.ts), so it can cross a worker boundary. Absent slots are zero.
import { ovsField, STORAGE_WIDTHS, type OvsField } from './fields.ts';

export type PacketState = Record<string, bigint>;

export function emptyPacket(): PacketState {
  return {};
}

export function clonePacket(state: PacketState): PacketState {
  return { ...state };
}

function mask(width: number): bigint {
  return (1n << BigInt(width)) - 1n;
}

function readSlot(state: PacketState, slot: string): bigint {
  return state[slot] ?? 0n;
}

function writeSlot(state: PacketState, slot: string, value: bigint): void {
  state[slot] = value & mask(STORAGE_WIDTHS[slot] ?? 128);
}

function resolve(name: string | OvsField): OvsField | undefined {
  return typeof name === 'string' ? ovsField(name) : name;
}

/** Reads a whole field (e.g. "eth_src", "reg14", "xxreg0"). Unknown names read as 0. */
export function getField(state: PacketState, name: string | OvsField): bigint {
  const f = resolve(name);
  if (!f) return 0n;
  if (f.parts) {
    let value = 0n;
    for (const part of f.parts) value = (value << 32n) | readSlot(state, part);
    return value;
  }
  const slot = f.storage ?? f.name;
  return (readSlot(state, slot) >> BigInt(f.ofs ?? 0)) & mask(f.width);
}

/** Writes a whole field; the value is truncated to the field's width. Unknown names are ignored. */
export function setField(state: PacketState, name: string | OvsField, value: bigint): void {
  const f = resolve(name);
  if (!f) return;
  const v = value & mask(f.width);
  if (f.parts) {
    f.parts.forEach((part, i) => {
      const shift = BigInt((f.parts!.length - 1 - i) * 32);
      writeSlot(state, part, (v >> shift) & 0xffffffffn);
    });
    return;
  }
  const slot = f.storage ?? f.name;
  const ofs = BigInt(f.ofs ?? 0);
  const fieldMask = mask(f.width) << ofs;
  writeSlot(state, slot, (readSlot(state, slot) & ~fieldMask) | (v << ofs));
}

/** Reads bits [ofs, ofs+nBits) of a field. */
export function getBits(state: PacketState, name: string | OvsField, ofs: number, nBits: number): bigint {
  return (getField(state, name) >> BigInt(ofs)) & mask(nBits);
}

/** Writes bits [ofs, ofs+nBits) of a field, leaving the others. */
export function setBits(state: PacketState, name: string | OvsField, ofs: number, nBits: number, value: bigint): void {
  const sliceMask = mask(nBits) << BigInt(ofs);
  const old = getField(state, name);
  setField(state, name, (old & ~sliceMask) | ((value << BigInt(ofs)) & sliceMask));
}

/** Writes value under mask: bits set in `m` take their value from `value`. */
export function setMasked(state: PacketState, name: string | OvsField, value: bigint, m: bigint): void {
  const old = getField(state, name);
  setField(state, name, (old & ~m) | (value & m));
}
