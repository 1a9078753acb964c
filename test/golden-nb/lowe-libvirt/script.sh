# Scott Lowe-style walkthrough: OVS/OVN host setup (skipped), a logical switch, libvirt VMs bound
# by iface-id, then inspecting with generic database commands.
ubuntu@ovn-central:~$ sudo ovn-nbctl set-connection ptcp:6641
ubuntu@ovn-central:~$ sudo ovn-sbctl set-connection ptcp:6642
ubuntu@ovn-host1:~$ sudo ovs-vsctl set open_vswitch . external_ids:ovn-remote=tcp:192.168.100.10:6642 external_ids:ovn-encap-ip=192.168.100.11 external_ids:ovn-encap-type=geneve external_ids:system-id=ovn-host1
ubuntu@ovn-host2:~$ sudo ovs-vsctl set open_vswitch . external_ids:ovn-remote=tcp:192.168.100.10:6642 external_ids:ovn-encap-ip=192.168.100.12 external_ids:ovn-encap-type=geneve external_ids:system-id=ovn-host2
ubuntu@ovn-central:~$ sudo ovn-nbctl ls-add ls0
ubuntu@ovn-central:~$ sudo ovn-nbctl lsp-add ls0 ls0-vm1
ubuntu@ovn-central:~$ sudo ovn-nbctl lsp-set-addresses ls0-vm1 "52:54:00:a1:b2:c1 10.10.10.11"
ubuntu@ovn-central:~$ sudo ovn-nbctl lsp-add ls0 ls0-vm2
ubuntu@ovn-central:~$ sudo ovn-nbctl lsp-set-addresses ls0-vm2 "52:54:00:a1:b2:c2 10.10.10.12"
ubuntu@ovn-central:~$ sudo ovn-nbctl lsp-set-port-security ls0-vm2 "52:54:00:a1:b2:c2 10.10.10.12"
ubuntu@ovn-host1:~$ sudo virsh start vm1
Domain vm1 started

ubuntu@ovn-host1:~$ sudo ovs-vsctl set interface vnet0 external_ids:iface-id=ls0-vm1
ubuntu@ovn-host2:~$ sudo ovs-vsctl set interface vnet0 external_ids:iface-id=ls0-vm2
ubuntu@ovn-central:~$ sudo ovn-nbctl set logical_switch ls0 other_config:subnet=10.10.10.0/24 external_ids:owner=scott
ubuntu@ovn-central:~$ sudo ovn-nbctl set logical_switch_port ls0-vm1 options:requested-chassis=ovn-host1
ubuntu@ovn-central:~$ sudo ovn-nbctl add logical_switch ls0 other_config mcast_snoop=true
ubuntu@ovn-central:~$ sudo ovn-nbctl remove logical_switch ls0 external_ids owner
ubuntu@ovn-central:~$ sudo ovn-nbctl set logical_switch_port ls0-vm2 'external_ids:"neutron:port_name"="vm2 port"'
ubuntu@ovn-central:~$ sudo ovn-nbctl lsp-set-type ls0-vm2 ""
ubuntu@ovn-central:~$ sudo ovn-nbctl ls-add ls1 -- lsp-add ls1 ls1-vm3 -- lsp-set-addresses ls1-vm3 "52:54:00:a1:b2:c3 10.10.20.13 fd00::13"
ubuntu@ovn-central:~$ sudo ovn-nbctl ls-del ls1
ubuntu@ovn-central:~$ sudo ovn-nbctl --if-exists ls-del ls1
ubuntu@ovn-central:~$ sudo ovn-nbctl show
switch 7d0c2d6e-9f3a-4b8e-a1c2-0e9f8d7c6b5a (ls0)
    port ls0-vm1
        addresses: ["52:54:00:a1:b2:c1 10.10.10.11"]
    port ls0-vm2
        addresses: ["52:54:00:a1:b2:c2 10.10.10.12"]
