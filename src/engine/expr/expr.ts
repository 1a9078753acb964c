// The expression tree OVN itself works on (struct expr in lib/expr.c): comparisons of a symbol's bits
// against a value/mask, AND/OR, constants and is_chassis_resident conditions. Built from the syntax tree
// exactly as expr_parse builds it (negations pushed down, sets expanded), and printed as expr_format does.
import type { Constant, FieldRef, MatchExpr, Relop } from './ast.ts';
import { relopInvert, relopTurn } from './ast.ts';
import { addressSetValues, sbPortGroupName, type IntegerConstant } from './parser.ts';
import { SYMTAB, type SymbolTable } from './symbols.ts';
import { jsonStringEscape } from './lexer.ts';

export type OvnExpr =
  /** Numeric comparison: value and mask are positioned within the symbol's width. */
  | { type: 'cmp'; symbol: string; relop: Relop; value: bigint; mask: bigint }
  /** String comparison (inport, outport). */
  | { type: 'cmpString'; symbol: string; relop: Relop; string: string }
  | { type: 'and'; terms: OvnExpr[] }
  | { type: 'or'; terms: OvnExpr[] }
  | { type: 'bool'; value: boolean }
  | { type: 'condition'; port: string; not: boolean };

/** What sets and port groups mean while building the tree. */
export interface SetContext {
  symtab?: SymbolTable;
  addressSets?: Readonly<Record<string, readonly string[]>>;
  portGroups?: Readonly<Record<string, readonly string[]>>;
  datapathKey?: number;
}

function ones(n: number): bigint {
  return (1n << BigInt(n)) - 1n;
}

/** expr_combine: AND/OR of two expressions, flattening operands of the same type. */
export function combine(type: 'and' | 'or', a: OvnExpr | undefined, b: OvnExpr | undefined): OvnExpr | undefined {
  if (!a) return b;
  if (!b) return a;
  const terms = [...(a.type === type ? a.terms : [a]), ...(b.type === type ? b.terms : [b])];
  return { type, terms };
}

/** combine() over a list, left to right, in one pass (combining one at a time copies the terms each
 * time: quadratic on a long `a && b && …`, where OVN appends to a list). */
export function combineAll(type: 'and' | 'or', exprs: readonly OvnExpr[]): OvnExpr | undefined {
  if (exprs.length <= 1) return exprs[0];
  const terms: OvnExpr[] = [];
  for (const e of exprs) {
    if (e.type === type) for (const t of e.terms) terms.push(t);
    else terms.push(e);
  }
  return { type, terms };
}

/** expr_not: De Morgan down to the leaves. */
export function exprNot(e: OvnExpr): OvnExpr {
  switch (e.type) {
    case 'cmp':
    case 'cmpString':
      return { ...e, relop: relopInvert(e.relop) };
    case 'and':
      return { type: 'or', terms: e.terms.map(exprNot) };
    case 'or':
      return { type: 'and', terms: e.terms.map(exprNot) };
    case 'bool':
      return { type: 'bool', value: !e.value };
    case 'condition':
      return { ...e, not: !e.not };
  }
}

function fieldBits(f: FieldRef, symtab: SymbolTable): { ofs: number; nBits: number; width: number } {
  const width = symtab.get(f.name)?.width ?? 0;
  return f.slice ? { ofs: f.slice.low, nBits: f.slice.high - f.slice.low + 1, width } : { ofs: 0, nBits: width, width };
}

type Expanded = { integers: IntegerConstant[]; strings: string[] };

function expandSet(values: Constant[], ctx: SetContext): Expanded {
  const out: Expanded = { integers: [], strings: [] };
  for (const c of values) {
    if (c.kind === 'integer') out.integers.push({ value: c.value, mask: c.mask, format: c.format });
    else if (c.kind === 'string') out.strings.push(c.value);
    else if (c.kind === 'addressSet') out.integers.push(...addressSetValues(ctx.addressSets?.[c.name] ?? []));
    else {
      const pgs = ctx.portGroups ?? {};
      const sbName = sbPortGroupName(c.name, ctx.datapathKey ?? 0);
      out.strings.push(...(pgs[sbName] ?? pgs[c.name] ?? []));
    }
  }
  return out;
}

/** make_cmp: one comparison per constant, ORed for ==, ANDed otherwise; an empty set is a constant. */
function makeCmp(f: FieldRef, r: Relop, values: Constant[], ctx: SetContext): OvnExpr {
  const symtab = ctx.symtab ?? SYMTAB;
  const { ofs, nBits, width } = fieldBits(f, symtab);
  const set = expandSet(values, ctx);
  const leaves: OvnExpr[] = width
    ? set.integers.map((c) => ({
        type: 'cmp',
        symbol: f.name,
        relop: r,
        value: (c.value & ones(nBits)) << BigInt(ofs),
        mask: ((c.mask ?? ones(nBits)) & ones(nBits)) << BigInt(ofs),
      }))
    : set.strings.map((s) => ({ type: 'cmpString', symbol: f.name, relop: r, string: s }));
  if (leaves.length === 0) return { type: 'bool', value: r === '!=' };
  let e: OvnExpr | undefined;
  for (const leaf of leaves) e = combine(r === '==' ? 'or' : 'and', e, leaf);
  return e!;
}

/** Builds OVN's tree from a parsed (and so already checked) syntax tree. */
export function buildExpr(ast: MatchExpr, ctx: SetContext = {}): OvnExpr {
  switch (ast.type) {
    case 'cmp':
      return makeCmp(ast.field, ast.constantFirst ? relopTurn(ast.relop) : ast.relop, ast.set.values, ctx);
    case 'range':
      return combine(
        'and',
        makeCmp(ast.field, relopTurn(ast.lowRelop), ast.low.values, ctx),
        makeCmp(ast.field, ast.highRelop, ast.high.values, ctx),
      )!;
    case 'test':
      return makeCmp(ast.field, '!=', [{ kind: 'integer', value: 0n, format: 'hexadecimal' }], ctx);
    case 'bool':
      return { type: 'bool', value: ast.value };
    case 'chassisResident':
      return { type: 'condition', port: ast.port, not: false };
    case 'not':
      return exprNot(buildExpr(ast.expr, ctx));
    case 'and':
    case 'or': {
      return combineAll(
        ast.type,
        ast.terms.map((t) => buildExpr(t, ctx)),
      )!;
    }
  }
}

/** Lowest set bit index and run length if `mask` is one contiguous run of 1-bits within `width`, else [0, 0]. */
export function bitwiseRange(mask: bigint, width: number): [number, number] {
  const m = mask & ones(width);
  if (m === 0n) return [0, 0];
  let start = 0;
  while (((m >> BigInt(start)) & 1n) === 0n) start++;
  let end = start;
  while (end < width && ((m >> BigInt(end)) & 1n) === 1n) end++;
  if (m >> BigInt(end) !== 0n) return [0, 0];
  return [start, end - start];
}

function hex(v: bigint): string {
  return v === 0n ? '0' : `0x${v.toString(16)}`;
}

/** expr_format. */
export function formatOvnExpr(e: OvnExpr, symtab: SymbolTable = SYMTAB): string {
  switch (e.type) {
    case 'cmpString':
      return `${e.symbol} ${e.relop} ${jsonStringEscape(e.string)}`;
    case 'cmp': {
      const width = symtab.get(e.symbol)?.width ?? 0;
      const [ofs, n] = bitwiseRange(e.mask, width);
      if (n === 1 && (e.relop === '==' || e.relop === '!=')) {
        const bit = ((e.value >> BigInt(ofs)) & 1n) === 1n;
        const positive = bit !== (e.relop === '!=');
        return `${positive ? '' : '!'}${e.symbol}${width > 1 ? `[${ofs}]` : ''}`;
      }
      let s = e.symbol;
      if (n > 0 && n < width) s += n > 1 ? `[${ofs}..${ofs + n - 1}]` : `[${ofs}]`;
      s += ` ${e.relop} `;
      s += n ? hex((e.value >> BigInt(ofs)) & ones(n)) : `${hex(e.value)}/${hex(e.mask)}`;
      return s;
    }
    case 'and':
    case 'or':
      return e.terms
        .map((t) => (t.type === 'and' || t.type === 'or' ? `(${formatOvnExpr(t, symtab)})` : formatOvnExpr(t, symtab)))
        .join(e.type === 'and' ? ' && ' : ' || ');
    case 'bool':
      return e.value ? '1' : '0';
    case 'condition':
      return `${e.not ? '!' : ''}is_chassis_resident(${jsonStringEscape(e.port)})`;
  }
}
