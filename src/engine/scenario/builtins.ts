// Built-in scenarios the app opens on: small ovn-nbctl scripts, each with the packet worth tracing first.
export interface BuiltinScenario {
  id: string;
  title: string;
  description: string;
  script: string;
  /** The packet form as the scenario suggests it (see ui/packet). */
  packet: Record<string, string>;
}

const twoVms = `# Two VMs on one logical switch, both with port security.
# A VM may only send from the MAC and IP its port allows.
ovn-sbctl chassis-add hv1 geneve 192.168.0.1
ovn-sbctl chassis-add hv2 geneve 192.168.0.2

ovn-nbctl ls-add ls1
ovn-nbctl lsp-add ls1 ls1-vm1
ovn-nbctl lsp-set-addresses ls1-vm1 "02:ac:10:ff:00:11 192.168.100.10"
ovn-nbctl lsp-set-port-security ls1-vm1 "02:ac:10:ff:00:11 192.168.100.10"
ovn-nbctl lsp-add ls1 ls1-vm2
ovn-nbctl lsp-set-addresses ls1-vm2 "02:ac:10:ff:00:22 192.168.100.11"
ovn-nbctl lsp-set-port-security ls1-vm2 "02:ac:10:ff:00:22 192.168.100.11"

ovn-sbctl lsp-bind ls1-vm1 hv1
ovn-sbctl lsp-bind ls1-vm2 hv2
`;

const unknownPort = `# A switch with an "unknown" port: frames for MACs the switch does not know go there.
ovn-sbctl chassis-add hv1 geneve 192.168.0.1

ovn-nbctl ls-add sw0
ovn-nbctl lsp-add sw0 sw0-vm1
ovn-nbctl lsp-set-addresses sw0-vm1 "50:54:00:00:00:01 10.0.0.11"
ovn-nbctl lsp-set-port-security sw0-vm1 "50:54:00:00:00:01 10.0.0.11"
ovn-nbctl lsp-add sw0 sw0-vm2
ovn-nbctl lsp-set-addresses sw0-vm2 "50:54:00:00:00:02 10.0.0.12"
ovn-nbctl lsp-add sw0 sw0-gw
ovn-nbctl lsp-set-addresses sw0-gw unknown

ovn-sbctl lsp-bind sw0-vm1 hv1
ovn-sbctl lsp-bind sw0-vm2 hv1
ovn-sbctl lsp-bind sw0-gw hv1
`;

const arpFlood = `# ARP requests are broadcast: the switch floods them to every other port
# unless it can answer itself (it answers for the addresses of ports that are up).
ovn-sbctl chassis-add hv1 geneve 192.168.0.1
ovn-sbctl chassis-add hv2 geneve 192.168.0.2

ovn-nbctl ls-add net1
ovn-nbctl lsp-add net1 net1-vm1
ovn-nbctl lsp-set-addresses net1-vm1 "0a:00:00:00:00:01 172.16.0.1"
ovn-nbctl lsp-add net1 net1-vm2
ovn-nbctl lsp-set-addresses net1-vm2 "0a:00:00:00:00:02 172.16.0.2"
ovn-nbctl lsp-add net1 net1-vm3
ovn-nbctl lsp-set-addresses net1-vm3 "0a:00:00:00:00:03 172.16.0.3"
ovn-nbctl lsp-add net1 net1-vm4

ovn-sbctl lsp-bind net1-vm1 hv1
ovn-sbctl lsp-bind net1-vm2 hv1
ovn-sbctl lsp-bind net1-vm3 hv2
`;

export const builtinScenarios: readonly BuiltinScenario[] = [
  {
    id: 'two-vms',
    title: 'Two VMs, port security',
    description: 'vm1 pings vm2 across logical switch ls1; both ports have port security.',
    script: twoVms,
    packet: { src: 'ls1-vm1', dst: 'ls1-vm2', proto: 'icmp' },
  },
  {
    id: 'unknown-port',
    title: 'An "unknown" port',
    description: 'Frames to MACs the switch does not know go to the port with address "unknown".',
    script: unknownPort,
    packet: { src: 'sw0-vm1', dst: '10.0.0.99', proto: 'icmp' },
  },
  {
    id: 'arp-flood',
    title: 'ARP flood',
    description: 'An ARP request for an address nobody owns floods to every other port of net1.',
    script: arpFlood,
    packet: { src: 'net1-vm1', dst: '172.16.0.99', proto: 'arp' },
  },
];

export const defaultScenario: BuiltinScenario = builtinScenarios[0];
