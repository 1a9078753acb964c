// mf_parse_subfield / mf_format_subfield: "NXM_NX_REG0[0..15]", "reg0[3]", "eth_src[]", "OXM_OF_METADATA".
import { fieldByName, fieldByNxmName, subfieldName } from './fields';
import type { MfField, Subfield } from './types';

export type SubfieldResult =
  { ok: true; subfield: Subfield; field: MfField; rest: string } | { ok: false; error: string };

/** Parses a subfield at the start of `s`; `rest` is what follows it. */
export function parseSubfieldPrefix(s: string): SubfieldResult {
  const nameLen = /^[^[-]*/.exec(s)?.[0].length ?? 0;
  const name = s.slice(0, nameLen);
  // NXM names may carry a "_W" suffix for "wildcarded" forms.
  const field = fieldByNxmName(name) ?? fieldByNxmName(name.replace(/_W$/, '')) ?? fieldByName(name);
  if (!field) return { ok: false, error: `${s}: unknown field \`${name}'` };
  let rest = s.slice(nameLen);
  let start = 0;
  let end = field.nBits - 1;
  if (rest.startsWith('[')) {
    const range = /^\[(-?\d+)\.\.(-?\d+)\]/.exec(rest);
    const one = /^\[(-?\d+)\]/.exec(rest);
    if (rest.startsWith('[]')) rest = rest.slice(2);
    else if (range) {
      start = Number(range[1]);
      end = Number(range[2]);
      rest = rest.slice(range[0].length);
    } else if (one) {
      start = end = Number(one[1]);
      rest = rest.slice(one[0].length);
    } else return { ok: false, error: `${s}: syntax error expecting [] or [<bit>] or [<start>..<end>]` };
  }
  if (start > end) return { ok: false, error: `${s}: starting bit ${start} is after ending bit ${end}` };
  if (start >= field.nBits) {
    return {
      ok: false,
      error: `${s}: starting bit ${start} is not valid because field is only ${field.nBits} bits wide`,
    };
  }
  if (end >= field.nBits) {
    return { ok: false, error: `${s}: ending bit ${end} is not valid because field is only ${field.nBits} bits wide` };
  }
  return { ok: true, subfield: { field: field.name, ofs: start, nBits: end - start + 1 }, field, rest };
}

/** mf_parse_subfield: the whole of `s` must be the subfield. */
export function parseSubfield(s: string): SubfieldResult {
  const r = parseSubfieldPrefix(s);
  if (r.ok && r.rest !== '') return { ok: false, error: 'unexpected input following field syntax' };
  return r;
}

export function formatSubfield(sf: Subfield): string {
  const f = fieldByName(sf.field);
  const name = f ? subfieldName(f) : sf.field;
  if (f && sf.ofs === 0 && sf.nBits === f.nBits) return `${name}[]`;
  if (sf.nBits === 1) return `${name}[${sf.ofs}]`;
  return `${name}[${sf.ofs}..${sf.ofs + sf.nBits - 1}]`;
}
