# A localport (e.g. a metadata port) and container ports nested in a VM port by VLAN tag.
ovn-nbctl ls-add sw0
ovn-nbctl lsp-add sw0 vm1
ovn-nbctl lsp-set-addresses vm1 "50:54:00:00:17:01 10.23.0.11"
ovn-nbctl lsp-add sw0 vm2
ovn-nbctl lsp-set-addresses vm2 "50:54:00:00:17:02 10.23.0.12"
ovn-nbctl lsp-add sw0 meta
ovn-nbctl lsp-set-type meta localport
ovn-nbctl lsp-set-addresses meta "50:54:00:00:17:fe 10.23.0.2"
ovn-nbctl lsp-add sw0 vm1-c1 vm1 42
ovn-nbctl lsp-set-addresses vm1-c1 "50:54:00:00:17:11 10.23.0.21"
ovn-nbctl lsp-add sw0 vm1-c2 vm1 43
ovn-nbctl lsp-set-addresses vm1-c2 "50:54:00:00:17:12 10.23.0.22"
ovn-nbctl lsp-set-port-security vm1-c2 "50:54:00:00:17:12 10.23.0.22"
