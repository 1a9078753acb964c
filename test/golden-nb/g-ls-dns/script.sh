# DNS: records on the switch, answered by ovn-controller's dns_lookup.
ovn-nbctl ls-add sw0
ovn-nbctl lsp-add sw0 vm1
ovn-nbctl lsp-set-addresses vm1 "50:54:00:00:0b:01 10.11.0.11 fd0b::11"
ovn-nbctl lsp-add sw0 vm2
ovn-nbctl lsp-set-addresses vm2 "50:54:00:00:0b:02 10.11.0.12"
dns=$(ovn-nbctl create DNS records='{"vm1.ovn.org"="10.11.0.11 fd0b::11", "vm2.ovn.org"="10.11.0.12"}')
ovn-nbctl add Logical_Switch sw0 dns_records $dns
