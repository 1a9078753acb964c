// Why a packet was dropped: near-miss flows with their first failing term, port security, LB VIPs.
import { describe, expect, it } from 'vitest';
import { builtinScenarios } from '../scenario/builtins.ts';
import { loadScenarioText, southboundFor } from '../scenario/compile.ts';
import { buildTraceDb, traceOn } from './index.ts';
import { lbOnServersScript } from '../scenario/lessons.ts';
import { lbWithNewConnection, whyDropped } from './why.ts';

function dbOf(id: string) {
  const script = builtinScenarios.find((s) => s.id === id)?.script ?? '';
  return buildTraceDb(southboundFor(loadScenarioText(script)));
}

const ping =
  'inport == "ls1-vm1" && eth.src == 02:ac:10:ff:00:99 && eth.dst == 02:ac:10:ff:00:22 && ip4.src == 192.168.100.10 && ip4.dst == 192.168.100.11 && ip.ttl == 64 && icmp4.type == 8 && icmp4.code == 0';

describe('whyDropped', () => {
  it('at a port-security drop, names the addresses the port allows', () => {
    const db = dbOf('two-vms');
    const result = traceOn(db, { datapath: 'ls1', microflow: ping });
    if (!result.ok) throw new Error(result.error);
    const drop = result.events.length - 1;
    const event = result.events[drop];
    const packet = result.packets[drop];
    if (!packet || event.pipeline === undefined || event.table === undefined) throw new Error('no packet');
    const why = whyDropped(db, { ...event, pipeline: event.pipeline, table: event.table, packet });
    expect(why?.portSecurity).toEqual({ port: 'ls1-vm1', allowed: ['02:ac:10:ff:00:11 192.168.100.10'] });
  });

  it('lists the flows of the table that did not match, with the first term that failed', () => {
    const db = dbOf('two-vms');
    const result = traceOn(db, { datapath: 'ls1', microflow: ping });
    if (!result.ok) throw new Error(result.error);
    const l2 = result.events.findIndex((e) => e.stage === 'ls_in_check_port_sec');
    const packet = result.packets[l2];
    if (!packet) throw new Error('no packet');
    // The egress port-security table, asked about the ingress packet: ls1-vm2's flow fails on outport.
    const why = whyDropped(db, {
      datapath: 'ls1',
      pipeline: 'ingress',
      table: 25,
      inport: 'ls1-vm1',
      outport: '',
      packet,
    });
    expect(why?.misses.length).toBeGreaterThan(0);
    expect(why?.misses[0].sameFamily).toBe(true);
    for (const miss of why?.misses ?? []) {
      expect(miss.failed).not.toBe('');
      expect(miss.match).toContain(miss.failed);
      expect(miss.held).toBeLessThan(miss.terms + 1);
    }
  });

  it('at a router with no route, puts the IPv4 routes first', () => {
    const script = lbOnServersScript;
    const db = buildTraceDb(southboundFor(loadScenarioText(script)));
    const result = traceOn(db, {
      datapath: 'clients',
      microflow:
        'inport == "client1" && eth.src == 50:54:00:00:0c:01 && eth.dst == 00:00:00:00:0c:fe && ip4.src == 10.0.1.11 && ip4.dst == 10.0.0.100 && ip.ttl == 64 && tcp.src == 33333 && tcp.dst == 80',
      ct: ['new'],
    });
    if (!result.ok) throw new Error(result.error);
    const at = result.events.length - 1;
    const event = result.events[at];
    const packet = result.packets[at];
    if (!packet || event.pipeline === undefined || event.table === undefined) throw new Error('no packet');
    const why = whyDropped(db, { ...event, pipeline: event.pipeline, table: event.table, packet });
    const nearest = why?.misses.slice(0, 2).map((m) => m.failed);
    expect(nearest?.sort()).toEqual(['ip4.dst == 10.0.1.0/24', 'ip4.dst == 10.0.2.0/24']);
  });

  it('sees the load balancer a packet to the VIP passes by without --ct, and none with --ct=new', () => {
    const db = dbOf('gateway');
    const result = traceOn(db, {
      datapath: 'ls1',
      microflow:
        'inport == "ls1-vm1" && eth.src == 02:ac:10:ff:00:11 && eth.dst == 02:ac:10:ff:00:01 && ip4.src == 192.168.100.10 && ip4.dst == 172.18.1.254 && ip.ttl == 64 && tcp.src == 33333 && tcp.dst == 80',
    });
    if (!result.ok) throw new Error(result.error);
    const hint = lbWithNewConnection(db, result.events, result.packets);
    expect(hint).toMatchObject({ datapath: 'gw1', stage: 'lr_in_dnat' });
    expect(hint?.match).toContain('ip4.dst == 172.18.1.254');
    expect(hint?.actions).toMatch(/^ct_lb_mark\(backends=192\.168\.100\.10:80,192\.168\.100\.11:80\);/);
    const asNew = traceOn(db, {
      datapath: 'ls1',
      microflow:
        'inport == "ls1-vm1" && eth.src == 02:ac:10:ff:00:11 && eth.dst == 02:ac:10:ff:00:01 && ip4.src == 192.168.100.10 && ip4.dst == 172.18.1.254 && ip.ttl == 64 && tcp.src == 33333 && tcp.dst == 80',
      ct: ['new'],
    });
    if (!asNew.ok) throw new Error(asNew.error);
    const balanced = asNew.events.find((e) => e.stage === 'lr_in_dnat' && e.datapath === 'gw1');
    expect(balanced?.flow?.actions).toMatch(/^ct_lb_mark/);
  });
});
