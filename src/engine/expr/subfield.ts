// The `[LOW..HIGH]` part of a field reference (expr.c parse_field), shared by the match parser and the
// action parser, with OVN's error texts.
import type { Lexer } from './lexer-cursor.ts';
import type { ExprSymbol } from './symbols.ts';

/**
 * Reads an optional subfield selection after `symbol`'s name. Returns null when there is none, the bit
 * range when there is, undefined after an error (reported on the lexer).
 */
export function parseSubfield(lexer: Lexer, symbol: ExprSymbol): { low: number; high: number } | null | undefined {
  if (!lexer.match('LSQUARE')) return null;
  if (!symbol.width) {
    lexer.errorAt(`Cannot select subfield of string field ${symbol.name}.`);
    return undefined;
  }
  const low = lexer.forceInt();
  if (low === undefined) return undefined;
  let high = low;
  if (lexer.match('ELLIPSIS')) {
    const h = lexer.forceInt();
    if (h === undefined) return undefined;
    high = h;
  }
  if (!lexer.forceMatch('RSQUARE')) return undefined;
  if (low > high) {
    lexer.errorAt(`Invalid bit range ${low} to ${high}.`);
    return undefined;
  }
  if (high >= symbol.width) {
    lexer.errorAt(`Cannot select bits ${low} to ${high} of ${symbol.width}-bit field ${symbol.name}.`);
    return undefined;
  }
  if (symbol.level === 'nominal' && (low !== 0 || high !== symbol.width - 1)) {
    lexer.errorAt(`Cannot select subfield of nominal field ${symbol.name}.`);
    return undefined;
  }
  return { low, high };
}
