# A stateful switch traced with different conntrack states: established, related, reply, invalid.
ovn-nbctl ls-add sw0
ovn-nbctl lsp-add sw0 vm1
ovn-nbctl lsp-set-addresses vm1 "50:54:00:00:1c:01 10.28.0.11"
ovn-nbctl lsp-add sw0 vm2
ovn-nbctl lsp-set-addresses vm2 "50:54:00:00:1c:02 10.28.0.12"
ovn-nbctl acl-add sw0 from-lport 1000 'inport == "vm1" && ip4' allow-related
ovn-nbctl acl-add sw0 to-lport 1000 'outport == "vm1" && ip4' drop
ovn-nbctl acl-add sw0 to-lport 900 'outport == "vm2" && udp' allow-stateless
