// The lexer of OVN's match and action languages, following lib/lex.c at v23.03.1: the same token
// kinds, the same rules for numbers and addresses, and the same error texts. Never throws.
import { formatIPv4, formatIPv6, formatMac, parseIPv4, parseIPv6, parseMac, prefixMask } from '../packet/addresses.ts';

export type TokenType =
  | 'END'
  | 'ID'
  | 'STRING'
  | 'INTEGER'
  | 'MASKED_INTEGER'
  | 'MACRO'
  | 'PORT_GROUP'
  | 'TEMPLATE'
  | 'ERROR'
  | 'LPAREN'
  | 'RPAREN'
  | 'LCURLY'
  | 'RCURLY'
  | 'LSQUARE'
  | 'RSQUARE'
  | 'EQ'
  | 'NE'
  | 'LT'
  | 'LE'
  | 'GT'
  | 'GE'
  | 'LOG_NOT'
  | 'LOG_AND'
  | 'LOG_OR'
  | 'ELLIPSIS'
  | 'COMMA'
  | 'SEMICOLON'
  | 'EQUALS'
  | 'EXCHANGE'
  | 'DECREMENT'
  | 'COLON'
  | 'HYPHEN';

/** How an integer was written; decides how it prints back (lex_format). */
export type LexFormat = 'decimal' | 'hexadecimal' | 'IPv4' | 'IPv6' | 'Ethernet';

export interface Token {
  type: TokenType;
  /** ID, STRING, MACRO (without `$`), PORT_GROUP (without `@`), TEMPLATE (without `^`), ERROR (the message). */
  s?: string;
  /** INTEGER and MASKED_INTEGER: value (up to 1024 bits, as mf_subvalue). */
  value?: bigint;
  /** MASKED_INTEGER only. */
  mask?: bigint;
  format?: LexFormat;
  /** Offset of the token's first character in the input (0-based). */
  start: number;
  /** Offset just past the token. */
  end: number;
}

/** mf_subvalue is 128 bytes. */
const SUBVALUE_BITS = 1024;
const U64_MAX = (1n << 64n) - 1n;

const BARE_TEXT: Partial<Record<TokenType, string>> = {
  END: '$',
  LPAREN: '(',
  RPAREN: ')',
  LCURLY: '{',
  RCURLY: '}',
  LSQUARE: '[',
  RSQUARE: ']',
  EQ: '==',
  NE: '!=',
  LT: '<',
  LE: '<=',
  GT: '>',
  GE: '>=',
  LOG_NOT: '!',
  LOG_AND: '&&',
  LOG_OR: '||',
  ELLIPSIS: '..',
  COMMA: ',',
  SEMICOLON: ';',
  EQUALS: '=',
  EXCHANGE: '<->',
  DECREMENT: '--',
  COLON: ':',
  HYPHEN: '-',
};

function isAlnum(c: string): boolean {
  return /^[0-9A-Za-z]$/.test(c);
}
function isId1(c: string): boolean {
  return /^[A-Za-z_.]$/.test(c);
}
function isIdN(c: string): boolean {
  return /^[A-Za-z_.0-9]$/.test(c);
}

/** A token before its position is known. */
interface LexedToken {
  type: TokenType;
  s?: string;
  value?: bigint;
  mask?: bigint;
  format?: LexFormat;
}

function lexError(message: string): LexedToken {
  return { type: 'ERROR', s: message };
}

function parseHex(digits: string): LexedToken {
  let value = 0n;
  for (let i = 0; i < digits.length; i++) {
    if (!/[0-9a-fA-F]/.test(digits[i])) return lexError('Invalid syntax in hexadecimal constant.');
    value = (value << 4n) | BigInt(parseInt(digits[i], 16));
  }
  if (value >> BigInt(SUBVALUE_BITS) !== 0n) {
    return lexError(`Hexadecimal constant requires more than ${SUBVALUE_BITS} bits.`);
  }
  return { type: 'INTEGER', value, format: 'hexadecimal' };
}

/** lex_parse_integer__: returns the token and the offset after it. */
function parseIntegerBare(input: string, p: number): [LexedToken, number] {
  let end = p;
  let sawDot = false;
  while (end < input.length) {
    const c = input[end];
    if (isAlnum(c) || (c === ':' && !sawDot) || (c === '.' && input[end + 1] !== '.')) {
      if (c === '.') sawDot = true;
      end++;
    } else break;
  }
  const text = input.slice(p, end);
  const len = text.length;
  if (len === 0) return [lexError('Integer constant expected.'), end];
  if (len === 17) {
    const mac = parseMac(text);
    if (mac !== undefined) return [{ type: 'INTEGER', value: mac, format: 'Ethernet' }, end];
  }
  if (/^[0-9]+$/.test(text)) {
    if (text[0] === '0' && len > 1) return [lexError('Decimal constants must not have leading zeros.'), end];
    const value = BigInt(text);
    if (value > U64_MAX) return [lexError('Decimal constants must be less than 2**64.'), end];
    return [{ type: 'INTEGER', value, format: 'decimal' }, end];
  }
  if (text[0] === '0' && (text[1] === 'x' || text[1] === 'X')) {
    if (len > 2) return [parseHex(text.slice(2)), end];
    return [lexError(`Hex digits expected following 0${text[1]}.`), end];
  }
  // INET6_ADDRSTRLEN is 46, counting the terminating null.
  if (len < 46) {
    const v4 = parseIPv4(text);
    if (v4 !== undefined) return [{ type: 'INTEGER', value: v4, format: 'IPv4' }, end];
    const v6 = parseIPv6(text);
    if (v6 !== undefined) return [{ type: 'INTEGER', value: v6, format: 'IPv6' }, end];
  }
  return [lexError('Invalid numeric constant.'), end];
}

/** lex_parse_integer, with an optional `/mask`. */
function parseInteger(input: string, p: number): [LexedToken, number] {
  const [token, end] = parseIntegerBare(input, p);
  if (token.type !== 'INTEGER' || input[end] !== '/') return [token, end];
  const [mask, maskEnd] = parseIntegerBare(input, end + 1);
  if (mask.type === 'ERROR') return [mask, maskEnd];
  const maskValue = mask.value ?? 0n;
  let format = token.format;
  let maskBits: bigint;
  if (token.format === mask.format) {
    maskBits = maskValue;
  } else if (token.format === 'IPv4' && mask.format === 'decimal' && maskValue <= 32n) {
    maskBits = prefixMask(Number(maskValue), 32);
  } else if (token.format === 'IPv6' && mask.format === 'decimal' && maskValue <= 128n) {
    maskBits = prefixMask(Number(maskValue), 128);
  } else if (token.format === 'decimal' && mask.format === 'hexadecimal' && token.value === 0n) {
    format = 'hexadecimal';
    maskBits = maskValue;
  } else {
    return [lexError('Value and mask have incompatible formats.'), maskEnd];
  }
  return [{ type: 'MASKED_INTEGER', value: (token.value ?? 0n) & maskBits, mask: maskBits, format }, maskEnd];
}

function parseString(input: string, p: number): [LexedToken, number] {
  const start = p + 1;
  let q = start;
  for (;;) {
    if (q >= input.length || input[q] === '\0') return [lexError('Input ends inside quoted string.'), q];
    const c = input[q];
    if (c === '"') {
      const unescaped = jsonStringUnescape(input.slice(start, q));
      return [unescaped.ok ? { type: 'STRING', s: unescaped.text } : lexError(unescaped.text), q + 1];
    }
    if (c === '\\') {
      q++;
      if (q < input.length && input[q] !== '\0') q++;
    } else q++;
  }
}

/** OVS's json_string_unescape: JSON escapes, with its error texts. */
export function jsonStringUnescape(raw: string): { ok: boolean; text: string } {
  let out = '';
  let i = 0;
  const hex4 = (at: number): { value?: number; error?: string } => {
    if (at + 4 > raw.length) return { error: 'quoted string ends within \\u escape' };
    const digits = raw.slice(at, at + 4);
    if (!/^[0-9a-fA-F]{4}$/.test(digits)) return { error: 'malformed \\u escape' };
    const value = parseInt(digits, 16);
    if (value === 0) return { error: 'null bytes not supported in quoted strings' };
    return { value };
  };
  while (i < raw.length) {
    const c = raw[i];
    if (c === '"') return { ok: false, text: 'quoted string may not include unescaped "' };
    if (c !== '\\') {
      out += c;
      i++;
      continue;
    }
    i++;
    if (i >= raw.length) return { ok: false, text: 'quoted string may not end with backslash' };
    const e = raw[i++];
    switch (e) {
      case '"':
      case '\\':
      case '/':
        out += e;
        break;
      case 'b':
        out += '\b';
        break;
      case 'f':
        out += '\f';
        break;
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      case 't':
        out += '\t';
        break;
      case 'u': {
        const first = hex4(i);
        if (first.value === undefined) return { ok: false, text: first.error ?? '' };
        i += 4;
        const c0 = first.value;
        if (c0 < 0xd800 || c0 > 0xdbff) {
          out += String.fromCodePoint(c0);
          break;
        }
        if (i + 2 > raw.length || raw[i] !== '\\' || raw[i + 1] !== 'u') {
          return { ok: false, text: 'malformed escaped surrogate pair' };
        }
        i += 2;
        const second = hex4(i);
        if (second.value === undefined) return { ok: false, text: second.error ?? '' };
        i += 4;
        if (second.value < 0xdc00 || second.value > 0xdfff) {
          return { ok: false, text: 'second half of escaped surrogate pair is not trailing surrogate' };
        }
        out += String.fromCodePoint(0x10000 + ((c0 - 0xd800) << 10) + (second.value - 0xdc00));
        break;
      }
      default:
        return { ok: false, text: `bad escape \\${e}` };
    }
  }
  return { ok: true, text: out };
}

/** OVS's json_string_escape: the string in double quotes, JSON-escaped. */
export function jsonStringEscape(s: string): string {
  let out = '"';
  for (const c of s) {
    const code = c.codePointAt(0) ?? 0;
    if (c === '"') out += '\\"';
    else if (c === '\\') out += '\\\\';
    else if (code >= 0x20) out += c;
    else if (c === '\b') out += '\\b';
    else if (c === '\t') out += '\\t';
    else if (c === '\n') out += '\\n';
    else if (c === '\f') out += '\\f';
    else if (c === '\r') out += '\\r';
    else out += `\\u${code.toString(16).padStart(4, '0')}`;
  }
  return out + '"';
}

function parseId(input: string, p: number, type: TokenType): [LexedToken, number] {
  let q = p + 1;
  while (q < input.length && isIdN(input[q])) q++;
  return [{ type, s: input.slice(p, q) }, q];
}

function parseSigil(input: string, p: number, type: TokenType, sigil: string): [LexedToken, number] {
  const q = p + 1;
  if (q >= input.length || !isId1(input[q]))
    return [lexError(`\`${sigil}' must be followed by a valid identifier.`), q];
  return parseId(input, q, type);
}

/** The first UTF-8 byte of a character as C's signed char, for "Invalid byte 0x%d in input.". */
function signedFirstByte(c: string): number {
  const code = c.codePointAt(0) ?? 0;
  const first =
    code < 0x80 ? code : code < 0x800 ? 0xc0 | (code >> 6) : code < 0x10000 ? 0xe0 | (code >> 12) : 0xf0 | (code >> 18);
  return first >= 0x80 ? first - 256 : first;
}

/** Parses one token starting at `p` (lex_token_parse). */
export function lexOne(input: string, p: number): Token {
  // Skip white space and comments.
  for (;;) {
    const c = input[p];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\v' || c === '\f') {
      p++;
    } else if (c === '/' && input[p + 1] === '/') {
      p += 2;
      while (p < input.length && input[p] !== '\0' && input[p] !== '\n') p++;
    } else if (c === '/' && input[p + 1] === '*') {
      const start = p;
      p += 2;
      for (;;) {
        if (input[p] === '*' && input[p + 1] === '/') {
          p += 2;
          break;
        }
        if (p >= input.length || input[p] === '\0' || input[p] === '\n') {
          return { type: 'ERROR', s: "`/*' without matching `*/'.", start, end: p };
        }
        p++;
      }
    } else break;
  }
  const start = p;
  const done = ([t, end]: [LexedToken, number]): Token => ({ ...t, start, end });
  const bare = (type: TokenType, len: number): Token => ({ type, start, end: p + len });
  if (p >= input.length || input[p] === '\0') return { type: 'END', start, end: p };
  const c = input[p];
  const n = input[p + 1];
  switch (c) {
    case '/':
      return done([lexError("`/' is only valid as part of `//' or `/*'."), p + 1]);
    case '(':
      return bare('LPAREN', 1);
    case ')':
      return bare('RPAREN', 1);
    case '{':
      return bare('LCURLY', 1);
    case '}':
      return bare('RCURLY', 1);
    case '[':
      return bare('LSQUARE', 1);
    case ']':
      return bare('RSQUARE', 1);
    case '=':
      return n === '=' ? bare('EQ', 2) : bare('EQUALS', 1);
    case '!':
      return n === '=' ? bare('NE', 2) : bare('LOG_NOT', 1);
    case '&':
      return n === '&' ? bare('LOG_AND', 2) : done([lexError("`&' is only valid as part of `&&'."), p + 1]);
    case '|':
      return n === '|' ? bare('LOG_OR', 2) : done([lexError("`|' is only valid as part of `||'."), p + 1]);
    case '<':
      if (n === '=') return bare('LE', 2);
      if (n === '-' && input[p + 2] === '>') return bare('EXCHANGE', 3);
      return bare('LT', 1);
    case '>':
      return n === '=' ? bare('GE', 2) : bare('GT', 1);
    case '.':
      return n === '.'
        ? bare('ELLIPSIS', 2)
        : done([lexError("`.' is only valid as part of `..' or a number."), p + 1]);
    case ',':
      return bare('COMMA', 1);
    case ';':
      return bare('SEMICOLON', 1);
    case '-':
      return n === '-' ? bare('DECREMENT', 2) : bare('HYPHEN', 1);
    case '$':
      return done(parseSigil(input, p, 'MACRO', '$'));
    case '@':
      return done(parseSigil(input, p, 'PORT_GROUP', '@'));
    case '^':
      return done(parseSigil(input, p, 'TEMPLATE', '^'));
    case ':':
      if (n !== ':') return bare('COLON', 1);
      return done(parseInteger(input, p));
    case '"':
      return done(parseString(input, p));
  }
  if (c >= '0' && c <= '9') return done(parseInteger(input, p));
  if (/[a-fA-F]/.test(c)) {
    // A MAC or IPv6 address starts with hex digits then a colon; an identifier never does.
    let q = p;
    while (q < input.length && /[0-9a-fA-F]/.test(input[q])) q++;
    return done(input[q] === ':' ? parseInteger(input, p) : parseId(input, p, 'ID'));
  }
  if (isId1(c)) return done(parseId(input, p, 'ID'));
  const code = c.codePointAt(0) ?? 0;
  const width = code > 0xffff ? 2 : 1;
  if (code >= 0x20 && code < 0x7f) return done([lexError(`Invalid character \`${c}' in input.`), p + 1]);
  return done([lexError(`Invalid byte 0x${signedFirstByte(c)} in input.`), p + width]);
}

/** Splits the whole input into tokens; the last is END (or the first ERROR is kept and lexing goes on). */
export function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let p = 0;
  for (;;) {
    const token = lexOne(input, p);
    tokens.push(token);
    if (token.type === 'END') return tokens;
    p = token.end;
  }
}

/** The effective print format (lex_token_get_format): values too wide for their format print in hex. */
function effectiveFormat(token: Pick<Token, 'type' | 'value' | 'mask' | 'format'>): LexFormat {
  const format = token.format ?? 'hexadecimal';
  const width = { decimal: 64, hexadecimal: SUBVALUE_BITS, IPv4: 32, IPv6: 128, Ethernet: 48 }[format];
  const fits = (v: bigint | undefined) => (v ?? 0n) >> BigInt(width) === 0n;
  return fits(token.value) && (token.type !== 'MASKED_INTEGER' || fits(token.mask)) ? format : 'hexadecimal';
}

/** Formats an integer value as lex_token_format_value does. */
export function formatValue(value: bigint, format: LexFormat): string {
  switch (format) {
    case 'decimal':
      return value.toString(10);
    case 'hexadecimal':
      return value === 0n ? '0' : `0x${value.toString(16)}`;
    case 'IPv4':
      return formatIPv4(value);
    case 'IPv6':
      return formatIPv6(value);
    case 'Ethernet':
      return formatMac(value);
  }
}

function cidr(mask: bigint, width: number): number | undefined {
  for (let bits = 0; bits <= width; bits++) if (prefixMask(bits, width) === mask) return bits;
  return undefined;
}

/** lex_token_format: text that the lexer reads back as the same token. */
export function formatToken(token: Pick<Token, 'type' | 's' | 'value' | 'mask' | 'format'>): string {
  switch (token.type) {
    case 'ID':
      return token.s ?? '';
    case 'ERROR':
      return `error(${jsonStringEscape(token.s ?? '')})`;
    case 'STRING':
      return jsonStringEscape(token.s ?? '');
    case 'INTEGER':
      return formatValue(token.value ?? 0n, effectiveFormat(token));
    case 'MASKED_INTEGER': {
      const format = effectiveFormat(token);
      const mask = token.mask ?? 0n;
      let maskText: string | undefined;
      if (format === 'IPv4') maskText = cidr(mask, 32)?.toString();
      else if (token.format === 'IPv6') maskText = cidr(mask, 128)?.toString();
      return `${formatValue(token.value ?? 0n, format)}/${maskText ?? formatValue(mask, format)}`;
    }
    case 'MACRO':
      return `$${token.s ?? ''}`;
    case 'PORT_GROUP':
      return `@${token.s ?? ''}`;
    case 'TEMPLATE':
      return `^${token.s ?? ''}`;
    default:
      return BARE_TEXT[token.type] ?? '';
  }
}

/**
 * lexer_parse_template_string: `^NAME` replaced by the template variable's value (or by NAME when it
 * has none). As in OVN, a string holding any `^` is re-printed token by token with no spaces between.
 */
export function expandTemplates(s: string, vars: Readonly<Record<string, string>> = {}): string {
  if (!s.includes('^')) return s;
  let out = '';
  for (const t of tokenize(s)) {
    if (t.type === 'END') break;
    out +=
      t.type === 'TEMPLATE'
        ? Object.prototype.hasOwnProperty.call(vars, t.s ?? '')
          ? vars[t.s ?? '']
          : (t.s ?? '')
        : formatToken(t);
  }
  return out;
}
