// What ovs-vswitchd does after each database change (bridge_reconfigure): every new interface gets a
// datapath port (dpif-netdev's choose_port) and an OpenFlow port (ofproto's alloc_ofp_port).
import { OFPP } from '../flow/types.ts';
import {
  TUNNEL_TYPES,
  backerName,
  nextDummyMac,
  backerType,
  tunnelDpifName,
  type Backer,
  type Bridge,
  type Interface,
  type OvsSwitch,
} from './model.ts';

/** Ports ofproto numbers itself use the lower half of the range (alloc_ofp_port). */
const MAX_AUTO_OFPORT = 32768;
const MAX_OFPORT_REQUEST = 0xfeff;

function backerOf(sw: OvsSwitch, br: Bridge): Backer {
  const type = backerType(br.datapathType);
  const name = backerName(type);
  let b = sw.backers.get(name);
  if (!b) {
    // the datapath's own port 0 carries the datapath's name
    b = { type, ports: new Map([[0, `ovs-${type}`]]), byName: new Map([[`ovs-${type}`, 0]]), tnlPushPop: true };
    sw.backers.set(name, b);
  }
  return b;
}

export function bridgeBacker(sw: OvsSwitch, br: Bridge): Backer {
  return backerOf(sw, br);
}

/** dpif-netdev choose_port: the dummy datapath takes the first number in the name (plus 100 for names
 * starting "br") when free, so that tests read well; otherwise, as netdev and the kernel, the lowest free. */
function choosePort(b: Backer, name: string): number {
  if (b.type === 'dummy') {
    const start = name.startsWith('br') ? 100 : 0;
    const m = name.match(/\d+/);
    if (m) {
      const n = start + Number.parseInt(m[0], 10);
      if (n > 0 && n !== 0xffffffff && !b.ports.has(n)) return n;
    }
  }
  let n = 1;
  while (b.ports.has(n)) n++;
  return n;
}

function dpifNameOf(iface: Interface): string | undefined {
  if (iface.type === 'patch') return undefined;
  if (TUNNEL_TYPES.has(iface.type)) return tunnelDpifName(iface);
  return iface.name;
}

function addDpPort(b: Backer, iface: Interface): void {
  const name = dpifNameOf(iface);
  if (name === undefined) return;
  const have = b.byName.get(name);
  if (have !== undefined) {
    iface.dpPort = have;
    return;
  }
  const n = choosePort(b, name);
  b.ports.set(n, name);
  b.byName.set(name, n);
  iface.dpPort = n;
}

/** alloc_ofp_port: the requested number when it is free, else the next free number after the last
 * one handed out (round robin, skipping numbers of recently deleted ports when it can). */
function allocOfport(br: Bridge, iface: Interface): number {
  const req = iface.ofportRequest;
  if (req !== undefined && req >= 1 && req <= MAX_OFPORT_REQUEST && !br.byOfport.has(req)) return req;
  const end = br.allocPortNo;
  let lru = 0;
  for (;;) {
    if (++br.allocPortNo >= MAX_AUTO_OFPORT) br.allocPortNo = 1;
    const n = br.allocPortNo;
    if (!br.byOfport.has(n)) {
      if (!br.recentlyUsed.has(n)) return n;
      if (!lru) lru = n;
    }
    if (n === end) return lru || OFPP.NONE;
  }
}

/** Brings the switch's ports in line with the configuration, as one reconfiguration pass. */
export function reconfigure(sw: OvsSwitch): void {
  // an interface whose ofport_request is taken waits, retried on every pass (bridge.c keeps trying);
  // each failed try uses up an automatic number, which OVS then avoids handing out again soon
  const waiting = sw.waiting.splice(0);
  for (const { bridge: br, iface } of [...waiting, ...sw.pending.splice(0)]) {
    if (iface.ofport !== undefined || sw.bridges.get(br.name) !== br) continue;
    if (!allInterfacesHas(br, iface)) continue;
    const b = backerOf(sw, br);
    const req = iface.ofportRequest;
    if (req !== undefined && br.byOfport.has(req) && br.byOfport.get(req) !== iface) {
      const burnt = allocOfport({ ...br, byOfport: br.byOfport }, { ...iface, ofportRequest: undefined });
      br.recentlyUsed.add(burnt);
      if (b.type === 'dummy' && iface.type === 'dummy') nextDummyMac(sw);
      sw.waiting.push({ bridge: br, iface });
      continue;
    }
    if (iface.name === br.name && iface.type === 'internal') {
      iface.ofport = OFPP.LOCAL;
    } else {
      const n = allocOfport(br, iface);
      if (n === OFPP.NONE) continue;
      iface.ofport = n;
      br.recentlyUsed.delete(n);
    }
    br.byOfport.set(iface.ofport, iface);
    addDpPort(b, iface);
    // netdev-dummy numbers every device it opens, the bridge's own port included
    if (b.type === 'dummy' && (iface.type === 'dummy' || iface.type === 'internal')) {
      const mac = nextDummyMac(sw);
      iface.mac = iface.ofport === OFPP.LOCAL ? br.mac : mac;
    }
  }
}

function allInterfacesHas(br: Bridge, iface: Interface): boolean {
  if (br.ports.get(iface.name)?.interfaces.includes(iface)) return true;
  for (const p of br.ports.values()) if (p.interfaces.includes(iface)) return true;
  return false;
}

/** Removes an interface from ofproto and the datapath (a shared tunnel vport stays while used). */
export function removeInterface(sw: OvsSwitch, br: Bridge, iface: Interface): void {
  const b = backerOf(sw, br);
  if (iface.ofport !== undefined) {
    br.byOfport.delete(iface.ofport);
    if (iface.ofport !== OFPP.LOCAL) br.recentlyUsed.add(iface.ofport);
  }
  const name = dpifNameOf(iface);
  if (name !== undefined && iface.dpPort !== undefined) {
    const stillUsed = [...sw.bridges.values()].some(
      (other) =>
        other.datapathType === br.datapathType &&
        [...other.ports.values()].some((p) =>
          p.interfaces.some((i) => i !== iface && i.dpPort === iface.dpPort && dpifNameOf(i) === name),
        ),
    );
    if (!stillUsed) {
      b.ports.delete(iface.dpPort);
      b.byName.delete(name);
    }
  }
  iface.ofport = undefined;
  iface.dpPort = undefined;
}
