# ARP and ND responders: ports with several IPv4 and IPv6 addresses, and a virtual port.
ovn-nbctl ls-add sw0
ovn-nbctl lsp-add sw0 p1
ovn-nbctl lsp-set-addresses p1 "50:54:00:00:03:01 10.3.0.11 fd03::11"
ovn-nbctl lsp-add sw0 p2
ovn-nbctl lsp-set-addresses p2 "50:54:00:00:03:02 10.3.0.12 10.3.0.22 fd03::12 fd03::22"
ovn-nbctl lsp-add sw0 p3
ovn-nbctl lsp-set-addresses p3 "50:54:00:00:03:03 10.3.0.13" "50:54:00:00:03:33 10.3.0.33"
ovn-nbctl lsp-add sw0 vip
ovn-nbctl lsp-set-type vip virtual
ovn-nbctl lsp-set-options vip virtual-ip=10.3.0.100 virtual-parents=p1,p2
