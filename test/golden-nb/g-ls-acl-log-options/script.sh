# ACL logging details: meters, labels, every severity, unnamed logs, ACLs on IPv6 address sets.
ovn-nbctl meter-add acl-meter drop 10 pktps
ovn-nbctl ls-add sw0
ovn-nbctl lsp-add sw0 vm1
ovn-nbctl lsp-set-addresses vm1 "50:54:00:00:20:01 10.32.0.11 fd20::11"
ovn-nbctl lsp-add sw0 vm2
ovn-nbctl lsp-set-addresses vm2 "50:54:00:00:20:02 10.32.0.12 fd20::12"
ovn-nbctl create Address_Set name=as_v6 addresses='"fd20::11", "fd20::/120"'
ovn-nbctl --log --meter=acl-meter --name=metered --severity=debug acl-add sw0 from-lport 1010 'inport == "vm1" && udp' allow-related
ovn-nbctl --log --label=77 --severity=alert acl-add sw0 from-lport 1005 'inport == "vm1" && ip6.src == $as_v6' allow-related
ovn-nbctl --log --name=v4-drop acl-add sw0 to-lport 1000 'outport == "vm2" && ip4.src == 10.32.0.11 && tcp' drop
ovn-nbctl --log --severity=warning acl-add sw0 to-lport 999 'outport == "vm1" && tcp.dst == 22' reject
