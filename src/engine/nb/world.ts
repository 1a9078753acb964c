// Everything a scenario script declares: the Northbound database plus the physical facts that
// ovn-sbctl / ovs-vsctl lines state (chassis, port bindings, learned MAC bindings).
import type { NbDatabase } from './database.ts';
import type { OvsSwitch } from '../openflow/switch/model.ts';

export interface ChassisFact {
  name: string;
  hostname: string;
  encaps: { type: string; ip: string }[];
}

export interface PortBindingFact {
  logicalPort: string;
  chassis: string;
}

export interface MacBindingFact {
  logicalPort: string;
  ip: string;
  mac: string;
}

export interface PhysicalFacts {
  chassis: ChassisFact[];
  bindings: PortBindingFact[];
  macBindings: MacBindingFact[];
}

export interface World {
  nb: NbDatabase;
  physical: PhysicalFacts;
  /** Open vSwitch on each host the script configured with ovs-vsctl/ovs-ofctl (key: host, "localhost"). */
  ovs?: Map<string, OvsSwitch>;
}
