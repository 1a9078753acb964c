# A switch with a known port, a port that also takes unknown MACs, and a port with no addresses.
ovn-nbctl ls-add sw0
ovn-nbctl lsp-add sw0 vm1
ovn-nbctl lsp-set-addresses vm1 "50:54:00:00:01:01 192.168.1.11"
ovn-nbctl lsp-add sw0 vm-unknown
ovn-nbctl lsp-set-addresses vm-unknown "50:54:00:00:01:02 192.168.1.12" unknown
ovn-nbctl lsp-add sw0 vm-noaddr
