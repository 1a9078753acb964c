// The syntax tree of an OVN match expression, as written: what the parser returns and the printer
// prints. Plain data. (The tree OVN itself works on after make_cmp, with negations pushed down and
// subfields resolved, is OvnExpr in expr.ts.)
import type { LexFormat } from './lexer.ts';

export type Relop = '==' | '!=' | '<' | '<=' | '>' | '>=';

/** A field or a bit slice of one: `reg0`, `reg0[3]`, `reg0[3..5]`. */
export interface FieldRef {
  name: string;
  /** Present when a slice was written. */
  slice?: { low: number; high: number };
}

export type Constant =
  | { kind: 'integer'; value: bigint; mask?: bigint; format: LexFormat }
  | { kind: 'string'; value: string }
  /** `$name`: an address set. */
  | { kind: 'addressSet'; name: string }
  /** `@name`: a port group. */
  | { kind: 'portGroup'; name: string };

/** One constant, or `{…}` with any number of them. */
export interface ConstantSet {
  values: Constant[];
  curlies: boolean;
}

export type MatchExpr =
  /** `field relop constants`, or with `constantFirst`, `constants relop field` (relop as written). */
  | { type: 'cmp'; field: FieldRef; relop: Relop; set: ConstantSet; constantFirst?: boolean }
  /** `low lowRelop field highRelop high`, e.g. `1 < tcp.dst <= 1024`. */
  | { type: 'range'; low: ConstantSet; lowRelop: Relop; field: FieldRef; highRelop: Relop; high: ConstantSet }
  /** A field on its own: a predicate (`ip4`) or a nonzero test of a bit (`reg0[3]`). */
  | { type: 'test'; field: FieldRef }
  /** The constants `1` and `0`. */
  | { type: 'bool'; value: boolean }
  | { type: 'chassisResident'; port: string }
  | { type: 'not'; expr: MatchExpr }
  | { type: 'and'; terms: MatchExpr[] }
  | { type: 'or'; terms: MatchExpr[] };

export function relopFromToken(type: string): Relop | undefined {
  switch (type) {
    case 'EQ':
      return '==';
    case 'NE':
      return '!=';
    case 'LT':
      return '<';
    case 'LE':
      return '<=';
    case 'GT':
      return '>';
    case 'GE':
      return '>=';
  }
  return undefined;
}

/** expr_relop_turn: the operator after swapping operands. */
export function relopTurn(r: Relop): Relop {
  return ({ '==': '==', '!=': '!=', '<': '>', '<=': '>=', '>': '<', '>=': '<=' } as const)[r];
}

/** expr_relop_invert: the operator's negation. */
export function relopInvert(r: Relop): Relop {
  return ({ '==': '!=', '!=': '==', '<': '>=', '<=': '>', '>': '<=', '>=': '<' } as const)[r];
}

/** expr_relop_test: whether a 3-way comparison result satisfies the operator. */
export function relopTest(r: Relop, cmp: number): boolean {
  switch (r) {
    case '==':
      return cmp === 0;
    case '!=':
      return cmp !== 0;
    case '<':
      return cmp < 0;
    case '<=':
      return cmp <= 0;
    case '>':
      return cmp > 0;
    case '>=':
      return cmp >= 0;
  }
}
