// Annotation (expr_annotate in lib/expr.c): adds each symbol's prerequisites, replaces subfields by
// their parent field shifted into place and predicates by their expansion, so that every comparison
// is on a field that exists in the packet. Same order of terms as OVN, same error texts.
import { parseExpr } from './parser.ts';
import { buildExpr, combine, exprNot, type OvnExpr } from './expr.ts';
import { SYMTAB, type ExprSymbol, type SymbolTable } from './symbols.ts';

export type AnnotateResult = { ok: true; value: OvnExpr } | { ok: false; error: string };

class Annotator {
  private readonly cache = new Map<string, AnnotateResult>();

  constructor(readonly symtab: SymbolTable) {}

  /** parse_and_annotate: a prerequisite or predicate text, parsed and annotated. */
  parseAndAnnotate(s: string, nesting: Set<string>): AnnotateResult {
    const cached = this.cache.get(s);
    if (cached) return cached;
    const parsed = parseExpr(s, { symtab: this.symtab });
    let result: AnnotateResult;
    if (!parsed.ok) {
      result = { ok: false, error: parsed.error.message };
    } else {
      result = this.annotate(buildExpr(parsed.value, { symtab: this.symtab }), true, nesting);
    }
    if (!result.ok) {
      result = {
        ok: false,
        error: `Error parsing expression \`${s}' encountered as prerequisite or predicate of initial expression: ${result.error}`,
      };
    }
    // Results do not depend on `nesting` unless they are recursion errors, which the standard table has none of.
    if (result.ok) this.cache.set(s, result);
    return result;
  }

  private appendPrereqs(e: OvnExpr, symbol: ExprSymbol, nesting: Set<string>): AnnotateResult {
    if (!symbol.prereqs) return { ok: true, value: e };
    const prereqs = this.parseAndAnnotate(symbol.prereqs, nesting);
    if (!prereqs.ok) return prereqs;
    return { ok: true, value: combine('and', e, prereqs.value)! };
  }

  private annotateCmp(
    e: OvnExpr & { type: 'cmp' | 'cmpString' },
    append: boolean,
    nesting: Set<string>,
  ): AnnotateResult {
    const symbol = this.symtab.get(e.symbol);
    if (!symbol) return { ok: false, error: `Unknown symbol \`${e.symbol}'.` };
    if (nesting.has(symbol.name)) return { ok: false, error: `Recursive expansion of symbol \`${symbol.name}'.` };
    nesting.add(symbol.name);
    try {
      let prereqs: OvnExpr | undefined;
      if (append && symbol.prereqs) {
        const p = this.parseAndAnnotate(symbol.prereqs, nesting);
        if (!p.ok) return p;
        prereqs = p.value;
      }
      let result: OvnExpr = e;
      if (symbol.parent && e.type === 'cmp') {
        const shift = BigInt(symbol.parentOfs ?? 0);
        result = { ...e, symbol: symbol.parent, value: e.value << shift, mask: e.mask << shift };
      } else if (symbol.predicate && e.type === 'cmp') {
        const predicate = this.parseAndAnnotate(symbol.predicate, nesting);
        if (!predicate.ok) return predicate;
        const positive = ((e.value & 1n) !== 0n) !== (e.relop === '!=');
        result = positive ? predicate.value : exprNot(predicate.value);
      }
      return { ok: true, value: prereqs ? combine('and', result, prereqs)! : result };
    } finally {
      nesting.delete(symbol.name);
    }
  }

  annotate(e: OvnExpr, append: boolean, nesting: Set<string>): AnnotateResult {
    switch (e.type) {
      case 'cmp':
      case 'cmpString':
        return this.annotateCmp(e, append, nesting);
      case 'and':
      case 'or': {
        let expr: OvnExpr = e;
        if (append) {
          const unique = uniqueSymbol(e);
          if (unique) {
            append = false;
            const symbol = this.symtab.get(unique);
            if (symbol) {
              const withPrereqs = this.appendPrereqs(e, symbol, nesting);
              if (!withPrereqs.ok) return withPrereqs;
              expr = withPrereqs.value;
            }
          }
        }
        if (expr.type !== 'and' && expr.type !== 'or') return { ok: true, value: expr };
        const terms: OvnExpr[] = [];
        for (const sub of expr.terms) {
          const r = this.annotate(sub, append, nesting);
          if (!r.ok) return r;
          // expr_insert_andor: a result of the same type is spliced in.
          if (r.value.type === expr.type) terms.push(...r.value.terms);
          else terms.push(r.value);
        }
        return { ok: true, value: { type: expr.type, terms } };
      }
      case 'bool':
      case 'condition':
        return { ok: true, value: e };
    }
  }
}

/** expr_get_unique_symbol: the one symbol a comparison or an AND/OR tree of them is about, if any. */
export function uniqueSymbol(e: OvnExpr): string | undefined {
  switch (e.type) {
    case 'cmp':
    case 'cmpString':
      return e.symbol;
    case 'and':
    case 'or': {
      let prev: string | undefined;
      for (const t of e.terms) {
        const s = uniqueSymbol(t);
        if (!s || (prev && s !== prev)) return undefined;
        prev = s;
      }
      return prev;
    }
    default:
      return undefined;
  }
}

const annotators = new WeakMap<SymbolTable, Annotator>();

/** expr_annotate. */
export function annotateExpr(e: OvnExpr, symtab: SymbolTable = SYMTAB): AnnotateResult {
  let annotator = annotators.get(symtab);
  if (!annotator) {
    annotator = new Annotator(symtab);
    annotators.set(symtab, annotator);
  }
  return annotator.annotate(e, true, new Set());
}
