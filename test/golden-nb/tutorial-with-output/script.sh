# A terminal session pasted with its output, as it appears in blog posts.
[vagrant@central ~]$ sudo ovn-nbctl ls-add sw0
[vagrant@central ~]$ sudo ovn-nbctl lsp-add sw0 sw0-port1
[vagrant@central ~]$ sudo ovn-nbctl lsp-set-addresses sw0-port1 "50:54:00:00:00:01 192.168.0.2"
[vagrant@central ~]$ sudo ovn-nbctl show
switch 0c8c2e6c-0e25-4c1b-a1f8-1c2f0f1d9b0e (sw0)
    port sw0-port1
        addresses: ["50:54:00:00:00:01 192.168.0.2"]
[vagrant@central ~]$ sudo ovn-nbctl create DHCP_Options cidr=192.168.0.0/24 \
>    options="\"lease_time\"=\"3600\" \"router\"=\"192.168.0.1\" \"server_id\"=\"192.168.0.1\" \"server_mac\"=\"c0:ff:ee:00:00:01\""
2ea1d7f2-8a1f-4c63-9b0e-0b8d93a0e4a1
[vagrant@central ~]$ DHCP=$(sudo ovn-nbctl --bare --columns=_uuid find DHCP_Options cidr="192.168.0.0/24")
[vagrant@central ~]$ sudo ovn-nbctl lsp-set-dhcpv4-options sw0-port1 $DHCP
[vagrant@central ~]$ sudo ovn-nbctl lsp-get-dhcpv4-options sw0-port1
2ea1d7f2-8a1f-4c63-9b0e-0b8d93a0e4a1 (192.168.0.0/24)
[vagrant@central ~]$ sudo ovn-nbctl lr-add lr0
[vagrant@central ~]$ sudo ovn-nbctl lrp-add lr0 lr0-sw0 00:00:00:00:ff:01 192.168.0.1/24
[vagrant@central ~]$ sudo ovn-nbctl lsp-add sw0 sw0-lr0 -- set Logical_Switch_Port sw0-lr0 type=router \
>     options:router-port=lr0-sw0 -- lsp-set-addresses sw0-lr0 router
[vagrant@central ~]$ sudo ovn-nbctl lr-nat-add lr0 snat 172.24.4.10 192.168.0.0/24
[vagrant@central ~]$ sudo ovn-nbctl lr-nat-list lr0
TYPE             GATEWAY_PORT          EXTERNAL_IP        EXTERNAL_PORT    LOGICAL_IP          EXTERNAL_MAC         LOGICAL_PORT
snat                                   172.24.4.10                         192.168.0.0/24
[vagrant@hv1 ~]$ sudo ovs-vsctl set open . external-ids:ovn-remote=tcp:10.0.0.10:6642 external-ids:ovn-encap-type=geneve external-ids:ovn-encap-ip=10.0.0.11
[vagrant@hv1 ~]$ sudo ovs-vsctl add-port br-int vm1 -- set Interface vm1 type=internal -- set Interface vm1 external_ids:iface-id=sw0-port1
[vagrant@hv1 ~]$ sudo ip netns exec vm1 dhclient vm1
[vagrant@hv1 ~]$ sudo ip netns exec vm1 ip addr show vm1
5: vm1: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1442 qdisc noqueue state UNKNOWN group default qlen 1000
    inet 192.168.0.2/24 brd 192.168.0.255 scope global dynamic vm1
[vagrant@hv1 ~]$ sudo ip netns exec vm1 ping -c 1 192.168.0.1
PING 192.168.0.1 (192.168.0.1) 56(84) bytes of data.
64 bytes from 192.168.0.1: icmp_seq=1 ttl=254 time=0.5 ms
[vagrant@central ~]$ sudo ovn-nbctl acl-add sw0 to-lport 1000 'outport == "sw0-port1" && ip4.src == 10.0.0.0/8' drop
[vagrant@central ~]$ sudo ovn-nbctl acl-list sw0
  to-lport  1000 (outport == "sw0-port1" && ip4.src == 10.0.0.0/8) drop
