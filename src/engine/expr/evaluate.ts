// Evaluating a match against a packet, as ovn-trace does: the match is parsed, annotated with
// prerequisites, and each comparison tested on the packet's fields (expr_evaluate in lib/expr.c).
// inport/outport compare by tunnel key (reg14/reg15), resolved through the caller's port lookup.
import type { ParseError } from './lexer-cursor.ts';
import { relopTest } from './ast.ts';
import { annotateExpr } from './annotate.ts';
import { buildExpr, combine, type OvnExpr } from './expr.ts';
import { parseExpr } from './parser.ts';
import { expandTemplates } from './lexer.ts';
import { SYMTAB, type SymbolTable } from './symbols.ts';
import { getField, type PacketState } from '../packet/state.ts';

export interface MatchContext {
  symtab?: SymbolTable;
  /** SB Address_Set: name → addresses. */
  addressSets?: Readonly<Record<string, readonly string[]>>;
  /** SB Port_Group: name ("KEY_name" or plain) → port names. */
  portGroups?: Readonly<Record<string, readonly string[]>>;
  /** Tunnel key of the datapath the flow belongs to (for port group names). */
  datapathKey?: number;
  /**
   * The tunnel key of a logical port or multicast group in this datapath, or undefined when unknown
   * or in another datapath (then the comparison is false whatever the operator, as in ovn-trace).
   */
  lookupPort?: (name: string) => number | undefined;
  /** Chassis_Template_Var values for `^NAME` (ovn-trace expands templates before parsing). */
  templateVars?: Readonly<Record<string, string>>;
  /** is_chassis_resident(); ovn-trace answers true. */
  chassisResident?: (port: string) => boolean;
}

export type CompileResult = { ok: true; expr: OvnExpr } | { ok: false; error: ParseError };

/**
 * Parses and annotates a match (plus any prerequisites the flow's actions add, as ovn-trace ANDs them
 * in), ready for evaluateMatch.
 */
export function compileMatch(
  text: string,
  ctx: MatchContext = {},
  actionPrereqs?: OvnExpr | readonly string[],
): CompileResult {
  const symtab = ctx.symtab ?? SYMTAB;
  const parsed = parseExpr(expandTemplates(text, ctx.templateVars), {
    symtab,
    addressSets: ctx.addressSets,
    portGroups: ctx.portGroups,
    datapathKey: ctx.datapathKey,
  });
  if (!parsed.ok) return { ok: false, error: parsed.error };
  let built = buildExpr(parsed.value, { ...ctx, symtab });
  if (Array.isArray(actionPrereqs)) {
    // Each prerequisite an action adds (add_prerequisite in lib/actions.c) is ANDed in, unannotated.
    for (const p of actionPrereqs as readonly string[]) {
      const pre = parseExpr(p, { symtab });
      if (!pre.ok) return { ok: false, error: pre.error };
      built = combine('and', built, buildExpr(pre.value, { symtab }))!;
    }
  } else if (actionPrereqs) {
    built = combine('and', built, actionPrereqs as OvnExpr)!;
  }
  const annotated = annotateExpr(built, symtab);
  if (!annotated.ok) return { ok: false, error: { message: annotated.error, column: 1 } };
  return { ok: true, expr: annotated.value };
}

function portKey(name: string, ctx: MatchContext): number | undefined {
  if (name === '' || name === 'none') return 0;
  return ctx.lookupPort?.(name);
}

/** expr_evaluate on an annotated expression. */
export function evaluateExpr(e: OvnExpr, packet: PacketState, ctx: MatchContext = {}): boolean {
  const symtab = ctx.symtab ?? SYMTAB;
  switch (e.type) {
    case 'cmp': {
      const field = symtab.get(e.symbol)?.field;
      const value = field ? getField(packet, field) & e.mask : 0n;
      return relopTest(e.relop, value < e.value ? -1 : value > e.value ? 1 : 0);
    }
    case 'cmpString': {
      const key = portKey(e.string, ctx);
      if (key === undefined) return false;
      const field = symtab.get(e.symbol)?.field;
      const value = field ? getField(packet, field) : 0n;
      const k = BigInt(key);
      return relopTest(e.relop, value < k ? -1 : value > k ? 1 : 0);
    }
    case 'and':
      return e.terms.every((t) => evaluateExpr(t, packet, ctx));
    case 'or':
      return e.terms.some((t) => evaluateExpr(t, packet, ctx));
    case 'bool':
      return e.value;
    case 'condition':
      return (ctx.chassisResident?.(e.port) ?? true) !== e.not;
  }
}

/** Parses, annotates and evaluates in one go; a match that does not parse does not match. */
export function evaluateMatch(
  text: string,
  packet: PacketState,
  ctx: MatchContext = {},
): { ok: true; matched: boolean } | { ok: false; error: ParseError } {
  const compiled = compileMatch(text, ctx);
  if (!compiled.ok) return compiled;
  return { ok: true, matched: evaluateExpr(compiled.expr, packet, ctx) };
}
