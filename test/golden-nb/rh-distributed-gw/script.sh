[root@controller-0 ~]# ovs-vsctl set open . external_ids:ovn-bridge-mappings=public:br-ex
[root@controller-0 ~]# ovs-vsctl set open . external_ids:ovn-cms-options="enable-chassis-as-gw"
[root@central ~]# ovn-nbctl ls-add sw0
[root@central ~]# ovn-nbctl lsp-add sw0 sw0-port1
[root@central ~]# ovn-nbctl lsp-set-addresses sw0-port1 "50:54:00:00:00:03 10.0.0.3"
[root@central ~]# ovn-nbctl lsp-add sw0 sw0-port2
[root@central ~]# ovn-nbctl lsp-set-addresses sw0-port2 "50:54:00:00:00:04 10.0.0.4"
[root@central ~]# ovn-nbctl ls-add sw1
[root@central ~]# ovn-nbctl lsp-add sw1 sw1-port1
[root@central ~]# ovn-nbctl lsp-set-addresses sw1-port1 "40:54:00:00:00:03 20.0.0.3"
[root@central ~]# ovn-nbctl lr-add lr0
[root@central ~]# ovn-nbctl lrp-add lr0 lr0-sw0 00:00:00:00:ff:01 10.0.0.1/24
[root@central ~]# ovn-nbctl lsp-add sw0 sw0-lr0
[root@central ~]# ovn-nbctl lsp-set-type sw0-lr0 router
[root@central ~]# ovn-nbctl lsp-set-addresses sw0-lr0 router
[root@central ~]# ovn-nbctl lsp-set-options sw0-lr0 router-port=lr0-sw0
[root@central ~]# ovn-nbctl lrp-add lr0 lr0-sw1 00:00:00:00:ff:02 20.0.0.1/24
[root@central ~]# ovn-nbctl lsp-add sw1 sw1-lr0
[root@central ~]# ovn-nbctl lsp-set-type sw1-lr0 router
[root@central ~]# ovn-nbctl lsp-set-addresses sw1-lr0 router
[root@central ~]# ovn-nbctl lsp-set-options sw1-lr0 router-port=lr0-sw1
[root@central ~]# ovn-nbctl ls-add public
[root@central ~]# ovn-nbctl lrp-add lr0 lr0-public 00:00:20:20:12:13 172.168.0.200/24
[root@central ~]# ovn-nbctl lsp-add public public-lr0
[root@central ~]# ovn-nbctl lsp-set-type public-lr0 router
[root@central ~]# ovn-nbctl lsp-set-addresses public-lr0 router
[root@central ~]# ovn-nbctl lsp-set-options public-lr0 router-port=lr0-public
[root@central ~]# # Create a localnet port
[root@central ~]# ovn-nbctl lsp-add public ln-public
[root@central ~]# ovn-nbctl lsp-set-type ln-public localnet
[root@central ~]# ovn-nbctl lsp-set-addresses ln-public unknown
[root@central ~]# ovn-nbctl lsp-set-options ln-public network_name=public
[root@central ~]# ovn-nbctl lrp-set-gateway-chassis lr0-public controller-0 20
[root@central ~]# ovn-nbctl lrp-set-gateway-chassis lr0-public controller-1 15
[root@central ~]# ovn-nbctl lrp-set-gateway-chassis lr0-public controller-2 10
[root@central ~]# ovn-nbctl lrp-get-gateway-chassis lr0-public
lr0-public-controller-0    20
lr0-public-controller-1    15
lr0-public-controller-2    10
[root@central ~]# ovn-nbctl lr-nat-add lr0 snat 172.168.0.200 10.0.0.0/24
[root@central ~]# ovn-nbctl lr-nat-add lr0 snat 172.168.0.200 20.0.0.0/24
[root@central ~]# ovn-nbctl lr-nat-add lr0 dnat_and_snat 172.168.0.110 10.0.0.3 sw0-port1 30:54:00:00:00:03
[root@central ~]# ovn-nbctl lr-nat-add lr0 dnat_and_snat 172.168.0.120 20.0.0.3
[root@central ~]# ovn-nbctl lr-nat-list lr0
TYPE             GATEWAY_PORT          EXTERNAL_IP        EXTERNAL_PORT    LOGICAL_IP          EXTERNAL_MAC         LOGICAL_PORT
dnat_and_snat    lr0-public            172.168.0.110                       10.0.0.3            30:54:00:00:00:03    sw0-port1
dnat_and_snat    lr0-public            172.168.0.120                       20.0.0.3
snat             lr0-public            172.168.0.200                       10.0.0.0/24
snat             lr0-public            172.168.0.200                       20.0.0.0/24
[root@central ~]# ovn-nbctl lrp-del-gateway-chassis lr0-public controller-2
[root@central ~]# ovn-nbctl ha-chassis-group-add hagrp1
[root@central ~]# ovn-nbctl ha-chassis-group-add-chassis hagrp1 controller-0 30
[root@central ~]# ovn-nbctl ha-chassis-group-add-chassis hagrp1 controller-1 20
[root@central ~]# ovn-nbctl ha-chassis-group-set-chassis-prio hagrp1 controller-1 25
[root@central ~]# ovn-nbctl lr-nat-del lr0 dnat_and_snat 172.168.0.120
[root@central ~]# ovn-nbctl lr-route-add lr0 0.0.0.0/0 172.168.0.1
