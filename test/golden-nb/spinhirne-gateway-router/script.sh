root@ubuntu1:~# ovs-vsctl set open . external-ids:ovn-remote=tcp:127.0.0.1:6642
root@ubuntu1:~# ovs-vsctl set open . external-ids:ovn-encap-type=geneve
root@ubuntu1:~# ovs-vsctl set open . external-ids:ovn-encap-ip=127.0.0.1
root@ubuntu1:~# ovn-sbctl show
Chassis "55ed2b3b-1b0d-4b55-9a7d-fd6c0c6c3f6a"
    hostname: "ubuntu1"
    Encap geneve
        ip: "127.0.0.1"
        options: {csum="true"}
root@ubuntu1:~# ovn-nbctl ls-add dmz
root@ubuntu1:~# ovn-nbctl ls-add inside
root@ubuntu1:~# ovn-nbctl lr-add tenant1
root@ubuntu1:~# ovn-nbctl lrp-add tenant1 tenant1-dmz 02:ac:10:ff:01:29 172.16.255.129/26
root@ubuntu1:~# ovn-nbctl lsp-add dmz dmz-tenant1
root@ubuntu1:~# ovn-nbctl lsp-set-type dmz-tenant1 router
root@ubuntu1:~# ovn-nbctl lsp-set-addresses dmz-tenant1 02:ac:10:ff:01:29
root@ubuntu1:~# ovn-nbctl lsp-set-options dmz-tenant1 router-port=tenant1-dmz
root@ubuntu1:~# ovn-nbctl lrp-add tenant1 tenant1-inside 02:ac:10:ff:01:93 172.16.255.193/26
root@ubuntu1:~# ovn-nbctl lsp-add inside inside-tenant1
root@ubuntu1:~# ovn-nbctl lsp-set-type inside-tenant1 router
root@ubuntu1:~# ovn-nbctl lsp-set-addresses inside-tenant1 02:ac:10:ff:01:93
root@ubuntu1:~# ovn-nbctl lsp-set-options inside-tenant1 router-port=tenant1-inside

root@ubuntu1:~# # create router edge1
root@ubuntu1:~# ovn-nbctl create Logical_Router name=edge1 options:chassis=55ed2b3b-1b0d-4b55-9a7d-fd6c0c6c3f6a
5f9b8e1c-6a2d-4b6f-8e3c-1c2d3e4f5a6b

root@ubuntu1:~# # create a new logical switch for connecting the edge1 and tenant1 routers
root@ubuntu1:~# ovn-nbctl ls-add transit

root@ubuntu1:~# # edge1 to the transit switch
root@ubuntu1:~# ovn-nbctl lrp-add edge1 edge1-transit 02:ac:10:ff:00:01 172.16.255.1/30
root@ubuntu1:~# ovn-nbctl lsp-add transit transit-edge1
root@ubuntu1:~# ovn-nbctl lsp-set-type transit-edge1 router
root@ubuntu1:~# ovn-nbctl lsp-set-addresses transit-edge1 02:ac:10:ff:00:01
root@ubuntu1:~# ovn-nbctl lsp-set-options transit-edge1 router-port=edge1-transit

root@ubuntu1:~# # tenant1 to the transit switch
root@ubuntu1:~# ovn-nbctl lrp-add tenant1 tenant1-transit 02:ac:10:ff:00:02 172.16.255.2/30
root@ubuntu1:~# ovn-nbctl lsp-add transit transit-tenant1
root@ubuntu1:~# ovn-nbctl lsp-set-type transit-tenant1 router
root@ubuntu1:~# ovn-nbctl lsp-set-addresses transit-tenant1 02:ac:10:ff:00:02
root@ubuntu1:~# ovn-nbctl lsp-set-options transit-tenant1 router-port=tenant1-transit

root@ubuntu1:~# # add static routes
root@ubuntu1:~# ovn-nbctl lr-route-add edge1 "172.16.255.128/25" 172.16.255.2
root@ubuntu1:~# ovn-nbctl lr-route-add tenant1 "0.0.0.0/0" 172.16.255.1

root@ubuntu1:~# ovs-vsctl add-br br-eth1
root@ubuntu1:~# ovs-vsctl add-port br-eth1 eth1
root@ubuntu1:~# ovs-vsctl set Open_vSwitch . external-ids:ovn-bridge-mappings=dataNet:br-eth1

root@ubuntu1:~# # create new port on router 'edge1'
root@ubuntu1:~# ovn-nbctl lrp-add edge1 edge1-outside 02:0a:7f:18:01:02 10.127.0.2/24

root@ubuntu1:~# # create new logical switch and connect it to edge1
root@ubuntu1:~# ovn-nbctl ls-add outside
root@ubuntu1:~# ovn-nbctl lsp-add outside outside-edge1
root@ubuntu1:~# ovn-nbctl lsp-set-type outside-edge1 router
root@ubuntu1:~# ovn-nbctl lsp-set-addresses outside-edge1 02:0a:7f:18:01:02
root@ubuntu1:~# ovn-nbctl lsp-set-options outside-edge1 router-port=edge1-outside

root@ubuntu1:~# # create a bridge for eth1
root@ubuntu1:~# ovs-vsctl add-br br-eth1

root@ubuntu1:~# # create bridge mapping for eth1. map network name "dataNet" to br-eth1
root@ubuntu1:~# ovs-vsctl set Open_vSwitch . external-ids:ovn-bridge-mappings=dataNet:br-eth1

root@ubuntu1:~# # create localnet port on 'outside'. set the network name to "dataNet"
root@ubuntu1:~# ovn-nbctl lsp-add outside outside-localnet
root@ubuntu1:~# ovn-nbctl lsp-set-addresses outside-localnet unknown
root@ubuntu1:~# ovn-nbctl lsp-set-type outside-localnet localnet
root@ubuntu1:~# ovn-nbctl lsp-set-options outside-localnet network_name=dataNet

root@ubuntu1:~# # connect eth1 to br-eth1
root@ubuntu1:~# ovs-vsctl add-port br-eth1 eth1

root@ubuntu1:~# # create snat-dnat rule for vm1 & apply to edge1
root@ubuntu1:~# ovn-nbctl -- --id=@nat create nat type="dnat_and_snat" logical_ip=172.16.255.130 \
external_ip=10.127.0.110 -- add logical_router edge1 nat @nat

root@ubuntu1:~# # create snat rule which will nat to the edge1-outside interface
root@ubuntu1:~# ovn-nbctl -- --id=@nat create nat type="snat" logical_ip=172.16.255.128/25 \
external_ip=10.127.0.2 -- add logical_router edge1 nat @nat
root@ubuntu1:~# ovn-nbctl lr-nat-list edge1
TYPE             EXTERNAL_IP        EXTERNAL_PORT    LOGICAL_IP            EXTERNAL_MAC         LOGICAL_PORT
dnat_and_snat    10.127.0.110                        172.16.255.130
snat             10.127.0.2                          172.16.255.128/25
