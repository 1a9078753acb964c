import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { geneveEncapsulation, receivingFlow, tunnelPushes } from '../src/engine/physical/geneve.ts';

const golden = join(dirname(fileURLToPath(import.meta.url)), 'golden-physical/ls-two-hv/traces');

describe('Geneve encapsulation as trace data', () => {
  it('costs 58 bytes on IPv4 and 78 on IPv6, with the option carrying inport << 16 | outport', () => {
    const e = geneveEncapsulation(1, 1, 2);
    expect(e.overhead).toBe(58);
    expect(e.optionValue).toBe(0x10002);
    expect(geneveEncapsulation(1, 1, 2, { ipv6: true }).overhead).toBe(78);
    expect(geneveEncapsulation(5, 0x7fff, 0x8000).optionValue).toBe(0x7fff8000);
  });

  it("reads the tunnel pushes of a real trace's datapath actions", () => {
    const real = readFileSync(join(golden, '01-vm1-vm2-icmp.out.txt'), 'utf8');
    const line = real.split('\n').find((l) => l.startsWith('Datapath actions:')) ?? '';
    const [push, ...more] = tunnelPushes(line);
    expect(more).toEqual([]);
    expect(push).toMatchObject({
      vni: 1,
      logicalInport: 1,
      logicalOutport: 2,
      srcIp: '192.168.0.1',
      dstIp: '192.168.0.2',
    });
    // tnl_push's header(size=…) is the whole encapsulation
    expect(line).toContain(`size=${push.overhead}`);
  });

  it('continues the sender trace on the receiver with the flow real ofproto/trace accepted there', () => {
    const real = readFileSync(join(golden, '01-vm1-vm2-icmp.out.txt'), 'utf8');
    const lines = real.split('\n');
    const push = tunnelPushes(lines.find((l) => l.startsWith('Datapath actions:')) ?? '')[0];
    const flow = receivingFlow('hv1', push, lines.find((l) => l.startsWith('Final flow:')) ?? '');
    expect(flow).toBe(
      'in_port=ovn-hv1-0,tun_id=0x1,tun_metadata0=0x10002,icmp,vlan_tci=0x0000,dl_src=02:ac:10:ff:00:11,' +
        'dl_dst=02:ac:10:ff:00:22,nw_src=192.168.100.10,nw_dst=192.168.100.11,nw_tos=0,nw_ecn=0,nw_ttl=64,' +
        'nw_frag=no,icmp_type=8,icmp_code=0',
    );
  });
});
