// OVSDB values as text, the way ovs-vsctl style tools read and print them (lib/ovsdb-data.c):
// tokens, atoms with their constraints, sets and maps, and the printed forms.
import type { BaseType, ColumnSchema, ColumnType } from './schema.ts';

export type Atom = string | number | boolean;

/** A parsed datum: keys (and values for maps), in ovsdb's sorted order. */
export interface Datum {
  keys: Atom[];
  values?: Atom[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };
const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const fail = <T>(error: string): Result<T> => ({ ok: false, error });

/** Named uuids (`@name`) of one invocation: declared by --id on create/get, and usable before their
 * declaration (a forward reference gets its uuid at first use). */
export interface SymbolTable extends Map<string, string> {
  forward?: (name: string) => string;
}

const UUID_RE = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
export const isUuid = (s: string): boolean => UUID_RE.test(s);

const DELIMS = ':=, []{}!<>';
export const isDelim = (c: string): boolean => c !== '' && DELIMS.includes(c);

/** ovsdb_token_parse: up to an unquoted delimiter; quotes kept, backslash escapes the next char. */
export function parseToken(s: string, pos: number): Result<{ token: string; end: number }> {
  let out = '';
  let inQuotes = false;
  let p = pos;
  while (p < s.length) {
    const c = s[p++];
    if (c === '\\') {
      if (inQuotes) out += '\\';
      if (p >= s.length) return fail(`${s.slice(pos)}: backslash at end of argument`);
      out += s[p++];
    } else if (!inQuotes && isDelim(c)) {
      p--;
      break;
    } else {
      out += c;
      if (c === '"') inQuotes = !inQuotes;
    }
  }
  if (inQuotes) return fail(`${s.slice(pos)}: quoted string extends past end of argument`);
  return ok({ token: out, end: p });
}

function unescapeJsonString(body: string): Result<string> {
  try {
    const v: unknown = JSON.parse(`"${body}"`);
    return typeof v === 'string' ? ok(v) : fail('bad string');
  } catch {
    return fail('syntax error in string');
  }
}

/** ovsdb_atom_from_string plus ovsdb_atom_check_constraints. */
export function parseAtom(base: BaseType, s: string, symtab?: SymbolTable): Result<Atom> {
  let atom: Atom;
  switch (base.type) {
    case 'integer': {
      if (!/^[-+]?\d+$/.test(s)) return fail(`"${s}" is not a valid integer or range`);
      atom = Number(s);
      break;
    }
    case 'real': {
      const n = Number(s);
      if (s.trim() === '' || Number.isNaN(n)) return fail(`"${s}" is not a valid real number`);
      atom = n;
      break;
    }
    case 'boolean':
      if (['true', 'yes', 'on', '1'].includes(s)) atom = true;
      else if (['false', 'no', 'off', '0'].includes(s)) atom = false;
      else return fail(`"${s}" is not a valid boolean (use "true" or "false")`);
      break;
    case 'uuid':
      if (s.startsWith('@')) {
        const u = symtab?.get(s) ?? symtab?.forward?.(s);
        if (u === undefined)
          return fail(`row id "${s}" is referenced but never created (e.g. with "-- --id=${s} create ...")`);
        atom = u;
      } else if (isUuid(s)) atom = s.toLowerCase();
      else return fail(`"${s}" is not a valid UUID`);
      break;
    default:
      if (s === '') return fail('An empty string is not valid as input; use "" to represent the empty string');
      if (s.startsWith('"')) {
        if (s.length < 2 || !s.endsWith('"')) return fail(`${s}: missing quote at end of quoted string`);
        const r = unescapeJsonString(s.slice(1, -1));
        if (!r.ok) return fail(`${s}: ${r.error}`);
        atom = r.value;
      } else atom = s;
  }
  const err = checkAtom(base, atom);
  return err ? fail(`constraint violation: ${err}`) : ok(atom);
}

/** ovsdb_atom_check_constraints, without the "constraint violation" prefix callers add. */
export function checkAtom(base: BaseType, atom: Atom): string | undefined {
  if (base.enum && !base.enum.includes(atom)) {
    const valid = base.enum.map((e) => formatAtom(base.type, e)).sort(atomCompare);
    const list = valid.length === 1 ? valid[0] : `[${valid.join(', ')}]`;
    return `${formatAtom(base.type, atom)} is not one of the allowed values (${list})`;
  }
  if (base.type === 'integer' && typeof atom === 'number') {
    const min = base.minInteger;
    const max = base.maxInteger;
    if (min !== undefined && max !== undefined && (atom < min || atom > max))
      return `${atom} is not in the valid range ${min} to ${max} (inclusive)`;
    if (min !== undefined && max === undefined && atom < min)
      return `${atom} is less than minimum allowed value ${min}`;
    if (max !== undefined && min === undefined && atom > max)
      return `${atom} is greater than maximum allowed value ${max}`;
  }
  if (base.type === 'string' && typeof atom === 'string') {
    const n = [...atom].length;
    if (base.minLength !== undefined && n < base.minLength)
      return `"${atom}" length ${n} is less than minimum allowed length ${base.minLength}`;
    if (base.maxLength !== undefined && n > base.maxLength)
      return `"${atom}" length ${n} is greater than maximum allowed length ${base.maxLength}`;
  }
  return undefined;
}

const skipSpaces = (s: string, p: number): number => {
  while (p < s.length && /\s/.test(s[p])) p++;
  return p;
};

/** ovsdb_type_to_english. */
function typeToEnglish(t: ColumnType): string {
  if (!t.value && t.min === 1 && t.max === 1) return t.key.type;
  let s = t.value ? 'map' : 'set';
  if (t.max === Infinity) s += t.min ? ` of ${t.min} or more` : ' of';
  else if (t.min) s += ` of ${t.min} to ${t.max}`;
  else s += ` of up to ${t.max}`;
  return t.value ? `${s} (${t.key.type}, ${t.value.type}) pairs` : `${s} ${t.key.type}s`;
}

/** ovsdb_datum_from_string: a set, map or scalar as typed on a command line. */
export function parseDatum(type: ColumnType, s: string, symtab?: SymbolTable): Result<Datum> {
  const isMap = type.value !== undefined;
  let p = skipSpaces(s, 0);
  let endDelim = '';
  if (s[p] === (isMap ? '{' : '[')) {
    endDelim = isMap ? '}' : ']';
    p = skipSpaces(s, p + 1);
  } else if (p >= s.length) {
    return fail(isMap ? 'use "{}" to specify the empty map' : 'use "[]" to specify the empty set');
  }
  const keys: Atom[] = [];
  const values: Atom[] = [];
  while (p < s.length && s[p] !== endDelim) {
    if (isDelim(s[p])) return fail(`${s}: unexpected "${s[p]}" parsing ${typeToEnglish(type)}`);
    const start = p;
    const kt = parseToken(s, p);
    if (!kt.ok) return kt;
    const k = parseAtom(type.key, kt.value.token, symtab);
    if (!k.ok) return k;
    p = kt.value.end;
    if (type.value) {
      p = skipSpaces(s, p);
      if (s[p] !== '=') return fail(`${s.slice(start)}: syntax error at "${s[p] ?? ''}" expecting "="`);
      p = skipSpaces(s, p + 1);
      const vt = parseToken(s, p);
      if (!vt.ok) return vt;
      const v = parseAtom(type.value, vt.value.token, symtab);
      if (!v.ok) return v;
      p = vt.value.end;
      values.push(v.value);
    }
    keys.push(k.value);
    p = skipSpaces(s, p);
    if (s[p] === ',') p = skipSpaces(s, p + 1);
  }
  if ((s[p] ?? '') !== endDelim) return fail(`${s}: missing "${endDelim}" at end of data`);
  if (endDelim && skipSpaces(s, p + 1) < s.length) return fail(`${s}: trailing garbage after "${endDelim}"`);
  const what = isMap ? 'pair(s)' : 'value(s)';
  if (keys.length < type.min)
    return fail(`${s}: ${keys.length} ${what} specified but the minimum number is ${type.min}`);
  if (keys.length > type.max)
    return fail(`${s}: ${keys.length} ${what} specified but the maximum number is ${type.max}`);
  const sorted = sortDatum({ keys, values: isMap ? values : undefined });
  if (!sorted) return fail(isMap ? `${s}: map contains duplicate key` : `${s}: set contains duplicate value`);
  return ok(sorted);
}

export function atomCompare(a: Atom, b: Atom): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Sorts by key; undefined when a key repeats (ovsdb rejects duplicates in typed input). */
export function sortDatum(d: Datum): Datum | undefined {
  const idx = d.keys.map((_, i) => i).sort((i, j) => atomCompare(d.keys[i], d.keys[j]));
  for (let i = 1; i < idx.length; i++) if (atomCompare(d.keys[idx[i - 1]], d.keys[idx[i]]) === 0) return undefined;
  return { keys: idx.map((i) => d.keys[i]), values: d.values ? idx.map((i) => (d.values as Atom[])[i]) : undefined };
}

/** The row value of a column (scalar, optional, sorted array or map) as a Datum. */
export function datumOf(col: ColumnSchema, v: unknown): Datum {
  switch (col.kind) {
    case 'map': {
      const rec = (v ?? {}) as Record<string, Atom>;
      const keys = Object.keys(rec).sort(atomCompare);
      return { keys, values: keys.map((k) => rec[k]) };
    }
    case 'set':
      return { keys: [...((v ?? []) as Atom[])].sort(atomCompare) };
    case 'optional':
      return { keys: v === undefined || v === null ? [] : [v as Atom] };
    default:
      return { keys: [v as Atom] };
  }
}

/** The row value for a Datum of this column. Callers have checked the count. */
export function valueOf(col: ColumnSchema, d: Datum): unknown {
  switch (col.kind) {
    case 'map': {
      const rec: Record<string, Atom> = {};
      d.keys.forEach((k, i) => (rec[String(k)] = (d.values as Atom[])[i]));
      return rec;
    }
    case 'set':
      return [...d.keys].sort(atomCompare);
    case 'optional':
      return d.keys[0];
    default:
      return d.keys[0];
  }
}

function stringNeedsQuotes(s: string): boolean {
  if (!/^[A-Za-z_]/.test(s)) return true;
  if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(s)) return true;
  return s === 'true' || s === 'false' || isUuid(s);
}

/** OVS's json string form: only ", \ and control characters are escaped. */
export function jsonQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return out + '"';
}

export function formatAtom(type: BaseType['type'], a: Atom): string {
  if (type === 'string') return stringNeedsQuotes(String(a)) ? jsonQuote(String(a)) : String(a);
  if (type === 'real') return String(a);
  return String(a);
}

/** ovsdb_datum_to_string: `[a, b]`, `{k=v}`, or a bare atom for a scalar. */
export function formatDatum(type: ColumnType, d: Datum): string {
  const brackets = type.max > 1 || d.keys.length === 0;
  const isMap = type.value !== undefined;
  const parts = d.keys.map((k, i) =>
    isMap
      ? `${formatAtom(type.key.type, k)}=${formatAtom((type.value as BaseType).type, (d.values as Atom[])[i])}`
      : formatAtom(type.key.type, k),
  );
  const body = parts.join(', ');
  return brackets ? (isMap ? `{${body}}` : `[${body}]`) : body;
}

/** ovsdb_datum_to_bare: space separated, strings unquoted. */
export function formatBare(type: ColumnType, d: Datum): string {
  const bare = (t: BaseType, a: Atom): string => (t.type === 'string' ? String(a) : formatAtom(t.type, a));
  return d.keys
    .map((k, i) =>
      type.value ? `${bare(type.key, k)}=${bare(type.value, (d.values as Atom[])[i])}` : bare(type.key, k),
    )
    .join(' ');
}

/** ovsdb_datum_to_json: an atom, ["set", […]], ["map", [[k, v] …]], uuids as ["uuid", "…"]. */
export function datumToJson(type: ColumnType, d: Datum): unknown {
  const atom = (t: BaseType, a: Atom): unknown => (t.type === 'uuid' ? ['uuid', a] : a);
  if (type.value) {
    const v = type.value;
    return ['map', d.keys.map((k, i) => [atom(type.key, k), atom(v, (d.values as Atom[])[i])])];
  }
  if (d.keys.length === 1) return atom(type.key, d.keys[0]);
  return ['set', d.keys.map((k) => atom(type.key, k))];
}
