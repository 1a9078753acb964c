// "Why did (or didn't) this flow match?": a match broken into its written terms, each with the text a
// reader sees and whether it holds for the packet (with its own prerequisites, as OVN adds them).
import type { MatchExpr } from './ast.ts';
import { annotateExpr } from './annotate.ts';
import { evaluateExpr, type MatchContext } from './evaluate.ts';
import { buildExpr } from './expr.ts';
import type { ParseError } from './lexer-cursor.ts';
import { parseExpr } from './parser.ts';
import { formatMatch } from './printer.ts';
import { SYMTAB } from './symbols.ts';
import type { PacketState } from '../packet/state.ts';

export interface ExplainNode {
  /** The term as OVN text. */
  text: string;
  matched: boolean;
  /** The operator, when the term is &&, || or !. */
  op?: 'and' | 'or' | 'not';
  /** Operands of &&, || and !, when the term is one of those. */
  terms?: ExplainNode[];
}

function explainNode(e: MatchExpr, packet: PacketState, ctx: MatchContext): ExplainNode {
  const symtab = ctx.symtab ?? SYMTAB;
  const annotated = annotateExpr(buildExpr(e, { ...ctx, symtab }), symtab);
  const matched = annotated.ok && evaluateExpr(annotated.value, packet, ctx);
  const node: ExplainNode = { text: formatMatch(e), matched };
  if (e.type === 'and' || e.type === 'or') {
    node.op = e.type;
    node.terms = e.terms.map((t) => explainNode(t, packet, ctx));
  } else if (e.type === 'not') {
    node.op = 'not';
    node.terms = [explainNode(e.expr, packet, ctx)];
  }
  return node;
}

/** Explains a match against a packet; the root's `matched` is the flow's answer. */
export function explainMatch(
  text: string,
  packet: PacketState,
  ctx: MatchContext = {},
): { ok: true; explanation: ExplainNode } | { ok: false; error: ParseError } {
  const parsed = parseExpr(text, { ...ctx, symtab: ctx.symtab ?? SYMTAB });
  if (!parsed.ok) return parsed;
  return { ok: true, explanation: explainNode(parsed.value, packet, ctx) };
}
