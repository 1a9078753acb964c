// Packet form: addresses filled from ports, and the microflow text given to the tracer.
import { describe, expect, it } from 'vitest';
import type { PortInfo } from '../../worker/api.ts';
import {
  buildMicroflow,
  emptyPacketForm,
  fillAddresses,
  packetFormFields,
  packetFormFrom,
  traceRequest,
} from './microflow.ts';

const ports: PortInfo[] = [
  {
    name: 'ls1-vm1',
    datapath: 'ls1',
    type: '',
    macs: ['02:ac:10:ff:00:11'],
    ips: ['192.168.100.10'],
    unknown: false,
    portSecurity: [],
  },
  {
    name: 'ls1-vm2',
    datapath: 'ls1',
    type: '',
    macs: ['02:ac:10:ff:00:22'],
    ips: ['192.168.100.11'],
    unknown: false,
    portSecurity: [],
  },
  {
    name: 'ls1-r',
    datapath: 'ls1',
    type: 'router',
    macs: ['02:ac:10:ff:00:01'],
    ips: ['192.168.100.1'],
    unknown: false,
    portSecurity: [],
  },
];

describe('packet form', () => {
  it('fills MACs and IPs from the source and destination ports', () => {
    const form = fillAddresses({ ...emptyPacketForm, src: 'ls1-vm1', dst: 'ls1-vm2' }, ports);
    expect(buildMicroflow(form)).toBe(
      'inport == "ls1-vm1" && eth.src == 02:ac:10:ff:00:11 && eth.dst == 02:ac:10:ff:00:22 && ip4.src == 192.168.100.10 && ip4.dst == 192.168.100.11 && ip.ttl == 64 && icmp4.type == 8 && icmp4.code == 0',
    );
  });

  it('resolves a destination IP to the port that owns it, else to the gateway router port', () => {
    expect(fillAddresses({ ...emptyPacketForm, src: 'ls1-vm1', dst: '192.168.100.11' }, ports).ethDst).toBe(
      '02:ac:10:ff:00:22',
    );
    expect(fillAddresses({ ...emptyPacketForm, src: 'ls1-vm1', dst: '8.8.8.8' }, ports).ethDst).toBe(
      '02:ac:10:ff:00:01',
    );
  });

  it('writes an ARP request as a broadcast', () => {
    const form = fillAddresses({ ...emptyPacketForm, src: 'ls1-vm1', dst: '192.168.100.99', proto: 'arp' }, ports);
    expect(buildMicroflow(form)).toBe(
      'inport == "ls1-vm1" && eth.src == 02:ac:10:ff:00:11 && eth.dst == ff:ff:ff:ff:ff:ff && arp.op == 1 && arp.sha == 02:ac:10:ff:00:11 && arp.spa == 192.168.100.10 && arp.tha == 00:00:00:00:00:00 && arp.tpa == 192.168.100.99',
    );
  });

  it('writes tcp and udp ports, and uses the raw microflow when given', () => {
    const tcp = fillAddresses({ ...emptyPacketForm, src: 'ls1-vm1', dst: 'ls1-vm2', proto: 'tcp' }, ports);
    expect(buildMicroflow(tcp)).toContain('tcp.src == 33333 && tcp.dst == 80 && tcp.flags == 0x002');
    expect(buildMicroflow({ ...tcp, proto: 'udp' })).toContain('udp.src == 33333 && udp.dst == 80');
    expect(buildMicroflow({ ...tcp, raw: '  inport == "x"  ' })).toBe('inport == "x"');
  });

  it('keeps only known string fields from a link, and round-trips its fields', () => {
    const form = packetFormFrom({ src: 'a', proto: 'sctp', bogus: 'x' });
    expect(form).toEqual({ ...emptyPacketForm, src: 'a' });
    const full = { ...emptyPacketForm, src: 'a', dst: 'b', proto: 'arp' as const };
    expect(packetFormFrom(packetFormFields(full))).toEqual(full);
    expect(packetFormFields(emptyPacketForm)).toEqual({});
  });
});

describe('trace request', () => {
  it('starts on the source port’s switch and passes --ct and --lb-dst', () => {
    const form = {
      ...fillAddresses({ ...emptyPacketForm, src: 'ls1-vm1', dst: 'ls1-vm2' }, ports),
      ct: 'new  est,rpl',
      lbDst: ' 10.0.0.1:80 ',
    };
    expect(traceRequest(form, ports)).toMatchObject({ datapath: 'ls1', ct: ['new', 'est,rpl'], lbDst: '10.0.0.1:80' });
    expect(traceRequest({ ...form, src: 'nosuch' }, ports)).toBeUndefined();
  });

  it('lets ovn-trace find the datapath from a raw microflow’s inport', () => {
    expect(traceRequest({ ...emptyPacketForm, raw: 'inport == "ls1-vm2"' }, ports)).toEqual({
      datapath: '',
      microflow: 'inport == "ls1-vm2"',
    });
  });
});
