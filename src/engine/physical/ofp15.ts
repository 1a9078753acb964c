// OpenFlow 1.5 wire encoding of actions (lib/ofp-actions.c ofpacts_put_openflow_actions), for the
// actions ovn-controller nests inside controller() userdata (arp { … }, icmp4 { … }, nd_na { … } …):
// ovn-controller sends them back with the packet it builds, so they travel as OpenFlow bytes.
import type { OfpAction, Subfield } from '../openflow/flow/types.ts';
import { OXM_FIELDS } from './oxm.gen.ts';

const OFP15_VERSION = 6;
const NX_VENDOR_ID = 0x00002320;

class Bytes {
  readonly b: number[] = [];
  u8(v: number): void {
    this.b.push(v & 0xff);
  }
  u16(v: number): void {
    this.u8(v >> 8);
    this.u8(v);
  }
  u32(v: number): void {
    this.u16(Math.floor(v / 0x10000) & 0xffff);
    this.u16(v & 0xffff);
  }
  big(v: bigint, n: number): void {
    for (let i = n - 1; i >= 0; i--) this.u8(Number((v >> BigInt(8 * i)) & 0xffn));
  }
  zeros(n: number): void {
    for (let i = 0; i < n; i++) this.u8(0);
  }
  /** Pads what was written since `start` to a multiple of 8 (pad_ofpat) and fixes its length field. */
  finish(start: number): void {
    while ((this.b.length - start) % 8) this.u8(0);
    const len = this.b.length - start;
    this.b[start + 2] = (len >> 8) & 0xff;
    this.b[start + 3] = len & 0xff;
  }
}

/** nxm_field_by_mf_id: the header to use in OpenFlow 1.5 (the last one whose version allows it). */
function headerOf(
  field: string,
  version = OFP15_VERSION,
): { vendor: number; cls: number; type: number; nBytes: number } | undefined {
  const f = OXM_FIELDS[field];
  if (!f) return undefined;
  let chosen = f.headers[0];
  for (const h of f.headers) if (version >= h[3]) chosen = h;
  return { vendor: chosen[0], cls: chosen[1], type: chosen[2], nBytes: f.nBytes };
}

/** nx_put_header: class(16) field(7) hasmask(1) length(8) [experimenter id]. */
function putHeader(out: Bytes, field: string, len: number, masked: boolean, version = OFP15_VERSION): boolean {
  const h = headerOf(field, version);
  if (!h) return false;
  const length = (masked ? 2 * len : len) + (h.cls === 0xffff ? 4 : 0);
  out.u16(h.cls);
  out.u8((h.type << 1) | (masked ? 1 : 0));
  out.u8(length);
  if (h.cls === 0xffff) out.u32(h.vendor);
  return true;
}

function nxHeaderStart(out: Bytes, subtype: number): number {
  const start = out.b.length;
  out.u16(0xffff);
  out.u16(0);
  out.u32(NX_VENDOR_ID);
  out.u16(subtype);
  return start;
}

/** tun_metadata: mf_field_len keeps only the bytes the value and mask need. */
function fieldLen(field: string, nBytes: number, value: bigint, mask: bigint): number {
  if (!field.startsWith('tun_metadata')) return nBytes;
  const bytesOf = (v: bigint) => {
    let n = 0;
    while (v > 0n) {
      n++;
      v >>= 8n;
    }
    return n;
  };
  return Math.max(1, bytesOf(value), bytesOf(mask));
}

function ofp11Port(port: number): number {
  return port >= 0xff00 ? 0xffff0000 + port : port;
}

/** Stack actions always name their field by its NXM header (nx_put_mff_header with version 0). */
function putSubfieldHeader(out: Bytes, sf: Subfield, version = OFP15_VERSION): boolean {
  const h = headerOf(sf.field, version);
  return h ? putHeader(out, sf.field, h.nBytes, false, version) : false;
}

/** Encodes one action; false if it has no encoding here (the caller then reports the flow). */
function encodeOne(a: OfpAction, out: Bytes): boolean {
  switch (a.type) {
    case 'output':
      out.u16(0);
      out.u16(16);
      out.u32(ofp11Port(a.port));
      out.u16(a.maxLen ?? 0);
      out.zeros(6);
      return true;
    case 'dec_ttl':
      out.u16(24);
      out.u16(8);
      out.zeros(4);
      return true;
    case 'set_field': {
      const h = headerOf(a.field);
      if (!h) return false;
      const full = (1n << BigInt(8 * h.nBytes)) - 1n;
      const masked = a.mask !== full;
      const len = fieldLen(a.field, h.nBytes, a.value, masked ? a.mask : 0n);
      const start = out.b.length;
      out.u16(25);
      out.u16(0);
      putHeader(out, a.field, len, masked);
      out.big(a.value, len);
      if (masked) out.big(a.mask, len);
      out.finish(start);
      return true;
    }
    case 'move': {
      const start = out.b.length;
      out.u16(28);
      out.u16(0);
      out.u16(a.dst.nBits);
      out.u16(a.src.ofs);
      out.u16(a.dst.ofs);
      out.zeros(2);
      if (!putSubfieldHeader(out, a.src) || !putSubfieldHeader(out, a.dst)) return false;
      out.finish(start);
      return true;
    }
    case 'push':
    case 'pop': {
      const start = nxHeaderStart(out, a.type === 'push' ? 27 : 28);
      out.u16(a.subfield.ofs);
      if (!putSubfieldHeader(out, a.subfield, 0)) return false;
      out.u16(a.subfield.nBits);
      while (out.b.length - start < 24) out.u8(0);
      out.finish(start);
      return true;
    }
    case 'resubmit': {
      const start = nxHeaderStart(out, a.withCt ? 44 : 14);
      out.u16(a.inPort);
      out.u8(a.table);
      out.zeros(3);
      out.finish(start);
      return true;
    }
    case 'ct_clear': {
      const start = nxHeaderStart(out, 43);
      out.zeros(6);
      out.finish(start);
      return true;
    }
    case 'clone': {
      const start = nxHeaderStart(out, 42);
      out.zeros(6);
      for (const inner of a.actions) if (!encodeOne(inner, out)) return false;
      out.finish(start);
      return true;
    }
    default:
      return false;
  }
}

/** The actions as OpenFlow 1.5 bytes, or undefined if one of them is not encodable here. */
export function encodeOfp15(actions: OfpAction[]): number[] | undefined {
  const out = new Bytes();
  for (const a of actions) if (!encodeOne(a, out)) return undefined;
  return out.b;
}
