# A router with two networks on one port, peers, static routes (policy, ecmp), policies, NATs,
# load balancers on switch and router, static MAC bindings, HA chassis groups.
ovn-nbctl ls-add sw0 -- ls-add sw1 -- ls-add public
ovn-nbctl lr-add lr0
ovn-nbctl lrp-add lr0 lr0-sw0 00:00:00:00:ff:01 10.0.0.1/24 fd00::1/64
ovn-nbctl lrp-add lr0 lr0-sw1 00:00:00:00:ff:02 10.0.1.1/24
ovn-nbctl lrp-add lr0 lr0-public 00:00:20:20:12:13 172.168.0.100/24
ovn-nbctl lsp-add sw0 sw0-lr0 -- lsp-set-type sw0-lr0 router -- lsp-set-addresses sw0-lr0 router -- lsp-set-options sw0-lr0 router-port=lr0-sw0
ovn-nbctl lsp-add sw0 sw0-p1 -- lsp-set-addresses sw0-p1 "50:54:00:00:00:03 10.0.0.3"
ovn-nbctl lsp-add sw1 sw1-p1 -- lsp-set-addresses sw1-p1 "50:54:00:00:01:03 10.0.1.3"
ovn-nbctl lr-route-add lr0 0.0.0.0/0 172.168.0.1
ovn-nbctl lr-route-add lr0 192.168.0.0/16 10.0.1.5 lr0-sw1
ovn-nbctl --ecmp lr-route-add lr0 20.0.0.0/24 10.0.0.10
ovn-nbctl --ecmp lr-route-add lr0 20.0.0.0/24 10.0.0.11
ovn-nbctl --policy=src-ip lr-route-add lr0 10.0.1.0/24 172.168.0.2
ovn-nbctl lr-policy-add lr0 100 "ip4.src == 10.0.0.3" reroute 10.0.1.3
ovn-nbctl lr-policy-add lr0 90 "ip4.dst == 1.1.1.1" drop
ovn-nbctl lr-nat-add lr0 snat 172.168.0.100 10.0.0.0/24
ovn-nbctl lr-nat-add lr0 dnat_and_snat 172.168.0.110 10.0.0.3 sw0-p1 30:54:00:00:00:03
ovn-nbctl lr-nat-add lr0 dnat 172.168.0.120 10.0.1.3
ovn-nbctl lb-add lb0 10.0.0.10:80 10.0.0.3:80,10.0.1.3:80
ovn-nbctl lb-add lb0 10.0.0.10:443 10.0.0.3:443 tcp
ovn-nbctl lb-add lb1 172.168.0.200 10.0.0.3,10.0.1.3
ovn-nbctl lb-add lb2 10.0.0.20:53 10.0.0.3:53 udp
ovn-nbctl ls-lb-add sw0 lb0 -- ls-lb-add sw0 lb2
ovn-nbctl lr-lb-add lr0 lb0
ovn-nbctl lr-lb-add lr0 lb1
ovn-nbctl static-mac-binding-add lr0-public 172.168.0.50 00:00:00:00:aa:bb
ovn-nbctl ha-chassis-group-add hagrp
ovn-nbctl ha-chassis-group-add-chassis hagrp hv1 30
ovn-nbctl ha-chassis-group-add-chassis hagrp hv2 20
ovn-nbctl lrp-set-gateway-chassis lr0-public hv1 10
ovn-nbctl lrp-set-gateway-chassis lr0-public hv2 5
