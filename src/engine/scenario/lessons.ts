// Lessons: a scenario and guided steps that make the learner predict, then see. Each step names the
// packet to trace; the answer is what real ovn-trace 23.03 does with it (the lesson scenarios are
// golden scenarios too: test/golden-trace/lesson-*, checked by test/lessons-golden.test.ts).
import { builtinScenarios } from './builtins.ts';

export interface LessonStep {
  /** The question asked before the trace. */
  question: string;
  choices: string[];
  /** The right choice. */
  answer: string;
  /** The script for this step, when it differs from the lesson's. */
  script?: string;
  /** The packet form (as a link carries it). */
  packet: Record<string, string>;
  /** What the trace shows, said after it. */
  explanation: string;
  /** Where the traced packet must leave (ports), or [] for a packet that is dropped. */
  outputs: string[];
}

export interface Lesson {
  id: string;
  title: string;
  summary: string;
  script: string;
  steps: LessonStep[];
}

const gatewayScript = builtinScenarios.find((s) => s.id === 'gateway')?.script ?? '';

/** The same two switches and router; only the switch the load balancer is attached to differs. */
const lbLessonScript = (
  side: 'clients' | 'servers',
): string => `# Lesson: a load balancer on the ${side}' switch. client1 on "clients" reaches the web servers on
# "servers" through router lr0; the VIP 10.0.0.100 is in no subnet of lr0.
ovn-sbctl chassis-add hv1 geneve 172.16.0.1
ovn-nbctl ls-add clients
ovn-nbctl lsp-add clients client1
ovn-nbctl lsp-set-addresses client1 "50:54:00:00:0c:01 10.0.1.11"
ovn-nbctl ls-add servers
ovn-nbctl lsp-add servers web1
ovn-nbctl lsp-set-addresses web1 "50:54:00:00:0e:01 10.0.2.11"
ovn-nbctl lsp-add servers web2
ovn-nbctl lsp-set-addresses web2 "50:54:00:00:0e:02 10.0.2.12"
ovn-nbctl lr-add lr0
ovn-nbctl lrp-add lr0 lr0-clients 00:00:00:00:0c:fe 10.0.1.1/24
ovn-nbctl lsp-add clients clients-lr0
ovn-nbctl lsp-set-type clients-lr0 router
ovn-nbctl lsp-set-addresses clients-lr0 router
ovn-nbctl lsp-set-options clients-lr0 router-port=lr0-clients
ovn-nbctl lrp-add lr0 lr0-servers 00:00:00:00:0e:fe 10.0.2.1/24
ovn-nbctl lsp-add servers servers-lr0
ovn-nbctl lsp-set-type servers-lr0 router
ovn-nbctl lsp-set-addresses servers-lr0 router
ovn-nbctl lsp-set-options servers-lr0 router-port=lr0-servers
ovn-nbctl lb-add web 10.0.0.100:80 10.0.2.11:80,10.0.2.12:80 tcp
ovn-nbctl ls-lb-add ${side} web
ovn-sbctl lsp-bind client1 hv1
ovn-sbctl lsp-bind web1 hv1
ovn-sbctl lsp-bind web2 hv1
`;

export const lbOnClientsScript = lbLessonScript('clients');
export const lbOnServersScript = lbLessonScript('servers');

export const lessons: readonly Lesson[] = [
  {
    id: 'gateway',
    title: 'The OVN gateway tutorial',
    summary:
      'A VM behind a distributed router (router1), a join switch and a gateway router (gw1) with SNAT and a load balancer, out to a physical network.',
    script: gatewayScript,
    steps: [
      {
        question:
          'vm1 (192.168.100.10) pings 172.18.1.10, a host on the outside network. Which port does OVN hand a packet to?',
        choices: ['outside-localnet', 'ls1-vm2', 'none: router1 drops it'],
        answer: 'outside-localnet',
        packet: { src: 'ls1-vm1', dst: '172.18.1.10', proto: 'icmp' },
        explanation:
          'The packet crosses ls1, router1, join and gw1; each router lowers the TTL and rewrites eth.src (lr_in_ip_routing). gw1 has no MAC binding for 172.18.1.10, so what leaves by outside-localnet is gw1’s ARP request (arp{} in lr_in_arp_request), not the ping.',
        outputs: ['outside-localnet'],
      },
      {
        question:
          'vm2 opens a TCP connection to the load balancer VIP 172.18.1.254:80 on gw1. Traced as ovn-trace traces by default (no --ct), does it reach a backend?',
        choices: ['yes, one of the two backends', 'no'],
        answer: 'no',
        packet: { src: 'ls1-vm2', dst: '172.18.1.254', proto: 'tcp' },
        explanation:
          'Without --ct, ovn-trace takes every connection as established (ct_state est|trk). gw1’s lr_in_dnat balances only ct.new packets, so this one is routed towards 172.18.1.254 as a plain address. The hint over the canvas offers the trace as a new connection.',
        outputs: ['outside-localnet'],
      },
      {
        question:
          'The same packet as the start of a connection (--ct=new), with ovn-trace told to pick 192.168.100.10 (--lb-dst). Where does it arrive?',
        choices: ['ls1-vm1', 'ls1-vm2', 'outside-localnet'],
        answer: 'ls1-vm1',
        packet: { src: 'ls1-vm2', dst: '172.18.1.254', proto: 'tcp', ct: 'new', lbDst: '192.168.100.10:80' },
        explanation:
          'ct_lb_mark in gw1’s lr_in_dnat rewrites ip4.dst to the backend (watch the IPv4 layer change), and gw1 routes it back through join and router1 to ls1-vm1.',
        outputs: ['ls1-vm1'],
      },
    ],
  },
  {
    id: 'lb-side',
    title: 'A load balancer on the clients’ switch or on the servers’ switch',
    summary:
      'client1 on "clients" reaches web1 and web2 on "servers" through router lr0. The VIP 10.0.0.100 is in no subnet of lr0. Where must the load balancer be attached?',
    script: lbOnClientsScript,
    steps: [
      {
        question:
          'The load balancer is on the clients’ switch. client1 opens a connection to 10.0.0.100:80 (--ct=new, backend 10.0.2.12 chosen). Where does it arrive?',
        choices: ['web2', 'dropped by lr0'],
        answer: 'web2',
        packet: { src: 'client1', dst: '10.0.0.100', proto: 'tcp', ct: 'new', lbDst: '10.0.2.12:80' },
        explanation:
          'The clients’ switch balances in its own ingress pipeline (ls_in_pre_lb, ls_in_lb): the destination is already 10.0.2.12 when the packet reaches lr0, which routes it to the servers’ switch.',
        outputs: ['web2'],
      },
      {
        question: 'Now the load balancer is on the servers’ switch instead. The same packet?',
        choices: ['web2', 'dropped by lr0'],
        answer: 'dropped by lr0',
        script: lbOnServersScript,
        packet: { src: 'client1', dst: '10.0.0.100', proto: 'tcp', ct: 'new', lbDst: '10.0.2.12:80' },
        explanation:
          'A switch balances only what enters its pipelines. The packet is still for 10.0.0.100 when it reaches lr0, which has no route for it: it never gets to the switch that holds the load balancer. Attach it to the clients’ switch, or to the router.',
        outputs: [],
      },
      {
        question:
          'client1 pings web1, on the other switch, by its port name. Which Ethernet destination must the packet carry?',
        choices: ['web1’s MAC, 50:54:00:00:0e:01', 'lr0’s MAC on clients, 00:00:00:00:0c:fe'],
        answer: 'lr0’s MAC on clients, 00:00:00:00:0c:fe',
        packet: { src: 'client1', dst: 'web1', proto: 'icmp' },
        explanation:
          'A host sends a packet for another subnet to its first-hop router: eth.dst is lr0’s port on clients. lr0 rewrites eth.src and eth.dst (lr_in_ip_routing, lr_in_arp_resolve) before the servers’ switch delivers it to web1.',
        outputs: ['web1'],
      },
    ],
  },
];
