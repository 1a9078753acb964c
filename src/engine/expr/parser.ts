// Parser of OVN match expressions (expr_parse in lib/expr.c at v23.03.1): the same grammar, the same
// checks made while parsing (types, widths, nominal fields, `!` operands) and the same error texts,
// each with the column where OVN's lexer stood. Returns a syntax tree (ast.ts); never throws.
import type { Constant, ConstantSet, FieldRef, MatchExpr, Relop } from './ast.ts';
import { relopFromToken, relopTurn } from './ast.ts';
import { Lexer, type ParseError } from './lexer-cursor.ts';
import { tokenize, type LexFormat } from './lexer.ts';
import { parseSubfield } from './subfield.ts';
import { SYMTAB, type ExprSymbol, type SymbolTable } from './symbols.ts';

export interface ParseOptions {
  symtab?: SymbolTable;
  /** SB Address_Set rows (name → addresses). When given, unknown names are errors, as in OVN. */
  addressSets?: Readonly<Record<string, readonly string[]>>;
  /** SB Port_Group rows (name → ports). When given, unknown names are errors, as in OVN. */
  portGroups?: Readonly<Record<string, readonly string[]>>;
  /** Tunnel key of the datapath, for SB port group names ("KEY_name"). */
  datapathKey?: number;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: ParseError };

const MAX_PAREN_DEPTH = 100;

/** An integer constant as OVN keeps it (union expr_constant). */
export interface IntegerConstant {
  value: bigint;
  mask?: bigint;
  format: LexFormat;
}

/** Reads an address set's strings as OVN does (expr_constant_set_create_integers): unparsable ones skipped, sorted. */
export function addressSetValues(addresses: readonly string[]): IntegerConstant[] {
  const out: IntegerConstant[] = [];
  for (const a of addresses) {
    const t = tokenize(a)[0];
    if (t.type === 'INTEGER') out.push({ value: t.value ?? 0n, format: t.format ?? 'decimal' });
    else if (t.type === 'MASKED_INTEGER')
      out.push({ value: t.value ?? 0n, mask: t.mask, format: t.format ?? 'decimal' });
  }
  // Sorted by value bytes (then mask), as compare_expr_constant_integer_cb does.
  return out.sort((x, y) =>
    x.value !== y.value
      ? x.value < y.value
        ? -1
        : 1
      : (x.mask ?? 0n) < (y.mask ?? 0n)
        ? -1
        : (x.mask ?? 0n) > (y.mask ?? 0n)
          ? 1
          : 0,
  );
}

/** The SB name of an NB port group in a datapath (get_sb_port_group_name). */
export function sbPortGroupName(name: string, datapathKey: number): string {
  return `${datapathKey}_${name}`;
}

function bitWidth(v: bigint): number {
  return v === 0n ? 0 : v.toString(2).length;
}

/** expr_constant_width. */
function constantWidth(c: IntegerConstant): number {
  if (c.mask !== undefined) return bitWidth(c.mask);
  switch (c.format) {
    case 'IPv4':
      return 32;
    case 'IPv6':
      return 128;
    case 'Ethernet':
      return 48;
    default:
      return bitWidth(c.value);
  }
}

function levelName(s: ExprSymbol): string {
  return s.level === 'boolean' ? 'Boolean' : s.level;
}

interface CheckedSet {
  type: 'integer' | 'string';
  /** Known values (unknown sets contribute none but count as present). */
  integers: IntegerConstant[];
  count: number;
}

class ExprParser {
  private not = false;
  private parenDepth = 0;

  constructor(
    readonly lexer: Lexer,
    private readonly options: ParseOptions,
  ) {}

  private get symtab(): SymbolTable {
    return this.options.symtab ?? SYMTAB;
  }

  parseExpr(): MatchExpr | undefined {
    const first = this.parseNot();
    if (!first) return undefined;
    const t = this.lexer.token.type;
    if (t !== 'LOG_AND' && t !== 'LOG_OR') return first;
    const terms = [first];
    this.lexer.get();
    do {
      const next = this.parseNot();
      if (!next) return undefined;
      terms.push(next);
    } while (this.lexer.match(t));
    if (this.lexer.token.type === 'LOG_AND' || this.lexer.token.type === 'LOG_OR') {
      this.lexer.errorAt('&& and || must be parenthesized when used together.');
      return undefined;
    }
    return { type: t === 'LOG_AND' ? 'and' : 'or', terms };
  }

  private parseNot(): MatchExpr | undefined {
    if (!this.lexer.match('LOG_NOT')) return this.parsePrimary()?.expr;
    this.not = !this.not;
    const primary = this.parsePrimary();
    this.not = !this.not;
    if (!primary) return undefined;
    if (!primary.atomic) {
      this.lexer.errorAt('Missing parentheses around operand of !.');
      return undefined;
    }
    return { type: 'not', expr: primary.expr };
  }

  private parsePrimary(): { expr: MatchExpr; atomic: boolean } | undefined {
    const lexer = this.lexer;
    if (lexer.match('LPAREN')) {
      if (this.parenDepth >= MAX_PAREN_DEPTH) {
        lexer.errorAt('Parentheses nested too deeply.');
        return undefined;
      }
      this.parenDepth++;
      const e = this.parseExpr();
      this.parenDepth--;
      if (!e || !lexer.forceMatch('RPAREN')) return undefined;
      return { expr: e, atomic: true };
    }
    if (lexer.token.type === 'TEMPLATE') {
      lexer.errorAt('Unexpanded template.');
      return undefined;
    }
    if (lexer.token.type === 'ID') {
      if (lexer.lookahead().type === 'LPAREN') {
        if (lexer.matchId('is_chassis_resident')) {
          lexer.get();
          if (lexer.type() !== 'STRING') {
            lexer.syntaxError('expecting string');
            return undefined;
          }
          const port = lexer.token.s ?? '';
          lexer.get();
          if (!lexer.forceMatch('RPAREN')) return undefined;
          return { expr: { type: 'chassisResident', port }, atomic: true };
        }
        lexer.errorAt('parsing function name');
        return undefined;
      }
      const field = this.parseField();
      if (!field) return undefined;
      const relop = relopFromToken(lexer.token.type);
      if (!relop) {
        const nBits = this.fieldBits(field);
        if (!nBits || lexer.type() === 'EQUALS') {
          lexer.syntaxError('expecting relational operator');
          return undefined;
        }
        if (nBits > 1 && !this.not) {
          lexer.errorAt("Explicit `!= 0' is required for inequality test of multibit field against 0.");
          return undefined;
        }
        const zero: CheckedSet = { type: 'integer', integers: [{ value: 0n, format: 'hexadecimal' }], count: 1 };
        if (!this.makeCmp(field, '!=', zero, false)) return undefined;
        return { expr: { type: 'test', field }, atomic: true };
      }
      lexer.get();
      const set = this.parseConstantSet();
      if (!set || !this.makeCmp(field, relop, set.checked, set.set.curlies)) return undefined;
      return { expr: { type: 'cmp', field, relop, set: set.set }, atomic: false };
    }

    const c1 = this.parseConstantSet();
    if (!c1) return undefined;
    const v0 = c1.set.values[0];
    if (
      !relopFromToken(lexer.token.type) &&
      c1.set.values.length === 1 &&
      !c1.set.curlies &&
      v0.kind === 'integer' &&
      v0.format === 'decimal' &&
      v0.mask === undefined &&
      v0.value <= 1n
    ) {
      return { expr: { type: 'bool', value: v0.value === 1n }, atomic: true };
    }
    const r1 = relopFromToken(lexer.token.type);
    if (!r1) {
      lexer.syntaxError('expecting relational operator');
      return undefined;
    }
    lexer.get();
    const field = this.parseField();
    if (!field) return undefined;
    const r2 = relopFromToken(lexer.token.type);
    if (!r2) {
      if (!this.makeCmp(field, relopTurn(r1), c1.checked, c1.set.curlies)) return undefined;
      return { expr: { type: 'cmp', field, relop: r1, set: c1.set, constantFirst: true }, atomic: false };
    }
    lexer.get();
    const c2 = this.parseConstantSet();
    if (!c2) return undefined;
    const lt = (r: Relop) => r === '<' || r === '<=';
    const gt = (r: Relop) => r === '>' || r === '>=';
    if (!((lt(r1) && lt(r2)) || (gt(r1) && gt(r2)))) {
      lexer.errorAt(
        "Range expressions must have the form `x < field < y' or `x > field > y', with each `<' optionally replaced by `<=' or `>' by `>=').",
      );
      return undefined;
    }
    this.makeCmp(field, relopTurn(r1), c1.checked, c1.set.curlies);
    this.makeCmp(field, r2, c2.checked, c2.set.curlies);
    if (lexer.error) return undefined;
    return {
      expr: { type: 'range', low: c1.set, lowRelop: r1, field, highRelop: r2, high: c2.set },
      atomic: false,
    };
  }

  private fieldBits(f: FieldRef): number {
    const symbol = this.symtab.get(f.name);
    if (!symbol) return 0;
    return f.slice ? f.slice.high - f.slice.low + 1 : symbol.width;
  }

  /** parse_field. */
  parseField(): FieldRef | undefined {
    const lexer = this.lexer;
    if (lexer.token.type !== 'ID') {
      lexer.syntaxError('expecting field name');
      return undefined;
    }
    const symbol = this.symtab.get(lexer.token.s ?? '');
    if (!symbol) {
      lexer.syntaxError('expecting field name');
      return undefined;
    }
    lexer.get();
    const slice = parseSubfield(lexer, symbol);
    if (slice === undefined) return undefined;
    return slice ? { name: symbol.name, slice } : { name: symbol.name };
  }

  /** parse_constant_set. */
  private parseConstantSet(): { set: ConstantSet; checked: CheckedSet } | undefined {
    const set: ConstantSet = { values: [], curlies: false };
    const checked: CheckedSet = { type: 'integer', integers: [], count: 0 };
    if (this.lexer.match('LCURLY')) {
      set.curlies = true;
      do {
        if (!this.parseConstant(set, checked)) return undefined;
        this.lexer.match('COMMA');
      } while (!this.lexer.match('RCURLY'));
    } else if (!this.parseConstant(set, checked)) {
      return undefined;
    }
    return { set, checked };
  }

  private assignType(checked: CheckedSet, type: 'integer' | 'string'): boolean {
    if (!checked.count || checked.type === type) {
      checked.type = type;
      return true;
    }
    this.lexer.syntaxError(`expecting ${checked.type}`);
    return false;
  }

  /** parse_constant. */
  private parseConstant(set: ConstantSet, checked: CheckedSet): boolean {
    const lexer = this.lexer;
    const t = lexer.token;
    switch (t.type) {
      case 'TEMPLATE':
        lexer.errorAt('Unexpanded template.');
        return false;
      case 'STRING':
        if (!this.assignType(checked, 'string')) return false;
        set.values.push({ kind: 'string', value: t.s ?? '' });
        checked.count++;
        break;
      case 'INTEGER':
      case 'MASKED_INTEGER': {
        if (!this.assignType(checked, 'integer')) return false;
        const c: Constant =
          t.type === 'MASKED_INTEGER'
            ? { kind: 'integer', value: t.value ?? 0n, mask: t.mask ?? 0n, format: t.format ?? 'decimal' }
            : { kind: 'integer', value: t.value ?? 0n, format: t.format ?? 'decimal' };
        set.values.push(c);
        checked.integers.push({ value: t.value ?? 0n, mask: t.mask, format: t.format ?? 'decimal' });
        checked.count++;
        break;
      }
      case 'MACRO': {
        const name = t.s ?? '';
        const known = this.options.addressSets;
        if (known && !Object.prototype.hasOwnProperty.call(known, name)) {
          lexer.syntaxError('expecting address set name');
          return false;
        }
        if (!this.assignType(checked, 'integer')) return false;
        set.values.push({ kind: 'addressSet', name });
        if (known) {
          const values = addressSetValues(known[name]);
          checked.integers.push(...values);
          checked.count += values.length;
        } else {
          checked.count++;
        }
        break;
      }
      case 'PORT_GROUP': {
        const name = t.s ?? '';
        const known = this.options.portGroups;
        let members: readonly string[] | undefined;
        if (known) {
          const sbName = sbPortGroupName(name, this.options.datapathKey ?? 0);
          members = Object.prototype.hasOwnProperty.call(known, sbName)
            ? known[sbName]
            : Object.prototype.hasOwnProperty.call(known, name)
              ? known[name]
              : undefined;
          if (!members) {
            lexer.syntaxError('expecting port group name');
            return false;
          }
        }
        if (!this.assignType(checked, 'string')) return false;
        set.values.push({ kind: 'portGroup', name });
        checked.count += members ? members.length : 1;
        break;
      }
      default:
        lexer.syntaxError('expecting constant');
        return false;
    }
    lexer.get();
    return true;
  }

  /** The checks make_cmp performs; the tree itself is built by the caller. */
  private makeCmp(field: FieldRef, r: Relop, cs: CheckedSet, curlies: boolean): boolean {
    const lexer = this.lexer;
    const symbol = this.symtab.get(field.name);
    if (!symbol) return false;
    if (cs.type !== (symbol.width ? 'integer' : 'string')) {
      lexer.errorAt(
        `${symbol.width ? 'Integer' : 'String'} field ${symbol.name} is not compatible with ${cs.type} constant.`,
      );
      return false;
    }
    if (symbol.width) {
      for (const c of cs.integers) {
        const w = constantWidth(c);
        if (w > symbol.width) {
          lexer.errorAt(`${w}-bit constant is not compatible with ${symbol.width}-bit field ${symbol.name}.`);
          return false;
        }
      }
    }
    if (r !== '==' && r !== '!=') {
      if (curlies) {
        lexer.errorAt('Only == and != operators may be used with value sets.');
        return false;
      }
      if (symbol.level === 'nominal' || symbol.level === 'boolean') {
        lexer.errorAt(`Only == and != operators may be used with ${levelName(symbol)} field ${symbol.name}.`);
        return false;
      }
      if (!cs.count) {
        lexer.errorAt('Only == and != operators may be used to compare a field against an empty value set.');
        return false;
      }
      if (cs.integers[0]?.mask !== undefined) {
        lexer.errorAt(
          'Only == and != operators may be used with masked constants.  Consider using subfields instead (e.g. eth.src[0..15] > 0x1111 in place of eth.src > 00:00:00:00:11:11/00:00:00:00:ff:ff).',
        );
        return false;
      }
    }
    if (symbol.level === 'nominal') {
      if (symbol.predicate) {
        for (const c of cs.integers) {
          const positive = (((c.value & 1n) !== 0n) !== (r === '!=')) !== this.not;
          if (!positive) {
            const n = symbol.name;
            lexer.errorAt(
              `Nominal predicate ${n} may only be tested positively, e.g. \`${n}' or \`${n} == 1' but not \`!${n}' or \`${n} == 0'.`,
            );
            return false;
          }
        }
      } else if (r !== (this.not ? '!=' : '==')) {
        lexer.errorAt(
          `Nominal field ${symbol.name} may only be tested for equality (taking enclosing \`!' operators into account).`,
        );
        return false;
      }
    }
    return true;
  }
}

/** Parses a whole match expression (expr_parse_string). */
export function parseExpr(input: string, options: ParseOptions = {}): ParseResult<MatchExpr> {
  const lexer = new Lexer(input);
  lexer.get();
  const parser = new ExprParser(lexer, options);
  const expr = parser.parseExpr();
  parser.lexer.forceEnd();
  const error = parser.lexer.error;
  if (error || !expr) return { ok: false, error: error ?? { message: 'Syntax error.', column: 1 } };
  return { ok: true, value: expr };
}

/** Parses a field or subfield (expr_field_parse without prerequisites), for the action parser. */
export function parseFieldRef(lexer: Lexer, options: ParseOptions = {}): FieldRef | undefined {
  return new ExprParser(lexer, options).parseField();
}
