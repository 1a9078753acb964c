# Port mirroring and forwarding groups.
ovn-nbctl ls-add sw0
ovn-nbctl lsp-add sw0 p1 -- lsp-add sw0 p2 -- lsp-add sw0 p3
ovn-nbctl mirror-add m1 gre 5 to-lport 10.0.0.100
ovn-nbctl mirror-add m2 erspan 7 from-lport fd00::100
ovn-nbctl lsp-attach-mirror p1 m1
ovn-nbctl lsp-attach-mirror p2 m1 -- lsp-attach-mirror p2 m2
ovn-nbctl lsp-detach-mirror p2 m1
ovn-nbctl --liveness fwd-group-add fwd1 sw0 10.0.0.200 00:00:00:00:00:c8 p2 p3
ovn-nbctl meter-add m-arp drop 100 pktps
ovn-nbctl copp-add copp0 arp m-arp -- copp-add copp0 icmp4-error m-arp
ovn-nbctl ls-copp-add copp0 sw0
ovn-nbctl lr-add lr0 -- lr-copp-add copp0 lr0
ovn-nbctl lrp-add lr0 lr0-p 00:00:00:00:00:01 172.16.0.1/24 -- lrp-set-gateway-chassis lr0-p hv1
ovn-nbctl lr-nat-add lr0 snat 172.16.0.1 10.0.0.0/24
ovn-nbctl create Address_Set name=allowed addresses='"1.1.1.1"'
ovn-nbctl lr-nat-update-ext-ip lr0 snat 10.0.0.0/24 allowed
