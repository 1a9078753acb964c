// The topology a scenario declares, as plain graph data for the canvas: logical switches and routers,
// their ports, the VMs behind VIF ports, localnet networks and the chassis the VMs are bound to.
// Read straight from the Northbound database and the physical facts; no networking is computed here.
import type { PortInfo } from '../packet/port-info.ts';
import type { NbRow } from '../nb/database.ts';
import type { World } from '../nb/world.ts';

export type TopologyNodeKind = 'switch' | 'router' | 'switch-port' | 'router-port' | 'vm' | 'network' | 'chassis';
export type TopologyEdgeKind = 'attach' | 'vif' | 'patch' | 'localnet' | 'binding';

export interface TopologyNode {
  id: string;
  kind: TopologyNodeKind;
  /** The OVN name (port, switch, router, chassis, network_name). */
  name: string;
  /** Extra lines drawn under the name (addresses, networks). */
  caption: string[];
  /** The datapath a port belongs to. */
  datapath?: string;
}

export interface TopologyEdge {
  id: string;
  kind: TopologyEdgeKind;
  source: string;
  target: string;
}

export interface TopologyGraph {
  nodes: TopologyNode[];
  edges: TopologyEdge[];
}

/** What the packet form needs to know of a logical switch port. */
export type { PortInfo };

export const nodeId = {
  switch: (name: string) => `ls:${name}`,
  router: (name: string) => `lr:${name}`,
  switchPort: (name: string) => `lsp:${name}`,
  routerPort: (name: string) => `lrp:${name}`,
  vm: (port: string) => `vm:${port}`,
  network: (name: string) => `net:${name}`,
  chassis: (name: string) => `ch:${name}`,
};

const MAC = /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/i;

/** Splits an addresses / port_security / networks entry into MACs and IPs (prefix lengths dropped). */
export function splitAddresses(entries: readonly string[]): { macs: string[]; ips: string[] } {
  const macs: string[] = [];
  const ips: string[] = [];
  for (const entry of entries) {
    for (const word of entry.split(/\s+/)) {
      if (MAC.test(word)) macs.push(word.toLowerCase());
      else if (/^[0-9.]+(\/\d+)?$/.test(word) || (word.includes(':') && /^[0-9a-f:.]+(\/\d+)?$/i.test(word)))
        ips.push(word.split('/')[0]);
    }
  }
  return { macs, ips };
}

/** The name a VM gets: its port name without the switch-name prefix tutorials use ("ls1-vm1" → "vm1"). */
export function vmName(port: string, datapath: string): string {
  return port.startsWith(datapath + '-') && port.length > datapath.length + 1 ? port.slice(datapath.length + 1) : port;
}

export function buildTopology(world: World): { graph: TopologyGraph; ports: PortInfo[] } {
  const nb = world.nb.tables;
  const nodes: TopologyNode[] = [];
  const edges: TopologyEdge[] = [];
  const ports: PortInfo[] = [];
  const chassisOf = new Map(world.physical.bindings.map((b) => [b.logicalPort, b.chassis]));
  const routerPortByName = new Map<string, NbRow<'Logical_Router_Port'>>();
  for (const lrp of nb.Logical_Router_Port.values()) routerPortByName.set(lrp.name, lrp);
  const networks = new Set<string>();
  const usedChassis = new Set<string>();
  const edge = (kind: TopologyEdgeKind, source: string, target: string) =>
    edges.push({ id: `${kind}:${source}->${target}`, kind, source, target });

  for (const lr of nb.Logical_Router.values()) {
    nodes.push({ id: nodeId.router(lr.name), kind: 'router', name: lr.name, caption: [] });
    for (const uuid of lr.ports) {
      const lrp = nb.Logical_Router_Port.get(uuid);
      if (!lrp) continue;
      nodes.push({
        id: nodeId.routerPort(lrp.name),
        kind: 'router-port',
        name: lrp.name,
        caption: [...lrp.networks],
        datapath: lr.name,
      });
      edge('attach', nodeId.router(lr.name), nodeId.routerPort(lrp.name));
      if (lrp.peer && routerPortByName.has(lrp.peer) && lrp.name < lrp.peer)
        edge('patch', nodeId.routerPort(lrp.name), nodeId.routerPort(lrp.peer));
    }
  }

  for (const ls of nb.Logical_Switch.values()) {
    nodes.push({ id: nodeId.switch(ls.name), kind: 'switch', name: ls.name, caption: [] });
    for (const uuid of ls.ports) {
      const lsp = nb.Logical_Switch_Port.get(uuid);
      if (!lsp) continue;
      const info = portInfo(lsp, ls.name, chassisOf.get(lsp.name), routerPortByName);
      ports.push(info);
      const portId = nodeId.switchPort(lsp.name);
      nodes.push({ id: portId, kind: 'switch-port', name: lsp.name, caption: portCaption(lsp), datapath: ls.name });
      edge('attach', nodeId.switch(ls.name), portId);
      if (lsp.type === 'router') {
        const peer = lsp.options['router-port'];
        if (peer && routerPortByName.has(peer)) edge('patch', portId, nodeId.routerPort(peer));
      } else if (lsp.type === 'localnet') {
        const network = lsp.options.network_name ?? lsp.name;
        if (!networks.has(network)) {
          networks.add(network);
          nodes.push({ id: nodeId.network(network), kind: 'network', name: network, caption: ['physical network'] });
        }
        edge('localnet', portId, nodeId.network(network));
      } else if (lsp.type === '' || lsp.type === 'virtual' || lsp.type === 'external') {
        const caption = [...info.ips, ...info.macs];
        if (info.unknown) caption.push('unknown');
        nodes.push({
          id: nodeId.vm(lsp.name),
          kind: 'vm',
          name: vmName(lsp.name, ls.name),
          caption,
          datapath: ls.name,
        });
        edge('vif', portId, nodeId.vm(lsp.name));
        if (info.chassis) {
          usedChassis.add(info.chassis);
          edge('binding', nodeId.vm(lsp.name), nodeId.chassis(info.chassis));
        }
      }
    }
  }

  for (const chassis of world.physical.chassis) {
    if (!usedChassis.has(chassis.name)) continue;
    const encaps = chassis.encaps.map((e) => `${e.type} ${e.ip}`);
    nodes.push({ id: nodeId.chassis(chassis.name), kind: 'chassis', name: chassis.name, caption: encaps });
  }
  for (const name of usedChassis) {
    if (!world.physical.chassis.some((c) => c.name === name))
      nodes.push({ id: nodeId.chassis(name), kind: 'chassis', name, caption: [] });
  }
  return { graph: { nodes, edges }, ports };
}

function portInfo(
  lsp: NbRow<'Logical_Switch_Port'>,
  datapath: string,
  chassis: string | undefined,
  routerPortByName: Map<string, NbRow<'Logical_Router_Port'>>,
): PortInfo {
  const entries: string[] = [];
  for (const address of lsp.addresses) {
    if (address === 'router') {
      const lrp = routerPortByName.get(lsp.options['router-port'] ?? '');
      if (lrp) entries.push([lrp.mac, ...lrp.networks].join(' '));
    } else if (address === 'dynamic') {
      if (lsp.dynamic_addresses) entries.push(lsp.dynamic_addresses);
    } else if (address !== 'unknown') {
      entries.push(address);
    }
  }
  const { macs, ips } = splitAddresses(entries);
  const info: PortInfo = {
    name: lsp.name,
    datapath,
    type: lsp.type,
    macs,
    ips,
    unknown: lsp.addresses.includes('unknown'),
    portSecurity: [...lsp.port_security],
  };
  if (chassis) info.chassis = chassis;
  return info;
}

function portCaption(lsp: NbRow<'Logical_Switch_Port'>): string[] {
  const caption: string[] = [];
  // A router-type port is drawn as the end of a router link, which says enough.
  if (lsp.type && lsp.type !== 'router') caption.push(`type ${lsp.type}`);
  if (lsp.port_security.length > 0) caption.push('port security');
  return caption;
}
