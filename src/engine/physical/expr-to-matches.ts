// expr_to_matches (lib/expr.c): a normalized expression becomes OpenFlow matches — plain flows, and
// for an AND of several disjunctions, conjunctive clauses plus one flow on conj_id.
import type { Match } from '../openflow/flow/types.ts';
import type { OvnExpr } from '../expr/expr.ts';
import { uniqueSymbol } from '../expr/annotate.ts';
import { SYMTAB } from '../expr/symbols.ts';
import { cloneMatch, emptyMatch, maskField, matchKey, setField } from './match.ts';

export interface Conjunction {
  id: number;
  clause: number;
  nClauses: number;
}

export interface ExprMatch {
  match: Match;
  /** Non-empty: a conjunctive clause flow (its actions are these conjunction() actions). */
  conjunctions: Conjunction[];
}

/** Port name → tunnel key in the flow's datapath (a port or a multicast group); undefined if unknown. */
export type LookupPort = (name: string) => number | undefined;

type Cmp = Extract<OvnExpr, { type: 'cmp' | 'cmpString' }>;

/** The matches, in insertion order, keyed as match_equal compares them. */
class Matches {
  readonly byKey = new Map<string, ExprMatch>();

  /** expr_match_add: an equal match merges conjunctions; one without conjunctions wins outright. */
  add(m: ExprMatch): void {
    const key = matchKey(m.match);
    const old = this.byKey.get(key);
    if (!old) {
      this.byKey.set(key, m);
      return;
    }
    if (!old.conjunctions.length || !m.conjunctions.length) old.conjunctions = [];
    else old.conjunctions.push(...m.conjunctions);
  }
}

function constrain(e: OvnExpr, lookupPort: LookupPort, m: Match): boolean {
  const cmp = e as Cmp;
  const symbol = SYMTAB.get(cmp.symbol);
  const field = symbol?.field;
  if (!field) return true;
  if (cmp.type === 'cmp') {
    maskField(m, field, cmp.value, cmp.mask);
    return true;
  }
  const port = cmp.string === 'none' ? 0 : lookupPort(cmp.string);
  if (port === undefined) return false;
  setField(m, field, BigInt(port));
  return true;
}

function addDisjunction(
  or: OvnExpr & { type: 'or' },
  lookupPort: LookupPort,
  base: Match,
  conj: Conjunction | undefined,
  out: Matches,
): boolean {
  let n = 0;
  for (const sub of or.terms) {
    const match = cloneMatch(base);
    if (constrain(sub, lookupPort, match)) {
      out.add({ match, conjunctions: conj ? [{ ...conj }] : [] });
      n++;
    }
  }
  return n > 0;
}

function addConjunction(
  and: OvnExpr & { type: 'and' },
  lookupPort: LookupPort,
  nConjs: { n: number },
  out: Matches,
): void {
  const match = emptyMatch();
  let nClauses = 0;
  for (const sub of and.terms) {
    if (sub.type === 'cmp' || sub.type === 'cmpString') {
      if (!constrain(sub, lookupPort, match)) return;
    } else if (sub.type === 'or') nClauses++;
  }
  if (nClauses === 0) {
    out.add({ match, conjunctions: [] });
  } else if (nClauses === 1) {
    for (const sub of and.terms) if (sub.type === 'or') addDisjunction(sub, lookupPort, match, undefined, out);
  } else {
    const id = ++nConjs.n;
    let clause = 0;
    for (const sub of and.terms) {
      if (sub.type !== 'or') continue;
      if (!addDisjunction(sub, lookupPort, match, { id, clause: clause++, nClauses }, out)) return;
    }
    const final = cloneMatch(match);
    setField(final, 'conj_id', BigInt(id));
    out.add({ match: final, conjunctions: [] });
  }
}

function addCmpFlow(e: OvnExpr, lookupPort: LookupPort, out: Matches): void {
  const match = emptyMatch();
  if (constrain(e, lookupPort, match)) out.add({ match, conjunctions: [] });
}

/**
 * Returns the matches and the number of conjunction ids used (1…n, to be offset by the caller as
 * lflow_conj_ids_alloc does).
 */
export function exprToMatches(e: OvnExpr, lookupPort: LookupPort): { matches: ExprMatch[]; nConjs: number } {
  const out = new Matches();
  const nConjs = { n: 0 };
  switch (e.type) {
    case 'cmp':
    case 'cmpString':
      addCmpFlow(e, lookupPort, out);
      break;
    case 'and':
      addConjunction(e, lookupPort, nConjs, out);
      break;
    case 'or':
      if (uniqueSymbol(e)) {
        for (const sub of e.terms) addCmpFlow(sub, lookupPort, out);
      } else {
        for (const sub of e.terms) {
          if (sub.type === 'and') addConjunction(sub, lookupPort, nConjs, out);
          else addCmpFlow(sub, lookupPort, out);
        }
      }
      break;
    case 'bool':
      if (e.value) out.add({ match: emptyMatch(), conjunctions: [] });
      break;
    case 'condition':
      break;
  }
  return { matches: [...out.byKey.values()], nConjs: nConjs.n };
}
