# Deletions and variants: cascades by garbage collection, --may-exist / --if-exists, *-del commands.
ovn-nbctl ls-add sw0 -- ls-add sw1 -- ls-add sw2
ovn-nbctl lsp-add sw0 a -- lsp-add sw0 b -- lsp-add sw1 c -- lsp-add sw2 d
ovn-nbctl lsp-set-addresses a "00:00:00:00:00:0a 10.0.0.10" -- lsp-set-addresses b "00:00:00:00:00:0b 10.0.0.11"
ovn-nbctl --may-exist lsp-add sw0 a
ovn-nbctl ls-del sw2
ovn-nbctl lsp-del b
ovn-nbctl pg-add pg1 a c
ovn-nbctl acl-add pg1 from-lport 100 'inport == @pg1' drop -- acl-add pg1 to-lport 200 'outport == @pg1' allow
ovn-nbctl acl-add sw0 from-lport 300 ip4 allow -- acl-add sw0 from-lport 310 ip6 allow -- acl-add sw0 to-lport 300 ip4 drop
ovn-nbctl acl-del sw0 from-lport
ovn-nbctl --may-exist acl-add pg1 to-lport 200 'outport == @pg1' allow
ovn-nbctl --type=port-group acl-del pg1 from-lport 100 'inport == @pg1'
ovn-nbctl --apply-after-lb acl-add sw1 from-lport 500 ip4 allow-related
ovn-nbctl lr-add lr0 -- lr-add lr1
ovn-nbctl lrp-add lr0 lr0-a 00:00:00:00:01:01 10.1.0.1/24 -- lrp-add lr0 lr0-b 00:00:00:00:01:02 10.2.0.1/24 fd02::1/64
ovn-nbctl --may-exist lrp-add lr0 lr0-a 00:00:00:00:01:01 10.1.0.1/24
ovn-nbctl lrp-add lr1 lr1-a 00:00:00:00:02:01 10.3.0.1/24
ovn-nbctl lrp-set-gateway-chassis lr0-a hv1 10 -- lrp-set-gateway-chassis lr0-a hv2 20 -- lrp-set-gateway-chassis lr0-a hv3
ovn-nbctl lrp-del-gateway-chassis lr0-a hv2
ovn-nbctl lrp-set-gateway-chassis lr0-a hv1 30
ovn-nbctl lr-route-add lr0 10.10.0.0/16 10.1.0.254 -- lr-route-add lr0 10.20.0.0/16 10.1.0.254 lr0-a
ovn-nbctl --route-table=rtb1 lr-route-add lr0 0.0.0.0/0 10.2.0.254
ovn-nbctl --ecmp-symmetric-reply lr-route-add lr0 10.30.0.0/16 10.2.0.253
ovn-nbctl lr-route-add lr0 fd10::/64 fd02::fe
ovn-nbctl lr-route-add lr0 10.40.0.0/16 discard
ovn-nbctl --may-exist lr-route-add lr0 10.10.0.0/16 10.1.0.253
ovn-nbctl lr-route-del lr0 10.20.0.0/16
ovn-nbctl lr-policy-add lr0 1000 'ip4.src == 10.1.0.0/24' reroute 10.2.0.10,10.2.0.11 pkt_mark=10
ovn-nbctl lr-policy-add lr0 900 'ip4.dst == 8.8.8.8' allow
ovn-nbctl lr-policy-add lr0 800 'ip4.dst == 9.9.9.9' drop -- lr-policy-del lr0 900
ovn-nbctl lr-nat-add lr0 snat 10.2.0.1 10.1.0.0/24 -- lr-nat-add lr0 dnat_and_snat 10.2.0.50 10.1.0.50
ovn-nbctl lr-nat-add lr0 dnat 10.2.0.60 10.1.0.60 -- lr-nat-del lr0 dnat
ovn-nbctl lb-add lb0 10.0.0.100:80 10.0.0.10:80 -- lb-add lb0 10.0.0.101:80 10.0.0.10:80
ovn-nbctl --reject lb-add lb1 10.0.0.200:8080 10.0.0.10:8080 udp
ovn-nbctl --event lb-add lb2 [fd00::100]:80 [fd00::10]:80,[fd00::11]:80
ovn-nbctl lb-del lb0 10.0.0.101:80
ovn-nbctl ls-lb-add sw0 lb0 -- ls-lb-add sw0 lb1 -- ls-lb-add sw1 lb2
ovn-nbctl ls-lb-del sw0 lb1
ovn-nbctl lr-lb-add lr0 lb0 -- lr-lb-add lr0 lb2
ovn-nbctl lr-lb-del lr0 lb2
ovn-nbctl --may-exist ls-lb-add sw0 lb0
ovn-nbctl static-mac-binding-add lr0-a 10.1.0.100 00:00:00:00:aa:01 -- static-mac-binding-add lr0-b fd02::100 00:00:00:00:aa:02
ovn-nbctl --may-exist static-mac-binding-add lr0-a 10.1.0.100 00:00:00:00:aa:03
ovn-nbctl ha-chassis-group-add g1 -- ha-chassis-group-add-chassis g1 hv1 10 -- ha-chassis-group-add-chassis g1 hv2 20
ovn-nbctl ha-chassis-group-set-chassis-prio g1 hv1 30 -- ha-chassis-group-remove-chassis g1 hv2
ovn-nbctl ha-chassis-group-add g2 -- ha-chassis-group-del g2
ovn-nbctl qos-add sw0 to-lport 100 ip4 dscp=5 -- qos-add sw0 from-lport 200 ip4 rate=100 -- qos-del sw0 to-lport
ovn-nbctl dhcp-options-create 10.0.0.0/24 k=v -- dhcp-options-create fd00::/64
ovn-nbctl lr-del lr1
ovn-nbctl lrp-del lr0-b
