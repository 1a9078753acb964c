// The state of one action parse (struct action_context in lib/actions.c) and the field and constant
// helpers every action uses: expr_field_parse, expr_type_check, expr_constant_parse and the constant-set
// parser, with OVN's error texts.
import { Lexer } from '../expr/lexer-cursor.ts';
import { parseSubfield } from '../expr/subfield.ts';
import { WR_DEFAULT, type ExprSymbol } from '../expr/symbols.ts';
import type { ActionContext, Constant, ConstantSet, FieldRef, Pipeline } from './ast.ts';
import { LOG_PIPELINE_LEN } from './ast.ts';

export { WR_CT_COMMIT, WR_DEFAULT } from '../expr/symbols.ts';

export type SymbolLookup = (name: string) => ExprSymbol | undefined;

export class ParseState {
  readonly lexer: Lexer;
  readonly symbols: SymbolLookup;
  readonly pipeline: Pipeline;
  readonly table: number;
  readonly nTables: number;
  depth = 0;
  scope = WR_DEFAULT;
  /** Prerequisites collected so far (ctx->prereqs), each an expression to AND with the match. */
  prereqs: string[] = [];

  constructor(text: string, symbols: SymbolLookup, context: ActionContext) {
    this.lexer = new Lexer(text);
    this.symbols = symbols;
    this.pipeline = context.pipeline;
    this.table = context.table;
    this.nTables = context.nTables ?? LOG_PIPELINE_LEN;
  }

  get failed(): boolean {
    return this.lexer.error !== undefined;
  }

  error(message: string): void {
    this.lexer.errorAt(message);
  }

  syntaxError(message?: string): void {
    this.lexer.syntaxError(message);
  }

  /** expr_field_parse: a field or subfield that is not a predicate. */
  parseField(): FieldRef | undefined {
    const lx = this.lexer;
    const symbol = lx.token.type === 'ID' ? this.symbols(lx.token.s ?? '') : undefined;
    if (!symbol) {
      lx.syntaxError('expecting field name');
      return undefined;
    }
    lx.get();
    let ofs = 0;
    let nBits = symbol.width;
    const slice = parseSubfield(lx, symbol);
    if (slice === undefined) return undefined;
    if (slice) {
      ofs = slice.low;
      nBits = slice.high - slice.low + 1;
    }
    if (symbol.predicate) {
      this.error(`Predicate symbol ${symbol.name} used where lvalue required.`);
      return undefined;
    }
    // The symbol's prerequisites and those of the fields it is part of (expr_field_parse).
    for (let s: ExprSymbol | undefined = symbol; s; s = s.parent ? this.symbols(s.parent) : undefined) {
      if (s.prereqs) this.prereqs.push(s.prereqs);
    }
    return { symbol: symbol.name, width: symbol.width, ofs, nBits };
  }

  /** expr_type_check: the field must be `nBits` wide (0: a string field) and, if `rw`, writable here. */
  typeCheck(f: FieldRef, nBits: number, rw: boolean): boolean {
    const message = this.typeError(f, nBits, rw);
    if (message) this.error(message);
    return !message;
  }

  typeError(f: FieldRef, nBits: number, rw: boolean): string | undefined {
    if (nBits !== f.nBits) {
      if (nBits && f.nBits) {
        return (
          `Cannot use ${f.nBits}-bit field ${f.symbol}[${f.ofs}..${f.ofs + f.nBits - 1}] ` +
          `where ${nBits}-bit field is required.`
        );
      }
      if (nBits) return `Cannot use string field ${f.symbol} where numeric field is required.`;
      return `Cannot use numeric field ${f.symbol} where string field is required.`;
    }
    if (rw && !((this.symbols(f.symbol)?.rw ?? 0) & this.scope)) return `Field ${f.symbol} is not modifiable.`;
    return undefined;
  }

  /** action_parse_field. */
  parseTypedField(nBits: number, rw: boolean): FieldRef | undefined {
    const f = this.parseField();
    if (!f || !this.typeCheck(f, nBits, rw)) return undefined;
    return f;
  }

  /** action_parse_uint16. */
  parseUint16(what: string): number | undefined {
    const lx = this.lexer;
    if (lx.isInt()) {
      const value = Number(lx.token.value ?? 0n);
      if (value <= 0xffff) {
        lx.get();
        return value;
      }
    }
    lx.syntaxError(`expecting ${what}`);
    return undefined;
  }

  /** parse_constant without address sets or port groups (actions have neither). */
  parseConstant(set: ConstantSet): boolean {
    const lx = this.lexer;
    const t = lx.token;
    const assign = (kind: 'integer' | 'string'): boolean => {
      if (set.values.length && set.kind !== kind) {
        lx.syntaxError(`expecting ${set.kind}`);
        return false;
      }
      set.kind = kind;
      return true;
    };
    if (t.type === 'TEMPLATE') {
      this.error('Unexpanded template.');
      return false;
    }
    if (t.type === 'STRING') {
      if (!assign('string')) return false;
      set.values.push({ kind: 'string', value: t.s ?? '' });
    } else if (t.type === 'INTEGER' || t.type === 'MASKED_INTEGER') {
      if (!assign('integer')) return false;
      const c: Constant = { kind: 'integer', value: t.value ?? 0n, format: t.format ?? 'decimal' };
      if (t.type === 'MASKED_INTEGER') c.mask = t.mask ?? 0n;
      set.values.push(c);
    } else if (t.type === 'MACRO') {
      lx.syntaxError('expecting address set name');
      return false;
    } else if (t.type === 'PORT_GROUP') {
      lx.syntaxError('expecting port group name');
      return false;
    } else {
      lx.syntaxError('expecting constant');
      return false;
    }
    lx.get();
    return true;
  }

  /** parse_constant_set: one constant or `{c, c, …}`. */
  parseConstantSet(): ConstantSet | undefined {
    const set: ConstantSet = { kind: 'integer', values: [], inCurlies: false };
    if (this.lexer.match('LCURLY')) {
      set.inCurlies = true;
      do {
        if (!this.parseConstant(set)) return undefined;
        this.lexer.match('COMMA');
      } while (!this.lexer.match('RCURLY'));
      return set;
    }
    return this.parseConstant(set) ? set : undefined;
  }

  /** expr_constant_parse: one constant that fits field `f` (type_check in lib/expr.c). */
  parseConstantFor(f: FieldRef): Constant | undefined {
    const set: ConstantSet = { kind: 'integer', values: [], inCurlies: false };
    if (!this.parseConstant(set)) return undefined;
    const c = set.values[0];
    const isString = c.kind === 'string';
    if (isString !== (f.width === 0)) {
      this.error(
        `${f.width ? 'Integer' : 'String'} field ${f.symbol} is not compatible with ` +
          `${isString ? 'string' : 'integer'} constant.`,
      );
      return undefined;
    }
    if (c.kind === 'integer') {
      const w = constantWidth(c);
      if (w > f.width) {
        this.error(`${w}-bit constant is not compatible with ${f.width}-bit field ${f.symbol}.`);
        return undefined;
      }
    }
    return c;
  }
}

/** expr_constant_width: the bits a constant needs (masked: the mask's; others: by format). */
export function constantWidth(c: Extract<Constant, { kind: 'integer' }>): number {
  if (c.mask !== undefined) return bitLength(c.mask);
  switch (c.format) {
    case 'decimal':
    case 'hexadecimal':
      return bitLength(c.value);
    case 'IPv4':
      return 32;
    case 'IPv6':
      return 128;
    case 'Ethernet':
      return 48;
  }
}

/** mf_subvalue_width: the index of the highest set bit plus one. */
function bitLength(v: bigint): number {
  return v === 0n ? 0 : v.toString(2).length;
}
