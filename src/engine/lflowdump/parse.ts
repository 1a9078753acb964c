// Parses every match and action of a real `ovn-sbctl lflow-list` dump, for `ovnviz parse-lflows` and for
// importing a user's dump into the app: flows with their syntax trees, and each failure at LINE:COL.
import { parseActions, type Action } from '../actions/index.ts';
import { parseExpr, type MatchExpr } from '../expr/index.ts';
import { readLflowDump, type DumpedFlow } from './reader.ts';

export interface ParsedFlow extends DumpedFlow {
  /** Absent when the match did not parse. */
  matchExpr?: MatchExpr;
  /** Absent when the actions did not parse. */
  parsedActions?: Action[];
  /** What the actions add to the match (ovn-controller and ovn-trace AND these in). */
  actionPrereqs?: string[];
}

export interface DumpFailure {
  line: number;
  column: number;
  /** What failed: the dump's layout, a match or an action list. */
  what: 'dump' | 'match' | 'actions';
  message: string;
}

export interface ParsedDump {
  flows: ParsedFlow[];
  matchesParsed: number;
  actionsParsed: number;
  failures: DumpFailure[];
}

export function parseLflowDump(text: string): ParsedDump {
  const dump = readLflowDump(text);
  const failures: DumpFailure[] = dump.errors.map((e) => ({ ...e, what: 'dump' }));
  let matchesParsed = 0;
  let actionsParsed = 0;
  const flows = dump.flows.map((flow): ParsedFlow => {
    const parsed: ParsedFlow = { ...flow };
    const m = parseExpr(flow.match);
    if (m.ok) {
      parsed.matchExpr = m.value;
      matchesParsed++;
    } else {
      failures.push({
        line: flow.line,
        column: flow.matchColumn + m.error.column - 1,
        what: 'match',
        message: m.error.message,
      });
    }
    const a = parseActions(flow.actions, { pipeline: flow.pipeline, table: flow.table });
    if (a.ok) {
      parsed.parsedActions = a.actions;
      parsed.actionPrereqs = a.prereqs;
      actionsParsed++;
    } else {
      failures.push({
        line: flow.line,
        column: flow.actionsColumn + a.error.column - 1,
        what: 'actions',
        message: a.error.message,
      });
    }
    return parsed;
  });
  failures.sort((x, y) => x.line - y.line || x.column - y.column);
  return { flows, matchesParsed, actionsParsed, failures };
}
