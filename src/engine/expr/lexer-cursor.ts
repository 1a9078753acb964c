// A cursor over OVN tokens with the helpers parsers use (struct lexer in lib/lex.c): match, force_match,
// lookahead, small integers, and the first-error-wins error reporting with OVN's "Syntax error at `X' …" texts.
import { formatToken, lexOne, type Token, type TokenType } from './lexer.ts';

export interface ParseError {
  message: string;
  /** 1-based column of the token the error is about, in the parsed text. */
  column: number;
}

export class Lexer {
  readonly input: string;
  token: Token;
  /** The first error reported; later ones are suppressed as OVN does. */
  error: ParseError | undefined;

  constructor(input: string) {
    this.input = input;
    this.token = { type: 'END', start: 0, end: 0 };
    this.error = undefined;
  }

  /** Advances to the next token (lexer_get); the constructor leaves the cursor before the first token. */
  get(): TokenType {
    this.token = lexOne(this.input, this.token.end);
    return this.token.type;
  }

  lookahead(): Token {
    return lexOne(this.input, this.token.end);
  }

  /** The current token's type (a method, so that TypeScript does not narrow it across get()). */
  type(): TokenType {
    return this.token.type;
  }

  /** The raw text of the current token as written. */
  text(): string {
    return this.input.slice(this.token.start, this.token.end);
  }

  match(type: TokenType): boolean {
    if (this.token.type !== type) return false;
    this.get();
    return true;
  }

  forceMatch(type: TokenType): boolean {
    if (type === 'END') return this.forceEnd();
    if (this.match(type)) return true;
    this.syntaxError(`expecting \`${formatToken({ type })}'`);
    return false;
  }

  matchId(id: string): boolean {
    if (this.token.type !== 'ID' || this.token.s !== id) return false;
    this.get();
    return true;
  }

  matchString(s: string): boolean {
    if (this.token.type !== 'STRING' || this.token.s !== s) return false;
    this.get();
    return true;
  }

  isId(id: string): boolean {
    return this.token.type === 'ID' && this.token.s === id;
  }

  isInt(): boolean {
    return this.token.type === 'INTEGER' && this.token.format === 'decimal' && (this.token.value ?? 0n) <= 2147483647n;
  }

  getInt(): number | undefined {
    if (!this.isInt()) return undefined;
    const value = Number(this.token.value ?? 0n);
    this.get();
    return value;
  }

  forceInt(): number | undefined {
    const value = this.getInt();
    if (value === undefined) this.syntaxError('expecting small integer');
    return value;
  }

  forceEnd(): boolean {
    if (this.token.type === 'END') return true;
    this.syntaxError('expecting end of input');
    return false;
  }

  private handleCommon(): boolean {
    if (this.error) return true;
    if (this.token.type === 'ERROR') {
      // The lexical error explains more than whatever parse error it caused.
      this.error = { message: this.token.s ?? '', column: this.token.start + 1 };
      return true;
    }
    return false;
  }

  /** lexer_error: a message used as is. */
  errorAt(message: string): void {
    if (this.handleCommon()) return;
    this.error = { message, column: this.token.start + 1 };
  }

  /** lexer_syntax_error: "Syntax error at `TOKEN' MESSAGE." */
  syntaxError(message?: string): void {
    if (this.handleCommon()) return;
    let s = 'Syntax error';
    if (this.token.type === 'END') s += ' at end of input';
    else s += ` at \`${this.text()}'`;
    if (message) s += ` ${message}`;
    this.error = { message: `${s}.`, column: this.token.start + 1 };
  }
}
