// A logical port as the packet form sees it: where it is, the addresses it owns and may send from.

export interface PortInfo {
  name: string;
  datapath: string;
  type: string;
  macs: string[];
  ips: string[];
  unknown: boolean;
  portSecurity: string[];
  chassis?: string;
}
