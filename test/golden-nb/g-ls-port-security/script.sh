# One switch, four VMs: no port security, MAC only, MAC+IPv4, MAC+IPv4+IPv6.
ovn-nbctl ls-add sw0
ovn-nbctl lsp-add sw0 sw0-p1
ovn-nbctl lsp-set-addresses sw0-p1 "50:54:00:00:00:01 10.0.0.11"
ovn-nbctl lsp-add sw0 sw0-p2
ovn-nbctl lsp-set-addresses sw0-p2 "50:54:00:00:00:02 10.0.0.12"
ovn-nbctl lsp-set-port-security sw0-p2 50:54:00:00:00:02
ovn-nbctl lsp-add sw0 sw0-p3
ovn-nbctl lsp-set-addresses sw0-p3 "50:54:00:00:00:03 10.0.0.13"
ovn-nbctl lsp-set-port-security sw0-p3 "50:54:00:00:00:03 10.0.0.13"
ovn-nbctl lsp-add sw0 sw0-p4
ovn-nbctl lsp-set-addresses sw0-p4 "50:54:00:00:00:04 10.0.0.14 fd00::14"
ovn-nbctl lsp-set-port-security sw0-p4 "50:54:00:00:00:04 10.0.0.14/24 fd00::14/64"
