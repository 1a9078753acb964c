// Reads the text `ovn-sbctl lflow-list` prints (as real dumps come from users) into plain flow records,
// keeping where each match and action sits in the text so parse errors can point at LINE:COL.

export interface DumpedFlow {
  /** 1-based line of the flow in the dump. */
  line: number;
  datapath: string;
  datapathUuid: string;
  pipeline: 'ingress' | 'egress';
  table: number;
  /** Stage name without padding (ls_in_l2_lkup …). */
  stage: string;
  priority: number;
  match: string;
  actions: string;
  /** 1-based columns where the match and action texts start on `line`. */
  matchColumn: number;
  actionsColumn: number;
  /** `ovn-sbctl --uuid lflow-list` adds the flow's uuid. */
  uuid?: string;
}

export interface LflowDump {
  flows: DumpedFlow[];
  errors: { line: number; column: number; message: string }[];
}

const DATAPATH = /^Datapath: "((?:[^"\\]|\\.)*)" \(([^)]*)\)\s+Pipeline: (ingress|egress)\s*$/;
const FLOW_HEAD = /^ {2}(?:uuid=0x([0-9a-f]+), )?table=(\d+)\s*\(([^)]*)\), priority=(\d+)\s*, match=\(/;
const ACTION_SEP = '), action=(';

/** Parses a whole lflow-list dump; lines it does not understand are reported, never thrown on. */
export function readLflowDump(text: string): LflowDump {
  const flows: DumpedFlow[] = [];
  const errors: LflowDump['errors'] = [];
  let datapath: { name: string; uuid: string; pipeline: 'ingress' | 'egress' } | undefined;
  const lines = text.split('\n');
  lines.forEach((raw, i) => {
    const lineNo = i + 1;
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '') return;
    const dp = DATAPATH.exec(line);
    if (dp) {
      datapath = { name: unescapeName(dp[1]), uuid: dp[2], pipeline: dp[3] === 'ingress' ? 'ingress' : 'egress' };
      return;
    }
    const head = FLOW_HEAD.exec(line);
    if (!head) {
      errors.push({ line: lineNo, column: 1, message: 'not a line of ovn-sbctl lflow-list output' });
      return;
    }
    if (!datapath) {
      errors.push({ line: lineNo, column: 1, message: 'flow before any "Datapath:" line' });
      return;
    }
    const matchStart = head[0].length;
    const sep = line.indexOf(ACTION_SEP, matchStart);
    if (sep < 0 || !line.endsWith(')')) {
      errors.push({ line: lineNo, column: matchStart + 1, message: 'expecting "match=(…), action=(…)"' });
      return;
    }
    const actionsStart = sep + ACTION_SEP.length;
    const flow: DumpedFlow = {
      line: lineNo,
      datapath: datapath.name,
      datapathUuid: datapath.uuid,
      pipeline: datapath.pipeline,
      table: Number(head[2]),
      stage: head[3].trim(),
      priority: Number(head[4]),
      match: line.slice(matchStart, sep),
      actions: line.slice(actionsStart, line.length - 1),
      matchColumn: matchStart + 1,
      actionsColumn: actionsStart + 1,
    };
    if (head[1] !== undefined) flow.uuid = head[1];
    flows.push(flow);
  });
  return { flows, errors };
}

/** Datapath names are printed inside double quotes; undo the escaping of `"` and `\`. */
function unescapeName(s: string): string {
  return s.replace(/\\(.)/g, '$1');
}
