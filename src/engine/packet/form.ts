// The packet form of the app: fills MACs and IPs from the topology's ports as a person would look
// them up (the first-hop router's MAC for a destination behind a router), and writes the ovn-trace
// microflow and request. Plain data in and out, so the app calls it through the worker.
import type { PortInfo } from './port-info.ts';
import type { TraceRequest } from './request.ts';

export type Protocol = 'icmp' | 'tcp' | 'udp' | 'arp';

export interface PacketForm {
  src: string;
  /** A port name or an IP address. */
  dst: string;
  proto: Protocol;
  ethSrc: string;
  ethDst: string;
  ipSrc: string;
  ipDst: string;
  srcPort: string;
  dstPort: string;
  /** When not empty, used as the microflow instead of the fields above. */
  raw: string;
  /** ovn-trace --ct flags, one option per space-separated word (e.g. "new est,rpl"). */
  ct: string;
  /** ovn-trace --lb-dst=IP[:PORT]. */
  lbDst: string;
}

export const emptyPacketForm: PacketForm = {
  src: '',
  dst: '',
  proto: 'icmp',
  ethSrc: '',
  ethDst: '',
  ipSrc: '',
  ipDst: '',
  srcPort: '33333',
  dstPort: '80',
  raw: '',
  ct: '',
  lbDst: '',
};

const BROADCAST = 'ff:ff:ff:ff:ff:ff';
const isIpv4 = (text: string) => /^\d{1,3}(\.\d{1,3}){3}$/.test(text);
const isIpv6 = (text: string) =>
  text.includes(':') && /^[0-9a-f:.]+$/i.test(text) && !/^([0-9a-f]{2}:){5}[0-9a-f]{2}$/i.test(text);

/** Accepts a shared link's fields, keeping only known keys with string values. */
export function packetFormFrom(fields: Record<string, string> | undefined): PacketForm {
  const form: PacketForm = { ...emptyPacketForm };
  if (!fields) return form;
  for (const key of Object.keys(emptyPacketForm) as (keyof PacketForm)[]) {
    const value = fields[key];
    if (typeof value !== 'string') continue;
    if (key === 'proto') {
      if (value === 'icmp' || value === 'tcp' || value === 'udp' || value === 'arp') form.proto = value;
    } else form[key] = value;
  }
  return form;
}

/** The form's fields as a link carries them (defaults left out). */
export function packetFormFields(form: PacketForm): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const key of Object.keys(form) as (keyof PacketForm)[])
    if (form[key] !== emptyPacketForm[key]) fields[key] = form[key];
  return fields;
}

/** An address for an IP that no port owns: locally administered, derived from the IPv4 address. */
function placeholderMac(ip: string): string {
  const bytes = isIpv4(ip) ? ip.split('.').map((b) => Number(b) & 255) : [0, 0, 0, 0x99];
  return ['02', '00', ...bytes.map((b) => b.toString(16).padStart(2, '0'))].join(':');
}

/** Fills eth/ip source and destination from the chosen ports, as the person would look them up. */
export function fillAddresses(form: PacketForm, ports: readonly PortInfo[]): PacketForm {
  const source = ports.find((p) => p.name === form.src);
  const wantV6 = isIpv6(form.dst);
  const pickIp = (p: PortInfo | undefined) => p?.ips.find((ip) => (wantV6 ? isIpv6(ip) : isIpv4(ip))) ?? '';
  const filled: PacketForm = { ...form, ethSrc: source?.macs[0] ?? '', ipSrc: pickIp(source) };
  const byName = ports.find((p) => p.name === form.dst);
  const byIp = byName ? undefined : ports.find((p) => p.ips.includes(form.dst));
  const target = byName ?? byIp;
  filled.ipDst = byName ? pickIp(byName) : isIpv4(form.dst) || isIpv6(form.dst) ? form.dst : '';
  // A destination on the source's own switch is reached by its MAC; anything else through the
  // first-hop router, whose port on that switch is the frame's destination.
  const sameSwitch = target !== undefined && target.datapath === source?.datapath;
  if (form.proto === 'arp') filled.ethDst = BROADCAST;
  else if (sameSwitch && target.macs[0]) filled.ethDst = target.macs[0];
  else {
    const gateway = ports.find((p) => p.datapath === source?.datapath && p.type === 'router');
    filled.ethDst = gateway?.macs[0] ?? target?.macs[0] ?? placeholderMac(filled.ipDst);
  }
  return filled;
}

/** Which ports a packet may be sent from: VIFs and the other port types ovn-trace can start at. */
export function sourcePorts(ports: readonly PortInfo[]): PortInfo[] {
  return ports.filter((p) => p.type === '' || p.type === 'localnet' || p.type === 'external' || p.type === 'virtual');
}

/**
 * The form once the scene's ports are known: a source that no longer exists is replaced by the first
 * port with an address (and a destination beside it); a form from a link or a built-in
 * (`pendingFill`) gets its empty addresses filled, keeping those written by hand. Undefined when
 * nothing changes.
 */
export function formForPorts(
  form: PacketForm,
  ports: readonly PortInfo[],
  pendingFill: boolean,
): PacketForm | undefined {
  const names = new Set(ports.map((p) => p.name));
  const sources = ports.filter((p) => p.macs.length > 0);
  if (!names.has(form.src) && sources.length > 0) {
    const dst = sources.find((p) => p.name !== sources[0].name)?.name ?? '';
    return fillAddresses({ ...form, src: sources[0].name, dst }, ports);
  }
  if (!pendingFill) return undefined;
  const filled = fillAddresses(form, ports);
  return {
    ...filled,
    ethSrc: form.ethSrc || filled.ethSrc,
    ethDst: form.ethDst || filled.ethDst,
    ipSrc: form.ipSrc || filled.ipSrc,
    ipDst: form.ipDst || filled.ipDst,
  };
}

const REFILL_KEYS: readonly (keyof PacketForm)[] = ['src', 'dst', 'proto'];

/** A change to the form: choosing source, destination or protocol refills the addresses. */
export function editForm(form: PacketForm, change: Partial<PacketForm>, ports: readonly PortInfo[]): PacketForm {
  const next = { ...form, ...change };
  const refill = REFILL_KEYS.some((key) => key in change && change[key] !== form[key]);
  return refill ? fillAddresses(next, ports) : next;
}

/** The datapath the trace starts on: the source port's switch; for a raw microflow, ovn-trace finds
 * it from the microflow's inport (an empty DATAPATH argument). */
export function traceDatapath(form: PacketForm, ports: readonly PortInfo[]): string | undefined {
  if (form.raw.trim()) return '';
  return ports.find((p) => p.name === form.src)?.datapath;
}

/** The whole ovn-trace request the form describes. */
export function traceRequest(form: PacketForm, ports: readonly PortInfo[]): TraceRequest | undefined {
  const datapath = traceDatapath(form, ports);
  if (datapath === undefined) return undefined;
  const request: TraceRequest = { datapath, microflow: buildMicroflow(form) };
  const ct = form.ct.split(/\s+/).filter(Boolean);
  if (ct.length > 0) request.ct = ct;
  if (form.lbDst.trim()) request.lbDst = form.lbDst.trim();
  return request;
}

/** The microflow ovn-trace is given: the raw text when set, else one built from the fields. */
export function buildMicroflow(form: PacketForm): string {
  if (form.raw.trim()) return form.raw.trim();
  const terms = [`inport == "${form.src}"`];
  if (form.ethSrc) terms.push(`eth.src == ${form.ethSrc}`);
  if (form.ethDst) terms.push(`eth.dst == ${form.ethDst}`);
  if (form.proto === 'arp') {
    terms.push('arp.op == 1');
    if (form.ethSrc) terms.push(`arp.sha == ${form.ethSrc}`);
    if (form.ipSrc) terms.push(`arp.spa == ${form.ipSrc}`);
    terms.push('arp.tha == 00:00:00:00:00:00');
    if (form.ipDst) terms.push(`arp.tpa == ${form.ipDst}`);
    return terms.join(' && ');
  }
  const v6 = isIpv6(form.ipDst) || isIpv6(form.ipSrc);
  const ip = v6 ? 'ip6' : 'ip4';
  if (form.ipSrc) terms.push(`${ip}.src == ${form.ipSrc}`);
  if (form.ipDst) terms.push(`${ip}.dst == ${form.ipDst}`);
  terms.push('ip.ttl == 64');
  if (form.proto === 'icmp')
    terms.push(v6 ? 'icmp6.type == 128 && icmp6.code == 0' : 'icmp4.type == 8 && icmp4.code == 0');
  else if (form.proto === 'tcp')
    terms.push(`tcp.src == ${form.srcPort} && tcp.dst == ${form.dstPort} && tcp.flags == 0x002`);
  else terms.push(`udp.src == ${form.srcPort} && udp.dst == ${form.dstPort}`);
  return terms.join(' && ');
}
