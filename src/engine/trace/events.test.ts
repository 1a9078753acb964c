// The trace as events: one per pipeline, stage, fork and end, with the packet before and what changed.
import { describe, expect, it } from 'vitest';
import { builtinScenarios } from '../scenario/builtins.ts';
import { loadScenarioText, southboundFor } from '../scenario/compile.ts';
import { trace } from './index.ts';

function traceIn(id: string, microflow: string, ct?: string[]) {
  const script = builtinScenarios.find((s) => s.id === id)?.script ?? '';
  const sb = southboundFor(loadScenarioText(script));
  const result = trace(sb, { datapath: '', microflow, ...(ct ? { ct } : {}) });
  if (!result.ok) throw new Error(result.error);
  return result.events;
}

const ping =
  'inport == "ls1-vm1" && eth.src == 02:ac:10:ff:00:11 && eth.dst == 02:ac:10:ff:00:22 && ip4.src == 192.168.100.10 && ip4.dst == 192.168.100.11 && ip.ttl == 64 && icmp4.type == 8 && icmp4.code == 0';

describe('trace events', () => {
  it('walks one copy from its ingress port to its output, each event after its parent', () => {
    const events = traceIn('two-vms', ping);
    expect(events[0]).toMatchObject({ kind: 'enter', pipeline: 'ingress', datapath: 'ls1', inport: 'ls1-vm1' });
    expect(events[0].at).toEqual([
      { kind: 'switch-port', name: 'ls1-vm1' },
      { kind: 'switch', name: 'ls1' },
    ]);
    events.forEach((e, i) => {
      expect(e.index).toBe(i);
      if (i > 0) expect(e.parent).toBe(i - 1);
      expect(e.copy).toBe(0);
    });
    const last = events[events.length - 1];
    expect(last).toMatchObject({ kind: 'output', at: [{ kind: 'switch-port', name: 'ls1-vm2' }] });
    const l2 = events.find((e) => e.stage === 'ls_in_l2_lkup');
    expect(l2?.changes).toContainEqual({
      layer: 'OVN metadata',
      field: 'outport',
      before: 'none (reg15=0)',
      after: '"ls1-vm2" (reg15=0x2)',
    });
    const ip = last.packet.find((l) => l.name === 'IPv4');
    expect(ip?.fields).toContainEqual({ name: 'ip.ttl', value: '64' });
  });

  it('forks a flood into one copy per member, the first keeping the original copy', () => {
    const events = traceIn(
      'arp-flood',
      'inport == "net1-vm1" && eth.src == 0a:00:00:00:00:01 && eth.dst == ff:ff:ff:ff:ff:ff && arp.op == 1 && arp.sha == 0a:00:00:00:00:01 && arp.spa == 172.16.0.1 && arp.tha == 00:00:00:00:00:00 && arp.tpa == 172.16.0.99',
    );
    const fork = events.find((e) => e.kind === 'fork');
    expect(fork?.title).toBe('copied to every member of _MC_flood');
    const outputs = events.filter((e) => e.kind === 'output');
    expect(outputs.map((e) => e.outport)).toEqual(['net1-vm2', 'net1-vm3', 'net1-vm4']);
    expect(new Set(outputs.map((e) => e.copy)).size).toBe(3);
    expect(events.filter((e) => e.kind === 'loopback').map((e) => e.copy)).toHaveLength(1);
  });

  it('shows a router’s rewrites (TTL down, MACs changed) and the ARP request it makes, as before → after', () => {
    const events = traceIn(
      'gateway',
      'inport == "ls1-vm1" && eth.src == 02:ac:10:ff:00:11 && eth.dst == 02:ac:10:ff:00:01 && ip4.src == 192.168.100.10 && ip4.dst == 172.18.1.10 && ip.ttl == 64 && icmp4.type == 8 && icmp4.code == 0',
    );
    const changes = events.flatMap((e) => e.changes);
    expect(changes).toContainEqual({ layer: 'IPv4', field: 'ip.ttl', before: '64', after: '63' });
    expect(changes).toContainEqual({
      layer: 'Ethernet',
      field: 'eth.src',
      before: '02:ac:10:ff:00:11',
      after: '02:ac:10:ff:ff:02',
    });
    const arp = events.find((e) => e.stage === 'lr_in_arp_request' && e.datapath === 'gw1');
    expect(arp?.changes).toContainEqual({ layer: 'ARP', field: 'arp.tpa', before: '', after: '172.18.1.10' });
    expect(events.some((e) => e.kind === 'enter' && e.datapathKind === 'router' && e.datapath === 'router1')).toBe(
      true,
    );
  });

  it('ends a port-security violation with a drop event in ls_in_apply_port_sec', () => {
    const events = traceIn('two-vms', ping.replace('eth.src == 02:ac:10:ff:00:11', 'eth.src == 02:ac:10:ff:00:99'));
    const last = events[events.length - 1];
    expect(last.kind).toBe('drop');
    expect(last.fate).toMatchObject({ kind: 'dropped', stage: 'ls_in_apply_port_sec' });
  });
});
