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

const gateway = `# The OVN gateway tutorial: ls1 -- router1 -- join -- gw1 -- outside (localnet).
ovn-sbctl chassis-add hv1 geneve 192.168.0.1
ovn-sbctl chassis-add hv2 geneve 192.168.0.2

ovn-nbctl ls-add ls1
ovn-nbctl set Logical_Switch ls1 other_config:subnet=192.168.100.0/24
ovn-nbctl lsp-add ls1 ls1-vm1
ovn-nbctl lsp-set-addresses ls1-vm1 "02:ac:10:ff:00:11 192.168.100.10"
ovn-nbctl lsp-set-port-security ls1-vm1 "02:ac:10:ff:00:11 192.168.100.10"
ovn-nbctl lsp-add ls1 ls1-vm2
ovn-nbctl lsp-set-addresses ls1-vm2 "02:ac:10:ff:00:22 192.168.100.11"
ovn-nbctl lsp-set-port-security ls1-vm2 "02:ac:10:ff:00:22 192.168.100.11"

ovn-nbctl lr-add router1
ovn-nbctl lrp-add router1 router1-ls1 02:ac:10:ff:00:01 192.168.100.1/24
ovn-nbctl lsp-add ls1 ls1-router1
ovn-nbctl lsp-set-type ls1-router1 router
ovn-nbctl lsp-set-addresses ls1-router1 02:ac:10:ff:00:01
ovn-nbctl lsp-set-options ls1-router1 router-port=router1-ls1

ovn-nbctl lr-add gw1
ovn-nbctl set Logical_Router gw1 options:chassis=hv1

ovn-nbctl ls-add join
ovn-nbctl lrp-add gw1 gw1-join 02:ac:10:ff:ff:01 192.168.255.1/24
ovn-nbctl lsp-add join join-gw1
ovn-nbctl lsp-set-type join-gw1 router
ovn-nbctl lsp-set-addresses join-gw1 02:ac:10:ff:ff:01
ovn-nbctl lsp-set-options join-gw1 router-port=gw1-join
ovn-nbctl lrp-add router1 router1-join 02:ac:10:ff:ff:02 192.168.255.2/24
ovn-nbctl lsp-add join join-router1
ovn-nbctl lsp-set-type join-router1 router
ovn-nbctl lsp-set-addresses join-router1 02:ac:10:ff:ff:02
ovn-nbctl lsp-set-options join-router1 router-port=router1-join

ovn-nbctl lr-route-add gw1 192.168.100.0/24 192.168.255.2
ovn-nbctl lr-route-add router1 0.0.0.0/0 192.168.255.1

ovn-nbctl ls-add outside
ovn-nbctl lrp-add gw1 gw1-outside 02:0a:7f:18:01:02 172.18.1.2/16
ovn-nbctl lsp-add outside outside-gw1
ovn-nbctl lsp-set-type outside-gw1 router
ovn-nbctl lsp-set-addresses outside-gw1 02:0a:7f:18:01:02
ovn-nbctl lsp-set-options outside-gw1 router-port=gw1-outside
ovn-nbctl lsp-add outside outside-localnet
ovn-nbctl lsp-set-addresses outside-localnet unknown
ovn-nbctl lsp-set-type outside-localnet localnet
ovn-nbctl lsp-set-options outside-localnet network_name=phyNet

ovn-nbctl lr-nat-add gw1 snat 172.18.1.2 192.168.100.0/24
ovn-nbctl lb-add lb-web 172.18.1.254:80 192.168.100.10:80,192.168.100.11:80 tcp
ovn-nbctl lr-lb-add gw1 lb-web

ovn-sbctl lsp-bind ls1-vm1 hv1
ovn-sbctl lsp-bind ls1-vm2 hv2
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
  {
    id: 'gateway',
    title: 'Gateway tutorial',
    description: 'Switch, distributed router, join switch, gateway router with SNAT and a load balancer.',
    script: gateway,
    packet: { src: 'ls1-vm1', dst: 'ls1-vm2', proto: 'icmp' },
  },
];

export const defaultScenario: BuiltinScenario = builtinScenarios[0];
