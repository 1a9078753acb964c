// ls-add/lr-add and ls-list/lr-list: the same rules for switches and routers, in ovn-nbctl's words.
import { fatal, hasOpt, print, type CmdContext } from './context.ts';
import { sortedByKey } from './ls.ts';

type DatapathTable = 'Logical_Switch' | 'Logical_Router';
const noun: Record<DatapathTable, string> = { Logical_Switch: 'switch', Logical_Router: 'router' };

/** ls-add / lr-add [NAME] with --may-exist and --add-duplicate. */
export function addDatapathRow(ctx: CmdContext, table: DatapathTable): void {
  const name = ctx.argv.length === 2 ? ctx.argv[1] : undefined;
  const mayExist = hasOpt(ctx, '--may-exist');
  const addDuplicate = hasOpt(ctx, '--add-duplicate');
  if (mayExist && addDuplicate) fatal('--may-exist and --add-duplicate may not be used together');
  if (name !== undefined) {
    if (!addDuplicate)
      for (const row of ctx.txn.rows(table).values())
        if (row.name === name) {
          if (mayExist) return;
          fatal(`${name}: a ${noun[table]} with this name already exists`);
        }
  } else if (mayExist) fatal('--may-exist requires specifying a name');
  else if (addDuplicate) fatal('--add-duplicate requires specifying a name');
  ctx.txn.insert(table, name !== undefined ? { name } : {});
}

/** ls-list / lr-list: `UUID (NAME)` lines sorted by name. */
export function listDatapathRows(ctx: CmdContext, table: DatapathTable): void {
  const rows = [...ctx.txn.rows(table).values()].map((row) => ({
    key: String(row.name),
    text: `${row._uuid} (${String(row.name)})`,
  }));
  sortedByKey(rows).forEach((r) => print(ctx, r.text + '\n'));
}
