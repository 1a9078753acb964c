// OVN's expression simplification and normalization (expr_simplify, expr_evaluate_condition and
// expr_normalize in lib/expr.c): relational operators become masked equalities, conditions become
// constants, and comparisons of one symbol under an AND are crushed together. ovn-trace's microflow
// parser relies on the result's shape to tell a pinned-down packet from an ambiguous one.
import { combine, combineAll, bitwiseRange, type OvnExpr } from './expr.ts';
import { uniqueSymbol } from './annotate.ts';
import { SYMTAB, type SymbolTable } from './symbols.ts';

type Cmp = OvnExpr & { type: 'cmp' };
type CmpString = OvnExpr & { type: 'cmpString' };

const TRUE: OvnExpr = { type: 'bool', value: true };
const FALSE: OvnExpr = { type: 'bool', value: false };

function bit(v: bigint, i: number): boolean {
  return ((v >> BigInt(i)) & 1n) === 1n;
}

/** bitwise_scan: first index in [start, end) whose bit equals `target`, else end. */
function scan(v: bigint, target: boolean, start: number, end: number): number {
  for (let i = start; i < end; i++) if (bit(v, i) === target) return i;
  return end;
}

/** expr_fix: drops constant operands of AND/OR and unwraps single operands. */
export function exprFix(e: OvnExpr): OvnExpr {
  if (e.type !== 'and' && e.type !== 'or') return e;
  const shortCircuit = e.type === 'or';
  const terms: OvnExpr[] = [];
  for (const t of e.terms) {
    if (t.type === 'bool') {
      if (t.value === shortCircuit) return { type: 'bool', value: shortCircuit };
    } else terms.push(t);
  }
  if (terms.length === 0) return { type: 'bool', value: !shortCircuit };
  if (terms.length === 1) return terms[0];
  return { type: e.type, terms };
}

/** Rebuilds an AND/OR from new operands, splicing operands of the same type (expr_insert_andor). */
function rebuild(type: 'and' | 'or', subs: OvnExpr[]): OvnExpr {
  const terms: OvnExpr[] = [];
  for (const s of subs) {
    if (s.type === type) for (const t of s.terms) terms.push(t);
    else terms.push(s);
  }
  return { type, terms };
}

function simplifyNe(e: Cmp, width: number): OvnExpr {
  let out: OvnExpr | undefined;
  for (let i = scan(e.mask, true, 0, width); i < width; i = scan(e.mask, true, i + 1, width)) {
    const leaf: Cmp = {
      type: 'cmp',
      symbol: e.symbol,
      relop: '==',
      value: bit(e.value, i) ? 0n : 1n << BigInt(i),
      mask: 1n << BigInt(i),
    };
    out = combine('or', out, leaf);
  }
  return out ?? FALSE;
}

function simplifyRelational(e: Cmp, width: number): OvnExpr {
  const [start, nBits] = bitwiseRange(e.mask, width);
  const end = start + nBits;
  const lt = e.relop === '<' || e.relop === '<=';
  const eq = e.relop === '<=' || e.relop === '>=';
  if (scan(e.value, !lt, start, end) === end) return eq ? TRUE : simplifyNe(e, width);
  let out: OvnExpr | undefined = eq ? { ...e, relop: '==' } : undefined;
  for (let z = scan(e.value, lt, start, end); z < end; z = scan(e.value, lt, z + 1, end)) {
    const below = ((1n << BigInt(z - start)) - 1n) << BigInt(start);
    out = combine('or', out, {
      type: 'cmp',
      symbol: e.symbol,
      relop: '==',
      value: (e.value ^ (1n << BigInt(z))) & ~below,
      mask: e.mask & ~below,
    });
  }
  return out ?? FALSE;
}

/** expr_simplify: only equality comparisons remain. */
export function simplifyExpr(e: OvnExpr, symtab: SymbolTable = SYMTAB): OvnExpr {
  switch (e.type) {
    case 'cmp': {
      const width = symtab.get(e.symbol)?.width ?? 0;
      if (e.relop === '==') return e.mask === 0n ? TRUE : e;
      if (e.relop === '!=') return simplifyNe(e, width);
      return simplifyRelational(e, width);
    }
    case 'and':
    case 'or':
      return exprFix(
        rebuild(
          e.type,
          e.terms.map((t) => simplifyExpr(t, symtab)),
        ),
      );
    default:
      return e;
  }
}

/** expr_evaluate_condition: is_chassis_resident() replaced by its answer. */
export function evaluateConditions(e: OvnExpr, chassisResident: (port: string) => boolean = () => true): OvnExpr {
  switch (e.type) {
    case 'condition':
      return { type: 'bool', value: chassisResident(e.port) !== e.not };
    case 'and':
    case 'or':
      return exprFix(
        rebuild(
          e.type,
          e.terms.map((t) => exprFix(evaluateConditions(t, chassisResident))),
        ),
      );
    default:
      return e;
  }
}

/** mf_subvalue_intersect. */
function intersect(av: bigint, am: bigint, bv: bigint, bm: bigint): [bigint, bigint] | undefined {
  if ((av ^ bv) & am & bm) return undefined;
  return [av | bv, am | bm];
}

function compareCmps(a: OvnExpr, b: OvnExpr): number {
  if (a.type === 'cmpString' && b.type === 'cmpString') return a.string < b.string ? -1 : a.string > b.string ? 1 : 0;
  if (a.type === 'cmp' && b.type === 'cmp') {
    if (a.value !== b.value) return a.value < b.value ? -1 : 1;
    return a.mask < b.mask ? -1 : a.mask > b.mask ? 1 : 0;
  }
  return 0;
}

function crushOr(e: OvnExpr & { type: 'or' }, symbol: string, symtab: SymbolTable): OvnExpr {
  const fixed = exprFix(
    rebuild(
      'or',
      e.terms.map((t) => crushCmps(t, symbol, symtab)),
    ),
  );
  if (fixed.type !== 'or') return fixed;
  const sorted = [...fixed.terms].sort(compareCmps);
  const terms: OvnExpr[] = [sorted[0]];
  for (let i = 1; i < sorted.length; i++) {
    if (compareCmps(terms[terms.length - 1], sorted[i])) terms.push(sorted[i]);
  }
  return exprFix({ type: 'or', terms });
}

function crushAndString(e: OvnExpr & { type: 'and' }, symbol: string, symtab: SymbolTable): OvnExpr {
  let singleton: CmpString | undefined;
  const ors: (OvnExpr & { type: 'or' })[] = [];
  for (const sub of e.terms) {
    const n = crushCmps(sub, symbol, symtab);
    if (n.type === 'cmpString') {
      if (!singleton) singleton = n;
      else if (n.string !== singleton.string) return FALSE;
    } else if (n.type === 'or') ors.push(n);
    else if (n.type === 'bool' && !n.value) return n;
  }
  if (singleton) {
    const s = singleton.string;
    for (const o of ors) if (!o.terms.some((t) => t.type === 'cmpString' && t.string === s)) return FALSE;
    return singleton;
  }
  let result: Set<string> | undefined;
  for (const o of ors) {
    const strings = new Set(o.terms.flatMap((t) => (t.type === 'cmpString' ? [t.string] : [])));
    result = result ? new Set([...result].filter((x) => strings.has(x))) : strings;
    if (result.size === 0) return FALSE;
  }
  const terms: OvnExpr[] = [...(result ?? [])]
    .sort()
    .map((s) => ({ type: 'cmpString', symbol, relop: '==', string: s }));
  return exprFix({ type: 'or', terms });
}

function crushAndNumeric(e: OvnExpr & { type: 'and' }, symbol: string, symtab: SymbolTable): OvnExpr {
  let value = 0n;
  let mask = 0n;
  const rest: (OvnExpr & { type: 'or' })[] = [];
  for (const sub of e.terms) {
    const n = crushCmps(sub, symbol, symtab);
    if (n.type === 'cmp') {
      const r = intersect(value, mask, n.value, n.mask);
      if (!r) return FALSE;
      [value, mask] = r;
    } else if (n.type === 'or') rest.push(n);
    else if (n.type === 'bool' && !n.value) return n;
  }
  const cmp = (v: bigint, m: bigint): Cmp => ({ type: 'cmp', symbol, relop: '==', value: v, mask: m });
  if (rest.length === 0) return mask === 0n ? TRUE : cmp(value, mask);
  if (rest.length === 1) {
    const kept: OvnExpr[] = [];
    for (const d of rest[0].terms) {
      if (d.type !== 'cmp') continue;
      const r = intersect(value, mask, d.value, d.mask);
      if (r) kept.push(cmp(r[0], r[1]));
    }
    if (kept.length === 0) return FALSE;
    if (kept.length === 1) return kept[0];
    return crushCmps({ type: 'or', terms: kept }, symbol, symtab);
  }
  // x && (a0 || a1) && (b0 || b1) && ...  →  (xa0b0 || xa0b1 || xa1b0 || xa1b1) && ...
  const [as, bs, ...others] = rest;
  const product: OvnExpr[] = [];
  for (const a of as.terms) {
    if (a.type !== 'cmp') continue;
    const ra = intersect(value, mask, a.value, a.mask);
    if (!ra) continue;
    for (const b of bs.terms) {
      if (b.type !== 'cmp') continue;
      const rb = intersect(ra[0], ra[1], b.value, b.mask);
      if (rb) product.push(cmp(rb[0], rb[1]));
    }
  }
  if (product.length === 0) return FALSE;
  if (product.length === 1) {
    if (others.length === 0) return crushCmps(product[0], symbol, symtab);
    return crushCmps(combine('and', product[0], { type: 'and', terms: others })!, symbol, symtab);
  }
  const or: OvnExpr = { type: 'or', terms: product };
  if (others.length) {
    return crushCmps(
      others.length === 1 ? { type: 'and', terms: [or, others[0]] } : { type: 'and', terms: [or, ...others] },
      symbol,
      symtab,
    );
  }
  return crushCmps(or, symbol, symtab);
}

/** crush_cmps: an expression over one symbol reduced to a comparison, a disjunction of them, or a constant. */
function crushCmps(e: OvnExpr, symbol: string, symtab: SymbolTable): OvnExpr {
  switch (e.type) {
    case 'or':
      return crushOr(e, symbol, symtab);
    case 'and':
      return (symtab.get(symbol)?.width ?? 0) ? crushAndNumeric(e, symbol, symtab) : crushAndString(e, symbol, symtab);
    default:
      return e;
  }
}

const TYPE_ORDER: Record<OvnExpr['type'], number> = { cmp: 0, cmpString: 0, and: 1, or: 2, bool: 3, condition: 4 };

/** expr_sort: groups an AND's operands by symbol and crushes each group. */
function exprSort(e: OvnExpr & { type: 'and' }, symtab: SymbolTable): OvnExpr {
  const subs = e.terms.map((t) => {
    const symbol = uniqueSymbol(t);
    return { expr: t, symbol, order: symbol ? 0 : TYPE_ORDER[t.type] };
  });
  subs.sort((a, b) => {
    if (a.order !== b.order) return a.order - b.order;
    if (a.symbol && b.symbol) return a.symbol < b.symbol ? -1 : a.symbol > b.symbol ? 1 : 0;
    if ((a.expr.type === 'and' || a.expr.type === 'or') && (b.expr.type === 'and' || b.expr.type === 'or')) {
      return a.expr.terms.length - b.expr.terms.length;
    }
    return 0;
  });
  const out: OvnExpr[] = [];
  for (let i = 0; i < subs.length;) {
    const symbol = subs[i].symbol;
    if (!symbol) {
      out.push(subs[i++].expr);
      continue;
    }
    let j = i + 1;
    while (j < subs.length && subs[j].symbol === symbol) j++;
    const combined = combineAll(
      'and',
      subs.slice(i, j).map((s) => s.expr),
    );
    const crushed = crushCmps(combined!, symbol, symtab);
    if (crushed.type === 'bool') {
      if (!crushed.value) return crushed;
    } else {
      out.push(crushed);
    }
    i = j;
  }
  return combineAll('and', out) ?? TRUE;
}

function normalizeAnd(e: OvnExpr & { type: 'and' }, symtab: SymbolTable): OvnExpr {
  const sorted = exprSort(e, symtab);
  if (sorted.type !== 'and') return sorted;
  const terms: OvnExpr[] = [];
  for (let i = 0; i < sorted.terms.length; i++) {
    const a = sorted.terms[i];
    const b = sorted.terms[i + 1];
    if (!b || a.type !== b.type || (a.type !== 'cmp' && a.type !== 'cmpString')) {
      terms.push(a);
      continue;
    }
    const bb = b as Cmp | CmpString;
    if (a.symbol !== bb.symbol) {
      terms.push(a);
      continue;
    }
    if (a.type === 'cmp' && bb.type === 'cmp') {
      const r = intersect(a.value, a.mask, bb.value, bb.mask);
      if (!r) return FALSE;
      sorted.terms[i + 1] = { ...bb, value: r[0], mask: r[1] };
    } else if (a.type === 'cmpString' && bb.type === 'cmpString' && a.string !== bb.string) {
      return FALSE;
    }
  }
  if (terms.length === 1) return terms[0];
  for (const sub of terms) {
    if (sub.type !== 'or') continue;
    const symbol = uniqueSymbol(sub);
    if (!symbol || symtab.get(symbol)?.mustCrossproduct) {
      // Distribute the AND over this OR's operands.
      const or: OvnExpr[] = sub.terms.map((k) => ({
        type: 'and',
        terms: terms.flatMap((m) => {
          const term = m === sub ? k : m;
          return term.type === 'and' ? term.terms : [term];
        }),
      }));
      return normalizeOr({ type: 'or', terms: or }, symtab);
    }
  }
  return { type: 'and', terms };
}

function normalizeOr(e: OvnExpr & { type: 'or' }, symtab: SymbolTable): OvnExpr {
  const terms: OvnExpr[] = [];
  for (const sub of e.terms) {
    if (sub.type !== 'and') {
      terms.push(sub);
      continue;
    }
    const n = normalizeAnd(sub, symtab);
    if (n.type === 'bool') {
      if (n.value) return n;
    } else if (n.type === 'or') terms.push(...n.terms);
    else terms.push(n);
  }
  if (terms.length === 0) return FALSE;
  if (terms.length === 1) return terms[0];
  return { type: 'or', terms };
}

/** expr_normalize: OR of ANDs of comparisons or single-symbol disjunctions, or a constant. */
export function normalizeExpr(e: OvnExpr, symtab: SymbolTable = SYMTAB): OvnExpr {
  if (e.type === 'and') return normalizeAnd(e, symtab);
  if (e.type === 'or') return normalizeOr(e, symtab);
  return e;
}
