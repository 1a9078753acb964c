// Prints a match syntax tree back to OVN text that parses to the same tree: operands of `!` and
// nested &&/|| are parenthesized where OVN's grammar requires it, constants keep their notation.
import type { Constant, ConstantSet, FieldRef, MatchExpr } from './ast.ts';
import { jsonStringEscape } from './lexer.ts';
import { cidrBits, formatIPv4, formatIPv6, formatMac } from '../packet/addresses.ts';

export function formatFieldRef(f: FieldRef): string {
  if (!f.slice) return f.name;
  const { low, high } = f.slice;
  return low === high ? `${f.name}[${low}]` : `${f.name}[${low}..${high}]`;
}

function formatNumber(value: bigint, format: string): string {
  switch (format) {
    case 'decimal':
      return value.toString(10);
    case 'IPv4':
      return formatIPv4(value);
    case 'IPv6':
      return formatIPv6(value);
    case 'Ethernet':
      return formatMac(value);
    default:
      return `0x${value.toString(16)}`;
  }
}

export function formatConstant(c: Constant): string {
  switch (c.kind) {
    case 'string':
      return jsonStringEscape(c.value);
    case 'addressSet':
      return `$${c.name}`;
    case 'portGroup':
      return `@${c.name}`;
    case 'integer': {
      const value = formatNumber(c.value, c.format);
      if (c.mask === undefined) return value;
      const width = c.format === 'IPv4' ? 32 : c.format === 'IPv6' ? 128 : 0;
      const prefix = width ? cidrBits(c.mask, width) : undefined;
      return `${value}/${prefix ?? formatNumber(c.mask, c.format)}`;
    }
  }
}

export function formatConstantSet(set: ConstantSet): string {
  const items = set.values.map(formatConstant);
  return set.curlies ? `{${items.join(', ')}}` : items.join(', ');
}

function isAtomic(e: MatchExpr): boolean {
  return e.type === 'test' || e.type === 'bool' || e.type === 'chassisResident';
}

/** The text of a match expression. */
export function formatMatch(e: MatchExpr): string {
  switch (e.type) {
    case 'cmp':
      return e.constantFirst
        ? `${formatConstantSet(e.set)} ${e.relop} ${formatFieldRef(e.field)}`
        : `${formatFieldRef(e.field)} ${e.relop} ${formatConstantSet(e.set)}`;
    case 'range':
      return `${formatConstantSet(e.low)} ${e.lowRelop} ${formatFieldRef(e.field)} ${e.highRelop} ${formatConstantSet(e.high)}`;
    case 'test':
      return formatFieldRef(e.field);
    case 'bool':
      return e.value ? '1' : '0';
    case 'chassisResident':
      return `is_chassis_resident(${jsonStringEscape(e.port)})`;
    case 'not':
      return isAtomic(e.expr) ? `!${formatMatch(e.expr)}` : `!(${formatMatch(e.expr)})`;
    case 'and':
    case 'or':
      return e.terms
        .map((t) => (t.type === 'and' || t.type === 'or' ? `(${formatMatch(t)})` : formatMatch(t)))
        .join(e.type === 'and' ? ' && ' : ' || ');
  }
}
