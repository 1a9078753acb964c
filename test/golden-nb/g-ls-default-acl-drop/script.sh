# NB_Global options:default_acl_drop=true: traffic that no ACL allows is dropped.
ovn-nbctl set NB_Global . options:default_acl_drop=true
ovn-nbctl ls-add sw0
ovn-nbctl lsp-add sw0 vm1
ovn-nbctl lsp-set-addresses vm1 "50:54:00:00:1a:01 10.26.0.11"
ovn-nbctl lsp-add sw0 vm2
ovn-nbctl lsp-set-addresses vm2 "50:54:00:00:1a:02 10.26.0.12"
ovn-nbctl acl-add sw0 to-lport 1000 'outport == "vm2" && tcp.dst == 22' allow-related
ovn-nbctl acl-add sw0 from-lport 1000 'inport == "vm1"' allow-related
