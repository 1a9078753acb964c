# Classic OVN tutorial idioms: create with maps, --id=@gc create Gateway_Chassis -- set,
# load balancers by generic create, gateway routers by options:chassis.
$ ovn-nbctl ls-add ls1
$ ovn-nbctl lsp-add ls1 ls1-vm1
$ ovn-nbctl lsp-set-addresses ls1-vm1 02:ac:10:ff:00:11
$ ovn-nbctl lsp-set-port-security ls1-vm1 02:ac:10:ff:00:11
$ ovn-nbctl lsp-add ls1 ls1-vm2
$ ovn-nbctl lsp-set-addresses ls1-vm2 "02:ac:10:ff:00:22 172.16.255.12"
$ ovn-nbctl create Logical_Router name=edge1 options:chassis=node2
$ ovn-nbctl lr-add tenant1
$ ovn-nbctl lrp-add tenant1 tenant1-dmz 02:ac:10:ff:01:29 172.16.255.129/26
$ ovn-nbctl lrp-add edge1 edge1-tenant1 02:ac:10:ff:00:01 172.16.255.1/30 peer=tenant1-edge1
$ ovn-nbctl lrp-add tenant1 tenant1-edge1 02:ac:10:ff:00:02 172.16.255.2/30 peer=edge1-tenant1
$ ovn-nbctl --id=@gc0 create Gateway_Chassis name=edge1-gc0 chassis_name=node1 priority=20 \
    -- --id=@gc1 create Gateway_Chassis name=edge1-gc1 chassis_name=node2 priority=10 \
    -- set Logical_Router_Port tenant1-dmz 'gateway_chassis=[@gc0,@gc1]'
$ ovn-nbctl lr-route-add edge1 "172.16.255.128/25" 172.16.255.2
$ ovn-nbctl lr-route-add tenant1 "0.0.0.0/0" 172.16.255.1
$ uuid=`ovn-nbctl create load_balancer vips:10.127.0.254="172.16.255.130,172.16.255.131"`
$ echo $uuid
$ ovn-nbctl set logical_router edge1 load_balancer=$uuid
$ ovn-nbctl set load_balancer $uuid 'vips:"10.127.0.254:80"="172.16.255.130:8080"' protocol=tcp
$ ovn-nbctl set logical_switch ls1 load_balancer=$uuid
$ ovn-nbctl -- --id=@nat create nat type="dnat_and_snat" logical_ip=172.16.255.130 \
    external_ip=10.127.0.110 -- add logical_router edge1 nat @nat
$ ovn-nbctl set Logical_Switch_Port ls1-vm2 options:requested-chassis=node2 'external_ids:"neutron:port_name"=vm-two'
$ ovn-nbctl set Logical_Switch ls1 'external_ids={"neutron:network_name"=private, owner=admin}'
$ ovn-nbctl add Logical_Switch_Port ls1-vm1 addresses '"02:ac:10:ff:00:11 172.16.255.11"'
$ ovn-nbctl remove Logical_Switch_Port ls1-vm1 addresses '"02:ac:10:ff:00:11"'
$ ovn-nbctl set Logical_Router tenant1 enabled=false options:dynamic_neigh_routers=true
$ ovn-nbctl lrp-set-enabled tenant1-dmz disabled
$ ovn-nbctl create Address_Set name=set1 'addresses=["10.0.0.1","10.0.0.2"]'
$ ovn-nbctl set Logical_Router_Port tenant1-dmz ipv6_ra_configs:address_mode=slaac
