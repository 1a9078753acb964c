// ovs-ofctl lines of a scenario: flows and groups into a bridge, and the dumps as ovs-ofctl 3.1 prints them.
import { formatFlow, formatGroup, parseFlow, parseGroup } from '../openflow/flow/index.ts';
import type { Flow, FlowParseOptions, OfpAction } from '../openflow/flow/types.ts';
import { addFlow, deleteFlows, dumpOrder, modifyFlows } from '../openflow/switch/flows.ts';
import type { Bridge, OvsSwitch } from '../openflow/switch/model.ts';
import { ofctlShow } from '../openflow/switch/show.ts';
import type { ToolResult } from './sbctl.ts';

export interface OfctlIo {
  /** The heredoc body when the command reads standard input (`-`). */
  stdin?: string;
  /** Files the script wrote (`cat > flows.txt <<EOF`). */
  files: Map<string, string>;
}

const err = (message: string): ToolResult => ({ output: '', error: `ovs-ofctl: ${message}` });

/** OpenFlow version the -O option asks for (the highest one listed). */
function protocolVersion(opts: string[]): number {
  let v = 10;
  for (const o of opts) {
    const m = o.match(/OpenFlow1(\d)/g);
    if (m) v = Math.max(v, ...m.map((x) => 10 + Number(x.slice(-1))));
  }
  return v;
}

function portByName(br: Bridge): (name: string) => number | undefined {
  return (name) => {
    for (const [n, i] of br.byOfport) if (i.name === name) return n;
    return undefined;
  };
}

function flowLines(text: string): { line: number; text: string }[] {
  return text
    .split('\n')
    .map((t, i) => ({ line: i + 1, text: t.replace(/#.*$/, '').trim() }))
    .filter((l) => l.text);
}

/** How ovs-ofctl puts actions on the wire for OpenFlow 1.0 (+NXM), which is what the switch then keeps
 * and prints: set_field becomes the OpenFlow 1.0 action when there is one, else an NXM load. */
function encodeOpenflow10(actions: OfpAction[]): OfpAction[] {
  return actions.map((a): OfpAction => {
    if (a.type === 'clone') return { ...a, actions: encodeOpenflow10(a.actions) };
    if (a.type === 'ct') return { ...a, actions: encodeOpenflow10(a.actions) };
    if (a.type === 'write_actions') return { ...a, actions: encodeOpenflow10(a.actions) };
    if (a.type !== 'set_field') return a;
    const full = a.mask === (1n << BigInt(a.field.startsWith('ip') || a.field.startsWith('nw') ? 32 : 48)) - 1n;
    if (full && (a.field === 'eth_src' || a.field === 'eth_dst'))
      return { type: a.field === 'eth_src' ? 'mod_dl_src' : 'mod_dl_dst', mac: a.value };
    if (full && (a.field === 'ip_src' || a.field === 'ip_dst'))
      return { type: a.field === 'ip_src' ? 'mod_nw_src' : 'mod_nw_dst', addr: a.value };
    return { ...a, raw: 'load' };
  });
}

/** NXAST_NOTE pads the note with zeros to a multiple of 8 bytes of action (10 bytes of header). */
function padNotes(actions: OfpAction[]): OfpAction[] {
  return actions.map((a): OfpAction => {
    if (a.type === 'note') {
      const len = Math.ceil((10 + a.data.length) / 8) * 8 - 10;
      return { ...a, data: [...a.data, ...new Array<number>(len - a.data.length).fill(0)] };
    }
    if (a.type === 'clone' || a.type === 'ct' || a.type === 'write_actions')
      return { ...a, actions: padNotes(a.actions) };
    return a;
  });
}

function encodeFor(version: number, flow: Flow): Flow {
  const actions = padNotes(flow.actions);
  return { ...flow, actions: version === 10 ? encodeOpenflow10(actions) : actions };
}

export function runOfctl(sw: OvsSwitch, args: string[], io: OfctlIo): ToolResult {
  const opts: string[] = [];
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-O' || a === '--protocols') opts.push(args[++i] ?? '');
    else if (a.startsWith('-O')) opts.push(a.slice(2));
    else if (a.startsWith('--protocols=')) opts.push(a.slice(12));
    else if (a.startsWith('-') && a !== '-') opts.push(a);
    else rest.push(a);
  }
  const [cmd, brName, ...more] = rest;
  if (!cmd) return err('missing command name; use --help for help');
  if (!brName) return err(`'${cmd}' command requires at least 1 arguments`);
  const br = sw.bridges.get(brName);
  if (!br) return err(`${brName} is not a bridge or a socket`);
  const version = protocolVersion(opts);
  const strict = opts.includes('--strict');
  const names = opts.includes('--names');
  const parseOpts = (command: FlowParseOptions['command']): FlowParseOptions => ({
    portByName: portByName(br),
    command,
    version,
  });
  const parseAll = (text: string, source: string, command: FlowParseOptions['command']): Flow[] | ToolResult => {
    const flows: Flow[] = [];
    for (const l of flowLines(text)) {
      const r = parseFlow(l.text, parseOpts(command));
      if (!r.ok) return err(`${source}:${l.line}: ${r.error}`);
      flows.push(encodeFor(version, r.flow));
    }
    return flows;
  };
  const readInput = (name: string | undefined): string | ToolResult => {
    if (name === undefined) return err(`'${cmd}' command requires at least 2 arguments`);
    if (name === '-') return io.stdin ?? '';
    const f = io.files.get(name);
    return f ?? err(`${name}: open failed (No such file or directory)`);
  };
  switch (cmd) {
    case 'show':
      return { output: ofctlShow(br) };
    case 'add-flow':
    case 'mod-flows':
    case 'del-flows': {
      const command =
        cmd === 'add-flow'
          ? 'add'
          : cmd === 'mod-flows'
            ? strict
              ? 'modify_strict'
              : 'modify'
            : strict
              ? 'delete_strict'
              : 'delete';
      if (cmd === 'del-flows' && more[0] === undefined) {
        deleteFlows(br, undefined, false);
        return { output: '' };
      }
      if (more[0] === undefined) return err(`'${cmd}' command requires at least 2 arguments`);
      const r = parseFlow(more[0], parseOpts(command));
      if (!r.ok) return err(r.error);
      if (cmd === 'add-flow') addFlow(br, encodeFor(version, r.flow));
      else if (cmd === 'mod-flows') modifyFlows(br, encodeFor(version, r.flow), strict);
      else deleteFlows(br, r.flow, strict);
      return { output: '' };
    }
    case 'add-flows':
    case 'replace-flows': {
      const text = readInput(more[0]);
      if (typeof text !== 'string') return text;
      const flows = parseAll(text, more[0] ?? '-', 'add');
      if (!Array.isArray(flows)) return flows;
      if (cmd === 'replace-flows') deleteFlows(br, undefined, false);
      for (const f of flows) addFlow(br, f);
      return { output: '' };
    }
    case 'dump-flows': {
      let sel: Flow | undefined;
      if (more[0] !== undefined) {
        const r = parseFlow(more[0], parseOpts('dump'));
        if (!r.ok) return err(r.error);
        sel = r.flow;
      }
      const portName = names ? (p: number) => br.byOfport.get(p)?.name : undefined;
      const noStats = opts.includes('--no-stats');
      const lines = dumpOrder(br, sel).map(
        (x) =>
          ` ${formatFlow(x.flow, {
            version,
            ...(portName ? { portName } : {}),
            ...(noStats
              ? {}
              : {
                  stats: {
                    durationSec: 0,
                    durationNsec: 0,
                    nPackets: 0n,
                    nBytes: 0n,
                    ...(version < 11 ? { idleAge: 0 } : {}),
                  },
                }),
          })}\n`,
      );
      const header = noStats
        ? ''
        : version >= 11
          ? `OFPST_FLOW reply (OF1.${version - 10}) (xid=0x2):\n`
          : 'NXST_FLOW reply (xid=0x4):\n';
      return { output: header + lines.join('') };
    }
    case 'add-group':
    case 'add-groups':
    case 'mod-group': {
      const text = cmd === 'add-groups' ? readInput(more[0]) : more[0];
      if (typeof text !== 'string') return text ?? err(`'${cmd}' command requires at least 2 arguments`);
      for (const l of cmd === 'add-groups' ? flowLines(text) : [{ line: 1, text }]) {
        const r = parseGroup(l.text, parseOpts('add'));
        if (!r.ok) return err(r.error);
        br.groups.set(r.group.groupId, r.group);
      }
      return { output: '' };
    }
    case 'del-groups':
      br.groups.clear();
      return { output: '' };
    case 'dump-groups': {
      const header =
        version >= 11
          ? `OFPST_GROUP_DESC reply (OF1.${version - 10}) (xid=0x2):\n`
          : 'NXST_GROUP_DESC reply (xid=0x2):\n';
      const lines = [...br.groups.values()]
        .sort((a, b) => a.groupId - b.groupId)
        .map((g) => ` ${formatGroup(g, { version })}\n`);
      return { output: header + lines.join('') };
    }
    case 'add-tlv-map': {
      for (const m of (more[0] ?? '').replace(/^\{|\}$/g, '').split(/\),/)) {
        const x = m.match(/class=(0x[0-9a-f]+|\d+),type=(0x[0-9a-f]+|\d+),len=(\d+)\)?->tun_metadata(\d+)/i);
        if (x) br.tlvMap.set(Number(x[4]), { optClass: Number(x[1]), optType: Number(x[2]), len: Number(x[3]) });
      }
      return { output: '' };
    }
    default:
      return err(`unknown command '${cmd}'; use --help for help`);
  }
}
