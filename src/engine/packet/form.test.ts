// Packet form: addresses filled from ports, and the microflow text given to the tracer.
import { describe, expect, it } from 'vitest';
import type { PortInfo } from '../scenario/topology.ts';
import {
  buildMicroflow,
  emptyPacketForm,
  editForm,
  fillAddresses,
  formForPorts,
  packetFormFields,
  packetFormFrom,
  traceRequest,
} from './form.ts';

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

describe('a destination behind a router', () => {
  const ls2vm: PortInfo = {
    name: 'ls2-vm3',
    datapath: 'ls2',
    type: '',
    macs: ['02:ac:10:ff:01:33'],
    ips: ['172.16.0.30'],
    unknown: false,
    portSecurity: [],
  };
  it('is addressed to the first-hop router port, by port name or by IP', () => {
    const all = [...ports, ls2vm];
    for (const dst of ['ls2-vm3', '172.16.0.30']) {
      const form = fillAddresses({ ...emptyPacketForm, src: 'ls1-vm1', dst }, all);
      expect(form).toMatchObject({ ethDst: '02:ac:10:ff:00:01', ipDst: '172.16.0.30' });
    }
  });
  it('keeps the far MAC when no router port is on the source switch', () => {
    const form = fillAddresses({ ...emptyPacketForm, src: 'ls1-vm1', dst: 'ls2-vm3' }, [ports[0], ls2vm]);
    expect(form.ethDst).toBe('02:ac:10:ff:01:33');
  });
});

describe('form and ports', () => {
  const two: PortInfo[] = [ports[0], ports[1]];
  it('picks a source and destination when the form names ports that do not exist', () => {
    expect(formForPorts({ ...emptyPacketForm, src: 'gone' }, two, false)).toMatchObject({
      src: 'ls1-vm1',
      dst: 'ls1-vm2',
      ethSrc: '02:ac:10:ff:00:11',
      ethDst: '02:ac:10:ff:00:22',
    });
  });
  it('fills a pending form, keeping hand-edited addresses; leaves a settled one alone', () => {
    const form = { ...emptyPacketForm, src: 'ls1-vm1', dst: 'ls1-vm2', ethSrc: '02:00:00:00:00:99' };
    expect(formForPorts(form, two, true)).toMatchObject({
      ethSrc: '02:00:00:00:00:99',
      ethDst: '02:ac:10:ff:00:22',
      ipSrc: '192.168.100.10',
    });
    expect(formForPorts(form, two, false)).toBeUndefined();
  });
  it('refills addresses when the destination changes, not when an address is edited', () => {
    const start = fillAddresses({ ...emptyPacketForm, src: 'ls1-vm1', dst: 'ls1-vm2' }, ports);
    const edited = editForm(start, { ethSrc: '02:aa:aa:aa:aa:aa' }, ports);
    expect(edited.ethSrc).toBe('02:aa:aa:aa:aa:aa');
    expect(editForm(edited, { dst: 'ls1-r' }, ports)).toMatchObject({
      ethSrc: '02:ac:10:ff:00:11',
      ethDst: '02:ac:10:ff:00:01',
    });
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
