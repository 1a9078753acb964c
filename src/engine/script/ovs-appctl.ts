// ovs-appctl lines of a scenario: ofproto/trace, dpif/show, fdb/show, and the set-up commands OVS's own
// testsuite uses for native tunnels (netdev-dummy/ip4addr, ovs/route/add, tnl/neigh/set,
// dpif/set-dp-features).
import type { OvsSwitch } from '../openflow/switch/model.ts';
import { bridgeBacker } from '../openflow/switch/reconfigure.ts';
import { dpifShow } from '../openflow/switch/show.ts';
import { formatTrace } from '../openflow/trace/format.ts';
import { ofprotoTrace } from '../openflow/trace/ofproto-trace.ts';
import type { ToolResult } from './sbctl.ts';

const SERVER_ERROR = '\novs-appctl: ovs-vswitchd: server returned an error';
const fail = (message: string): ToolResult => ({ output: '', error: `${message}${SERVER_ERROR}` });

function parseIp4(s: string): bigint | undefined {
  const m = s.match(/^(\d+)\.(\d+)\.(\d+)\.(\d+)$/);
  if (!m || m.slice(1).some((x) => Number(x) > 255)) return undefined;
  return m.slice(1).reduce((acc, x) => (acc << 8n) | BigInt(Number(x)), 0n);
}

function parseCidr(s: string): { addr: bigint; plen: number } | undefined {
  const [a, p] = s.split('/');
  const addr = parseIp4(a);
  const plen = p === undefined ? 32 : Number(p);
  if (addr === undefined || !Number.isInteger(plen) || plen < 0 || plen > 32) return undefined;
  return { addr, plen };
}

function parseMac(s: string): bigint | undefined {
  // eth_addr_from_string reads each part with sscanf's %hhx: longer parts keep their low byte
  if (!/^([0-9a-f]+:){5}[0-9a-f]+$/i.test(s)) return undefined;
  return s.split(':').reduce((acc, x) => (acc << 8n) | (BigInt(`0x${x}`) & 0xffn), 0n);
}

/** What the userspace datapath reports it supports (dpif/show-dp-features). */
const DP_FEATURES = [
  'Masked set action: Yes',
  'Tunnel push pop: Yes',
  'Ufid: Yes',
  'Truncate action: Yes',
  'Clone action: Yes',
  'Sample nesting: 10',
  'Conntrack eventmask: Yes',
  'Conntrack clear: Yes',
  'Max dp_hash algorithm: 1',
  'Check pkt length action: Yes',
  'Conntrack timeout policy: Yes',
  'Explicit Drop action: Yes',
  'Optimized Balance TCP mode: Yes',
  'Conntrack all-zero IP SNAT: Yes',
  'MPLS Label add: Yes',
  'Max VLAN headers: 1',
  'Max MPLS depth: 3',
  'Recirc: Yes',
  'CT state: Yes',
  'CT zone: Yes',
  'CT mark: Yes',
  'CT label: Yes',
  'CT state NAT: Yes',
  'CT orig tuple: Yes',
  'CT orig tuple for IPv6: Yes',
  'IPv6 ND Extension: Yes',
]
  .map((l) => `${l}\n`)
  .join('');

/** ovs-appctl to ovs-vswitchd; 'unsupported' for another daemon (-t ovn-controller, ovs-monitor-ipsec …),
 * which a scene does not model: the line is shown as skipped, as any other tool we do not run. */
export function runAppctl(sw: OvsSwitch, args: string[]): ToolResult | 'unsupported' {
  let i = 0;
  let target = 'ovs-vswitchd';
  while (i < args.length && args[i].startsWith('-')) {
    const opt = args[i];
    if (opt === '-t' || opt === '--target') target = args[i + 1] ?? '';
    else if (opt.startsWith('--target=')) target = opt.slice('--target='.length);
    i += opt === '-t' || opt === '--target' ? 2 : 1;
  }
  if (!/(^|\/)ovs-vswitchd(\.[\w.]*)?$/.test(target)) return 'unsupported';
  const [cmd, ...rest] = args.slice(i);
  switch (cmd) {
    case 'ofproto/trace': {
      const r = ofprotoTrace(sw, rest);
      if (!r.ok) return fail(r.error);
      return { output: formatTrace(r.result) };
    }
    case 'dpif/show-dp-features':
      if (!sw.bridges.has(rest[0] ?? '')) return fail('no such bridge');
      return { output: DP_FEATURES };
    case 'dpif/show':
      return { output: dpifShow(sw) };
    case 'fdb/show': {
      const br = sw.bridges.get(rest[0] ?? '');
      if (!br) return fail('no such bridge');
      return { output: ' port  VLAN  MAC                Age\n' };
    }
    case 'dpif/set-dp-features': {
      const br = sw.bridges.get(rest[0] ?? '');
      if (!br) return fail('no such bridge');
      if (rest[1] === 'tnl_push_pop' && rest[2] !== undefined) bridgeBacker(sw, br).tnlPushPop = rest[2] === 'true';
      return { output: '' };
    }
    case 'netdev-dummy/ip4addr': {
      const c = parseCidr(rest[1] ?? '');
      if (!rest[0] || !c) return fail('Invalid parameters');
      sw.addresses.set(rest[0], [...(sw.addresses.get(rest[0]) ?? []), c]);
      return { output: 'OK\n' };
    }
    case 'ovs/route/add': {
      const c = parseCidr(rest[0] ?? '');
      if (!c || !rest[1]) return fail('Invalid parameters');
      const gw = rest[2] ? parseIp4(rest[2]) : 0n;
      sw.routes.push({ prefix: c.addr, plen: c.plen, dev: rest[1], gw: gw ?? 0n });
      return { output: 'OK\n' };
    }
    case 'tnl/neigh/set': {
      const ip = parseIp4(rest[1] ?? '');
      const mac = parseMac(rest[2] ?? '');
      if (!rest[0] || ip === undefined || mac === undefined) return fail('Invalid parameters');
      const table = sw.neighbours.get(rest[0]) ?? new Map<bigint, bigint>();
      table.set(ip, mac);
      sw.neighbours.set(rest[0], table);
      return { output: 'OK\n' };
    }
    case undefined:
      return { output: '', error: 'ovs-appctl: at least one non-option argument is required (use --help for help)' };
    default:
      return fail(`"${cmd}" is not a valid command (use "list-commands" to see a list of valid commands)`);
  }
}
