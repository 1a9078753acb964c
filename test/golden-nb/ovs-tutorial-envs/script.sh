# OVN-Tutorial (ovs-sandbox) environments: a simple switch, ACLs, a container port with a tag,
# a localnet port, and the setup scripts' ovs-vsctl lines.
$ ovn-nbctl ls-add sw0

$ ovn-nbctl lsp-add sw0 sw0-port1
$ ovn-nbctl lsp-set-addresses sw0-port1 00:00:00:00:00:01
$ ovn-nbctl lsp-set-port-security sw0-port1 00:00:00:00:00:01

$ ovn-nbctl lsp-add sw0 sw0-port2
$ ovn-nbctl lsp-set-addresses sw0-port2 00:00:00:00:00:02
$ ovn-nbctl lsp-set-port-security sw0-port2 00:00:00:00:00:02

$ ovs-vsctl add-port br-int lport1 -- set Interface lport1 external_ids:iface-id=sw0-port1
$ ovs-vsctl add-port br-int lport2 -- set Interface lport2 external_ids:iface-id=sw0-port2

$ ovn-nbctl show
    switch 9c6e7a5c-4cc7-4a5e-9b2c-6fd6d0f8c0b4 (sw0)
        port sw0-port2
            addresses: ["00:00:00:00:00:02"]
        port sw0-port1
            addresses: ["00:00:00:00:00:01"]

$ ovn-nbctl acl-add sw0 from-lport 1002 'inport == "sw0-port1" && ip4' allow-related
$ ovn-nbctl acl-add sw0 to-lport 1002 'outport == "sw0-port1" && ip4 && icmp4' allow-related
$ ovn-nbctl acl-add sw0 to-lport 1002 'outport == "sw0-port1" && ip4 && tcp && tcp.dst == 22' allow-related
$ ovn-nbctl acl-add sw0 to-lport 1001 'outport == "sw0-port1" && ip4' drop
$ ovn-nbctl acl-list sw0
from-lport  1002 (inport == "sw0-port1" && ip4) allow-related
  to-lport  1002 (outport == "sw0-port1" && ip4 && icmp4) allow-related
  to-lport  1002 (outport == "sw0-port1" && ip4 && tcp && tcp.dst == 22) allow-related
  to-lport  1001 (outport == "sw0-port1" && ip4) drop

$ ovn-nbctl lsp-add sw0 csw0-cport1 sw0-port1 42
$ ovn-nbctl lsp-set-addresses csw0-cport1 00:00:00:00:00:03
$ ovn-nbctl lsp-set-port-security csw0-cport1 00:00:00:00:00:03
$ ovn-nbctl lsp-add sw0 csw0-cport2 sw0-port2 43
$ ovn-nbctl lsp-set-addresses csw0-cport2 00:00:00:00:00:04

$ ovn-nbctl ls-add sw1
$ ovn-nbctl lsp-add sw1 sw1-port1
$ ovn-nbctl lsp-set-addresses sw1-port1 00:00:00:00:00:05
$ ovn-nbctl lsp-add sw1 provnet1-physnet1
$ ovn-nbctl lsp-set-addresses provnet1-physnet1 unknown
$ ovn-nbctl lsp-set-type provnet1-physnet1 localnet
$ ovn-nbctl lsp-set-options provnet1-physnet1 network_name=physnet1
$ ovn-nbctl lsp-add sw1 provnet1-physnet1-101 provnet1-physnet1 101
$ ovs-vsctl set open . external-ids:ovn-bridge-mappings=physnet1:br-eth1
$ ovn-nbctl lsp-set-enabled sw0-port2 disabled
$ ovn-nbctl acl-del sw0 to-lport 1001 'outport == "sw0-port1" && ip4'
