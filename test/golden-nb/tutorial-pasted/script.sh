[root@node1 ~]# ovn-nbctl ls-add inside
[root@node1 ~]# ovn-nbctl ls-add outside
[root@node1 ~]# ovn-nbctl lr-add R1
[root@node1 ~]# ovn-nbctl lrp-add R1 R1-inside 02:ac:10:ff:01:29 172.16.255.129/26
[root@node1 ~]# ovn-nbctl lrp-add R1 R1-outside 02:0a:7f:00:01:29 10.127.0.129/25
[root@node1 ~]# ovn-nbctl lsp-add inside inside-R1
[root@node1 ~]# ovn-nbctl lsp-set-type inside-R1 router
[root@node1 ~]# ovn-nbctl lsp-set-addresses inside-R1 02:ac:10:ff:01:29
[root@node1 ~]# ovn-nbctl lsp-set-options inside-R1 router-port=R1-inside
[root@node1 ~]# ovn-nbctl lsp-add outside outside-R1 -- lsp-set-type outside-R1 router \
    -- lsp-set-addresses outside-R1 router -- lsp-set-options outside-R1 router-port=R1-outside
[root@node1 ~]# ovn-nbctl lsp-add inside inside-vm1
[root@node1 ~]# ovn-nbctl lsp-set-addresses inside-vm1 "02:ac:10:ff:01:30 172.16.255.130"
[root@node1 ~]# ovn-nbctl lsp-set-port-security inside-vm1 "02:ac:10:ff:01:30 172.16.255.130"
[root@node1 ~]# ovn-nbctl lsp-add inside inside-vm2
[root@node1 ~]# ovn-nbctl lsp-set-addresses inside-vm2 "02:ac:10:ff:01:31 172.16.255.131"
[root@node1 ~]# uuid=`ovn-nbctl create DHCP_Options cidr=172.16.255.128/26 \
  options="\"lease_time\"=\"3600\" \"router\"=\"172.16.255.129\" \"server_id\"=\"172.16.255.129\" \"server_mac\"=\"02:ac:10:ff:01:29\""`
[root@node1 ~]# echo $uuid
[root@node1 ~]# ovn-nbctl lsp-set-dhcpv4-options inside-vm1 $uuid
[root@node1 ~]# ovn-nbctl lsp-set-dhcpv4-options inside-vm2 ${uuid}
[root@node1 ~]# ovn-nbctl lsp-add outside outside-localnet
[root@node1 ~]# ovn-nbctl lsp-set-addresses outside-localnet unknown
[root@node1 ~]# ovn-nbctl lsp-set-type outside-localnet localnet
[root@node1 ~]# ovn-nbctl lsp-set-options outside-localnet network_name=phys
[root@node1 ~]# ovn-nbctl lrp-set-gateway-chassis R1-outside node2 20
[root@node1 ~]# ovn-nbctl -- --id=@nat create nat type="snat" logical_ip=172.16.255.128/26 \
    external_ip=10.127.0.129 -- add logical_router R1 nat @nat
[root@node1 ~]# ovn-nbctl lr-route-add R1 0.0.0.0/0 10.127.0.1
[root@node1 ~]# ip netns add vm1
[root@node1 ~]# ovs-vsctl add-port br-int vm1 -- set interface vm1 type=internal
[root@node1 ~]# ip link set vm1 netns vm1
[root@node1 ~]# ip netns exec vm1 ip link set vm1 address 02:ac:10:ff:01:30
[root@node1 ~]# ovs-vsctl set Interface vm1 external_ids:iface-id=inside-vm1
node2$ sudo ovs-vsctl set open_vswitch . external_ids:system-id=node2 external_ids:ovn-encap-ip=10.0.0.2 external_ids:ovn-encap-type=geneve
node2$ sudo ovs-vsctl set Interface vm2 external_ids:iface-id=inside-vm2
$ ping -c 1 172.16.255.131
[root@node1 ~]# ovn-nbctl show
