// The OVN action language: parse an action string of a logical flow, print actions as OVN does, and the
// field-level interpreter helpers the tracer uses.
import { lookupSymbol } from '../expr/symbols.ts';
import type { Action, ActionContext } from './ast.ts';
import { parseActionsWith, type ParseResult } from './parser.ts';

export type * from './ast.ts';
export { LOG_PIPELINE_LEN } from './ast.ts';
export { formatAction, formatActions, formatConstant, formatField } from './format.ts';
export type { ParseResult } from './parser.ts';
export {
  applyFieldAction,
  nestedPacket,
  readField,
  resolveFieldRef,
  writeField,
  type PortKeyLookup,
} from './interp.ts';

const DEFAULT_CONTEXT: ActionContext = { pipeline: 'ingress', table: 0 };

/**
 * Parses `text` as the actions of a flow in `context` (its pipeline and logical table decide what
 * `next;` means and how it prints). Errors carry OVN's message and the 1-based column in `text`.
 */
export function parseActions(text: string, context: ActionContext = DEFAULT_CONTEXT): ParseResult {
  return parseActionsWith(text, (name) => lookupSymbol(name), context);
}

/** Convenience for callers that know the text is valid (e.g. flows northd wrote). */
export function parseActionsOrUndefined(text: string, context?: ActionContext): Action[] | undefined {
  const r = parseActions(text, context);
  return r.ok ? r.actions : undefined;
}
