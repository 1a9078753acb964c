// What one ovn-nbctl command sees while it runs: its arguments and options, the open transaction,
// the --id symbols of its invocation, and an output buffer; plus the name-or-uuid lookups.
import type { NbTableName } from '../../nb/schema.gen.ts';
import type { AnyRow, NbTxn } from '../../nb/txn.ts';
import { isUuid, type SymbolTable } from '../../nb/datum.ts';
import { lookupContaining, lookupRows } from '../../nb/row-index.ts';

/** ctl_fatal / ctl_error: the message ovn-nbctl prints after "ovn-nbctl: ". */
export class CtlError extends Error {
  constructor(
    message: string,
    /** A suggestion shown beside the real tool's message (e.g. "did you mean 'lsp-add'?"). */
    readonly hint?: string,
  ) {
    super(message);
  }
}

export interface CmdContext {
  /** argv[0] is the command name, as in ovn-nbctl's ctl_context. */
  argv: string[];
  options: Map<string, string>;
  txn: NbTxn;
  symtab: SymbolTable;
  output: string[];
  /** State shared by the commands of one invocation (table style, first table printed). */
  inv: Invocation;
  /** True for the last command of the invocation (ctl's last_command). */
  last: boolean;
  /** Symbols given a row by create or get --id (the others are only referenced so far). */
  defined: Set<string>;
  /** Set by list/find: their output is a table, which --oneline leaves alone. */
  table?: boolean;
}

export interface TableStyle {
  format: 'list' | 'table' | 'csv' | 'json' | 'html';
  /** CF_STRING (default), CF_BARE (--bare) or CF_JSON (--data=json). */
  cell: 'string' | 'bare' | 'json';
  headings: boolean;
  /** --pretty: JSON laid out over several lines. */
  pretty?: boolean;
}

export interface Invocation {
  style: TableStyle;
  firstTable: boolean;
  oneline: boolean;
  /** --detach: start the daemon (nothing to do here). */
  detach: boolean;
}

export const fatal = (msg: string): never => {
  throw new CtlError(msg);
};

export function print(ctx: CmdContext, text: string): void {
  ctx.output.push(text);
}

/** Finds a row by uuid, else by a name column; `what` words the not-found error as ovn-nbctl does. */
export function byNameOrUuid(
  ctx: CmdContext,
  table: NbTableName,
  id: string,
  mustExist: boolean,
  what: string,
  opts: { nameCol?: string; multiple?: string } = {},
): AnyRow | undefined {
  const uuid = isUuid(id);
  let row = uuid ? ctx.txn.get(table, id.toLowerCase()) : undefined;
  if (!row) {
    const named = lookupRows(ctx.txn.rows(table), [opts.nameCol ?? 'name'], [id]);
    if (named.length > 1 && opts.multiple) fatal(`Multiple ${opts.multiple} named '${id}'.  Use a UUID.`);
    row = named.length > 1 ? firstInTable(ctx.txn.rows(table), named) : named[0];
  }
  if (!row && mustExist) fatal(`${id}: ${what} ${uuid ? 'UUID' : 'name'} not found`);
  return row;
}

export const lsByNameOrUuid = (ctx: CmdContext, id: string, mustExist = true): AnyRow | undefined =>
  byNameOrUuid(ctx, 'Logical_Switch', id, mustExist, 'switch', { multiple: 'logical switches' });

export const lspByNameOrUuid = (ctx: CmdContext, id: string, mustExist = true): AnyRow | undefined =>
  byNameOrUuid(ctx, 'Logical_Switch_Port', id, mustExist, 'port');

export const lrByNameOrUuid = (ctx: CmdContext, id: string, mustExist = true): AnyRow | undefined =>
  byNameOrUuid(ctx, 'Logical_Router', id, mustExist, 'router', { multiple: 'logical routers' });

export const lrpByNameOrUuid = (ctx: CmdContext, id: string, mustExist = true): AnyRow | undefined =>
  byNameOrUuid(ctx, 'Logical_Router_Port', id, mustExist, 'port');

/** The row of `table` whose set column `col` holds `uuid` (the switch of a port, the router of a
 * port), counting this invocation's not yet committed partial updates as ovn-nbctl's caches do. */
export function parentOf(ctx: CmdContext, table: NbTableName, col: string, uuid: string): AnyRow | undefined {
  const pending = ctx.txn.pendingOwner(table, col, uuid);
  if (pending === null) return undefined;
  if (pending !== undefined) return ctx.txn.get(table, pending);
  const owners = lookupContaining(ctx.txn.rows(table), col, uuid);
  return owners.length > 1 ? firstInTable(ctx.txn.rows(table), owners) : owners[0];
}

/** Of several rows found by index, the one a walk of the table meets first (ovn-nbctl's loops). */
function firstInTable(table: ReadonlyMap<string, AnyRow>, rows: readonly AnyRow[]): AnyRow | undefined {
  const wanted = new Set(rows.map((r) => r._uuid));
  for (const r of table.values()) if (wanted.has(r._uuid)) return r;
  return undefined;
}

export const hasOpt = (ctx: CmdContext, name: string): boolean => ctx.options.has(name);

/** nbrec_*_update_COL_addvalue: a partial update, visible only once the invocation commits. */
export function addToSet(ctx: CmdContext, table: NbTableName, row: AnyRow, col: string, value: string): void {
  ctx.txn.deferSetOp(table, row._uuid, col, 'add', value);
}

/** nbrec_*_update_COL_delvalue, likewise deferred to the commit. */
export function removeFromSet(ctx: CmdContext, table: NbTableName, row: AnyRow, col: string, value: string): void {
  ctx.txn.deferSetOp(table, row._uuid, col, 'remove', value);
}

export const current = (ctx: CmdContext, table: NbTableName, row: AnyRow): AnyRow =>
  ctx.txn.get(table, row._uuid) ?? row;
